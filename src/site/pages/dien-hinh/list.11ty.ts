// Exemplar lists: /dien-hinh/ and one static page per filter value (/dien-hinh/loai/ca-nhan/…), paginated.
//
// As for exemplar pages, `listPageView` gathers what a list page shows into a plain view model and `renderListPage`
// reads only that and the page shell, so the build can key each list page by its view (src/site/stream.ts).
import { cardData, exemplarCard, filterBar, pageNav, type CardData } from "../../components.ts";
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../../render/html.ts";
import { layout, type PageShell } from "../../layout.ts";
import type { FacetGroup, FacetValue, ListPage, PortalData } from "../../sections/portal.ts";
import { pagination, permalink, type PageFamily } from "../../family.ts";
import { FILE_PATHS, SECTION_PATHS } from "../../../paths/paths.ts";

/** Everything a list page shows, and nothing else. */
export interface ListPageView {
  path: string;
  title: string;
  pageNumber: number;
  pageCount: number;
  pagePaths: string[];
  facet?: FacetValue;
  /** Number of exemplars in the whole site (the lead of the unfiltered list). */
  total: number;
  facets: FacetGroup[];
  items: CardData[];
}

export function listPageView(gs: SiteGlobals, list: ListPage): ListPageView {
  const p = gs.section<PortalData>("portal");
  return {
    path: list.path,
    title: list.title,
    pageNumber: list.pageNumber,
    pageCount: list.pageCount,
    pagePaths: list.pagePaths,
    ...(list.facet ? { facet: list.facet } : {}),
    total: p.exemplars.length,
    facets: p.facets,
    items: list.items.map(cardData),
  };
}

export function renderListPage(gs: PageShell, list: ListPageView): string {
  const title = list.pageNumber > 1 ? `${list.title} (trang ${list.pageNumber})` : list.title;
  const body = html`<h1>${title}</h1>
<p class="lead">${list.facet ? html`${list.facet.count} điển hình.` : html`${list.total} điển hình tiêu biểu, mô hình hay, cách làm hiệu quả.`}</p>
<div class="list-layout">
${filterBar(gs, list.facets, list.facet ? { dimension: list.facet.dimension, id: list.facet.id } : undefined)}
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
    crumbs: list.facet ? [["Điển hình", SECTION_PATHS.exemplars]] : undefined,
    scripts: [FILE_PATHS.filterScript],
  });
}

export function render({ gs, list }: { gs: SiteGlobals; list: ListPage }): string {
  return renderListPage(gs, listPageView(gs, list));
}

/** Every page of the exemplar list and of each filter, keyed by its view. */
export const family: PageFamily<ListPage> = {
  id: "exemplar-list",
  data: "gs.sections.portal.listPages",
  alias: "list",
  items: (gs) => gs.section<PortalData>("portal").listPages,
  key: (list) => list.path,
  page(gs, list) {
    const view = listPageView(gs, list);
    return { path: list.path, view, render: () => renderListPage(gs, view) };
  },
};

export const data = {
  pagination: pagination(family),
  permalink: permalink(family),
};
