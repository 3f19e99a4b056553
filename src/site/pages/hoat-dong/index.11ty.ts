// Activities (giao lưu, tọa đàm, phát thanh, đăng tin), newest first, grouped by year.
import { draftBadge } from "../../components.ts";
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../../render/html.ts";
import { activityFieldTitle as t } from "../../../content/labels.ts";
import { layout } from "../../layout.ts";
import type { ActivityView, PortalData } from "../../sections/portal.ts";
import { SECTION_PATHS } from "../../../paths/paths.ts";

export const data = { permalink: SECTION_PATHS.activities };

function activity(gs: SiteGlobals, a: ActivityView) {
  const d = a.entry.data;
  const row = (label: string, value: string | number | undefined) =>
    value === undefined ? html`` : html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<article class="activity card" id="${a.anchor}">
  <h3 class="card-title">${a.title}${draftBadge(a.draft)}</h3>
  <p class="card-meta"><span class="tag">${a.type.name}</span> · <time datetime="${d.date}">${a.dateText}${a.time ? `, ${a.time}` : ""}</time></p>
  ${d.summary ? html`<p>${d.summary}</p>` : ""}
  <dl class="facts">
    ${row(t("unit"), a.unit.name)}
    ${row(t("ward"), a.ward?.name)}
    ${row(t("channel"), a.channel?.name)}
    ${row(t("occasion"), a.occasion?.name)}
    ${row(t("place"), d.place)}
    ${row(t("participants"), d.participants)}
    ${row(t("durationMinutes"), d.durationMinutes)}
  </dl>
  ${a.exemplars.length ? html`<p>${t("exemplars")}: ${a.exemplars.map((e, i) => html`${i ? ", " : ""}<a href="${gs.url(e.path)}">${e.title}</a>`)}</p>` : ""}
</article>`;
}

export function render({ gs }: { gs: SiteGlobals }): string {
  const p = gs.section<PortalData>("portal");
  const years = [...new Set(p.activities.map((a) => a.year))];
  const body = html`<h1>Hoạt động</h1>
<p class="lead">Giao lưu, tọa đàm, buổi phát thanh và bài đăng giới thiệu điển hình tiêu biểu.</p>
${years.length
  ? years.map(
      (y) => html`<section aria-labelledby="nam-${y}"><h2 id="nam-${y}">Năm ${y}</h2>
${p.activities.filter((a) => a.year === y).map((a) => activity(gs, a))}</section>`,
    )
  : html`<p>Chưa có hoạt động nào.</p>`}`;
  return layout(gs, { title: "Hoạt động", path: SECTION_PATHS.activities, body, bodyClass: "page-activities" });
}
