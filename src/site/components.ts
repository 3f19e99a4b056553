// Small pieces of HTML the portal's pages share: exemplar cards, the filter bar, page navigation, the approval line.
import type { ApprovalRecord } from "./approvals.ts";
import type { PageShell } from "./layout.ts";
import { html, type SafeHtml } from "../render/html.ts";
import type { ExemplarView, FacetGroup, ListPage } from "./sections/portal.ts";
import { formatDateVi } from "../vi/date.ts";
import { FILE_PATHS, SECTION_PATHS } from "../paths/paths.ts";

export function draftBadge(draft: boolean): SafeHtml {
  return draft ? html` <span class="badge badge-draft">Bản nháp</span>` : html``;
}

/** What a card shows of an exemplar (an `ExemplarView` is one; list pages pass a plain copy, their view model). */
export type CardData = Pick<ExemplarView, "path" | "title" | "draft" | "kind" | "unit" | "ward" | "field" | "year" | "dateText"> & {
  entry: { data: { subject: { name: string }; summary: string; date: string } };
};

/** The plain copy of what a card shows (for view models: nothing more, so the key covers exactly this). */
export function cardData(e: ExemplarView): CardData {
  const d = e.entry.data;
  return {
    path: e.path,
    title: e.title,
    draft: e.draft,
    kind: e.kind,
    unit: e.unit,
    ...(e.ward ? { ward: e.ward } : {}),
    field: e.field,
    year: e.year,
    dateText: e.dateText,
    entry: { data: { subject: { name: d.subject.name }, summary: d.summary, date: d.date } },
  };
}

/** One exemplar in a list; the data attributes let the filter script work without another request. */
export function exemplarCard(gs: PageShell, e: CardData, headingLevel: 2 | 3 = 2): SafeHtml {
  const heading =
    headingLevel === 2
      ? html`<h2 class="card-title"><a href="${gs.url(e.path)}">${e.title}</a>${draftBadge(e.draft)}</h2>`
      : html`<h3 class="card-title"><a href="${gs.url(e.path)}">${e.title}</a>${draftBadge(e.draft)}</h3>`;
  return html`<article class="card" data-kind="${e.kind.id}" data-unit="${e.unit.id}" data-ward="${e.ward?.id ?? ""}" data-field="${e.field.id}" data-year="${e.year}">
  ${heading}
  <p class="card-meta"><span class="tag tag-${e.kind.id}">${e.kind.name}</span> · ${e.entry.data.subject.name} · ${e.unit.name}</p>
  <p class="card-summary">${e.entry.data.summary}</p>
  <p class="card-date">${e.field.name} · <time datetime="${e.entry.data.date}">${e.dateText}</time></p>
</article>`;
}

/** The filter bar: links to the static facet pages, so filtering works without JavaScript. */
export function filterBar(gs: PageShell, facets: readonly FacetGroup[], current?: { dimension: string; id: string }): SafeHtml {
  return html`<nav class="filters" aria-label="Lọc điển hình" data-filter-bar data-index="${gs.url(FILE_PATHS.exemplarIndex)}">
  <h2 class="filters-title">Lọc điển hình</h2>
  <p class="filters-all"><a href="${gs.url(SECTION_PATHS.exemplars)}"${current ? "" : html` aria-current="page"`}>Tất cả</a></p>
  ${facets.map(
    (g) => html`<details class="filter-group" data-dimension="${g.dimension}"${current?.dimension === g.dimension ? " open" : ""}>
    <summary>${g.title}</summary>
    <ul>${g.values
      .filter((v) => v.count > 0)
      .map(
        (v) =>
          html`<li><a href="${gs.url(v.path)}" data-id="${v.id}"${current?.dimension === g.dimension && current.id === v.id ? html` aria-current="page"` : ""}>${v.label} <span class="count">(${v.count})</span></a></li>`,
      )}</ul>
  </details>`,
  )}
</nav>`;
}

export function pageNav(gs: PageShell, page: Pick<ListPage, "pageCount" | "pagePaths" | "pageNumber">): SafeHtml {
  if (page.pageCount <= 1) return html``;
  return html`<nav class="pager" aria-label="Trang"><ul>${page.pagePaths.map(
    (p, i) =>
      html`<li><a href="${gs.url(p)}"${i + 1 === page.pageNumber ? html` aria-current="page"` : ""}>${i + 1}</a></li>`,
  )}</ul></nav>`;
}

/** "Được đưa vào hồ sơ công bố ngày … qua đề nghị thay đổi (pull request) #12 (mã thay đổi abc1234567)." */
export function approvalLine(record: ApprovalRecord | undefined): SafeHtml {
  if (!record) return html``;
  const a = record.entered;
  const via = a.pr !== undefined ? html` qua đề nghị thay đổi (pull request) <strong>#${a.pr}</strong>` : html``;
  const u = record.updated;
  return html`<aside class="approval" aria-labelledby="phe-duyet">
  <h2 class="approval-title" id="phe-duyet">Phê duyệt công bố</h2>
  <p>Được đưa vào hồ sơ công bố ${a.date ? formatDateVi(a.date) : ""}${via} (mã thay đổi <code>${a.commit.slice(0, 10)}</code>).</p>
  ${u ? html`<p>Cập nhật lần cuối ${u.date ? formatDateVi(u.date) : ""}${u.pr !== undefined ? html` qua đề nghị <strong>#${u.pr}</strong>` : ""} (mã thay đổi <code>${u.commit.slice(0, 10)}</code>).</p>` : ""}
</aside>`;
}
