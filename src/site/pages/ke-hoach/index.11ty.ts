// The list of plans.
import { draftBadge } from "../../components.ts";
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../../render/html.ts";
import { layout } from "../../layout.ts";
import type { PortalData } from "../../sections/portal.ts";
import { SECTION_PATHS } from "../../../paths/paths.ts";

export const data = { permalink: SECTION_PATHS.plans };

export function render({ gs }: { gs: SiteGlobals }): string {
  const p = gs.section<PortalData>("portal");
  const body = html`<h1>Kế hoạch</h1>
<p class="lead">Các kế hoạch tuyên truyền điển hình tiêu biểu đã ban hành.</p>
${p.plans.length
  ? html`<ul class="doc-list">${p.plans.map(
      (pl) => html`<li><article class="card">
  <h2 class="card-title"><a href="${gs.url(pl.path)}">Kế hoạch số ${pl.entry.data.number}</a>${draftBadge(pl.draft)}</h2>
  <p class="card-meta">${pl.entry.data.issuer} · <time datetime="${pl.entry.data.date}">${pl.dateText}</time></p>
  <p>${pl.title}</p>
  ${pl.entry.data.summary ? html`<p class="card-summary">${pl.entry.data.summary}</p>` : ""}
</article></li>`,
    )}</ul>`
  : html`<p>Chưa có kế hoạch nào.</p>`}`;
  return layout(gs, { title: "Kế hoạch", path: SECTION_PATHS.plans, body, bodyClass: "page-list" });
}
