// /lich/: the year's anniversaries in order of their next date, and scheduled activities.
import type { SiteGlobals } from "../../globals.ts";
import { html, scrollable } from "../../../render/html.ts";
import { layout } from "../../layout.ts";
import type { PortalData } from "../../sections/portal.ts";
import { isoDate, todayInVietnam, vietnamDate } from "../../../vi/date.ts";
import { FILE_PATHS, SECTION_PATHS } from "../../../paths/paths.ts";

export const data = { permalink: SECTION_PATHS.calendar };

export function render({ gs }: { gs: SiteGlobals }): string {
  const p = gs.section<PortalData>("portal");
  const today = isoDate(todayInVietnam(gs.now));
  const upcoming = p.activities.filter((a) => isoDate(vietnamDate(a.entry.data.date)) >= today).reverse();
  const recent = p.activities.filter((a) => isoDate(vietnamDate(a.entry.data.date)) < today).slice(0, 10);
  const list = (items: typeof p.activities) =>
    html`<ul class="plain events">${items.map(
      (a) =>
        html`<li><time datetime="${a.entry.data.date}">${a.dateText}${a.time ? `, ${a.time}` : ""}</time>: <a href="${gs.url(a.path)}">${a.title}</a> <span class="muted">(${a.type.name} · ${a.unit.name})</span></li>`,
    )}</ul>`;
  const body = html`<h1>Lịch</h1>
<p class="lead">Ngày lễ, kỷ niệm để tổ chức giao lưu điển hình và các hoạt động đã lên lịch. <a href="${gs.url(FILE_PATHS.calendarIcs)}">Thêm vào lịch của bạn (tệp iCalendar)</a>.</p>
<section aria-labelledby="ky-niem">
<h2 id="ky-niem">Ngày kỷ niệm</h2>
${scrollable("Ngày kỷ niệm", html`<table class="table">
  <caption class="visually-hidden">Ngày kỷ niệm, theo thứ tự ngày sắp tới</caption>
  <thead><tr><th scope="col">Ngày</th><th scope="col">Ngày kỷ niệm</th><th scope="col">Lần tới</th></tr></thead>
  <tbody>${p.anniversaries.map(
    (a) => html`<tr><td>${a.monthDay.slice(3)}/${a.monthDay.slice(0, 2)}</td><td>${a.name}</td><td><time datetime="${a.next}">${a.nextText}</time>${a.ordinal ? html` (lần thứ ${a.ordinal})` : ""}</td></tr>`,
  )}</tbody>
</table>`)}
</section>
<section aria-labelledby="sap-toi">
<h2 id="sap-toi">Hoạt động sắp tới</h2>
${upcoming.length ? list(upcoming) : html`<p>Chưa có hoạt động nào được lên lịch.</p>`}
</section>
<section aria-labelledby="gan-day">
<h2 id="gan-day">Hoạt động gần đây</h2>
${recent.length ? list(recent) : html`<p>Chưa có hoạt động nào.</p>`}
</section>`;
  return layout(gs, { title: "Lịch", path: SECTION_PATHS.calendar, body, bodyClass: "page-calendar" });
}
