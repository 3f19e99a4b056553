// The home page: newest exemplars, latest bulletin, the current quarter at a glance, coming anniversaries.
import { exemplarCard } from "../components.ts";
import type { SiteGlobals } from "../globals.ts";
import { html } from "../../render/html.ts";
import { layout } from "../layout.ts";
import type { PortalData } from "../sections/portal.ts";
import { SECTION_PATHS } from "../../paths/paths.ts";

export const data = { permalink: "/index.html" };

export function render({ gs }: { gs: SiteGlobals }): string {
  const p = gs.section<PortalData>("portal");
  const newest = p.exemplars.slice(0, 6);
  const b = p.latestBulletin;
  const body = html`<section class="hero">
  <h1>${gs.site.title}</h1>
  ${gs.site.description ? html`<p class="lead">${gs.site.description}</p>` : ""}
</section>
<div class="home-grid">
<section class="home-main" aria-labelledby="moi-nhat">
  <h2 id="moi-nhat">Điển hình mới</h2>
  ${newest.length ? html`<div class="cards">${newest.map((e) => exemplarCard(gs, e, 3))}</div>` : html`<p>Chưa có điển hình nào.</p>`}
  <p class="more"><a href="${gs.url(SECTION_PATHS.exemplars)}">Xem tất cả ${p.exemplars.length} điển hình</a></p>
</section>
<aside class="home-side">
  <section class="box" aria-labelledby="quy-nay">
    <h2 id="quy-nay">${p.quarter.label}</h2>
    <dl class="figures">
      <div><dt>Điển hình mới</dt><dd>${p.quarter.exemplars}</dd></div>
      <div><dt>Hoạt động</dt><dd>${p.quarter.activities}</dd></div>
      <div><dt>Kế hoạch ban hành</dt><dd>${p.quarter.plans}</dd></div>
    </dl>
    <p><a href="${gs.url(p.quarter.path)}">Xem báo cáo ${p.quarter.label}</a></p>
  </section>
  <section class="box" aria-labelledby="ban-tin-moi">
    <h2 id="ban-tin-moi">Bản tin mới nhất</h2>
    ${b
      ? html`<p><a href="${gs.url(b.path)}">${b.title}</a><br><span class="muted">Phát hành ${b.dateText}</span></p>
    <p><a href="${gs.url(b.pdf)}">Tải bản PDF để in</a></p>`
      : html`<p>Chưa có số Bản tin nào.</p>`}
  </section>
  <section class="box" aria-labelledby="ky-niem">
    <h2 id="ky-niem">Ngày kỷ niệm sắp tới</h2>
    <ul class="plain">${p.upcoming.map(
      (a) => html`<li><strong>${a.name}</strong>${a.ordinal ? html` (lần thứ ${a.ordinal})` : ""}<br><time datetime="${a.next}">${a.nextText}</time></li>`,
    )}</ul>
    <p><a href="${gs.url(SECTION_PATHS.calendar)}">Xem lịch</a></p>
  </section>
</aside>
</div>`;
  return layout(gs, { title: "", path: "/", body, bodyClass: "page-home" });
}
