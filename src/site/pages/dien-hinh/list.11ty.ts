// Exemplar lists: /dien-hinh/ and one static page per filter value (/dien-hinh/loai/ca-nhan/…), paginated.
import { exemplarCard, filterBar, pageNav } from "../../components.ts";
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../html.ts";
import { layout } from "../../layout.ts";
import type { ListPage, PortalData } from "../../sections/portal.ts";
import type { StreamedPage } from "../../stream.ts";

export const data = {
  pagination: {
    data: "gs.sections.portal.listPages",
    size: 1,
    alias: "list",
    // The build writes these pages itself (streamed, rendered every time); `npm start` lets Eleventy render them.
    before: (items: ListPage[], d: { gs?: SiteGlobals }) => (d.gs?.streamed ? [] : items),
  },
  permalink: (d: { list: ListPage }) => d.list.path,
};

export function render({ gs, list }: { gs: SiteGlobals; list: ListPage }): string {
  const p = gs.section<PortalData>("portal");
  const title = list.pageNumber > 1 ? `${list.title} (trang ${list.pageNumber})` : list.title;
  const body = html`<h1>${title}</h1>
<p class="lead">${list.facet ? html`${list.facet.count} điển hình.` : html`${p.exemplars.length} điển hình tiêu biểu, mô hình hay, cách làm hiệu quả.`}</p>
<div class="list-layout">
${filterBar(gs, p.facets, list.facet ? { dimension: list.facet.dimension, id: list.facet.id } : undefined)}
<div class="list-main">
  <p class="filter-status" role="status" aria-live="polite" data-filter-status></p>
  ${list.items.length ? html`<div class="cards" data-cards>${list.items.map((e) => exemplarCard(gs, e))}</div>` : html`<p>Chưa có điển hình nào.</p>`}
  ${pageNav(gs, list)}
</div>
</div>`;
  return layout(gs, {
    title,
    path: list.path,
    body,
    bodyClass: "page-list",
    crumbs: list.facet ? [["Điển hình", "/dien-hinh/"]] : undefined,
    scripts: ["/assets/filter.js"],
  });
}

/** The build's streamed pages: every page of every list (no view key: they always render). */
export function* streamedPages(gs: SiteGlobals): Generator<StreamedPage> {
  for (const list of gs.section<PortalData>("portal").listPages) yield { path: list.path, render: () => render({ gs, list }) };
}
