// The city section's HTML: a page shell with the unit sites' stylesheet and fonts, the exemplar list with static filter
// pages (source unit, kind, field, year), quarter and year pages, the sources' status, and the search page. Every value
// that came from a source goes through the escaping `html` template; links from sources are http(s) only (read.ts).
import { exemplarFacetTitle } from "../content/labels.ts";
import { schemaAt } from "../content/schemas.ts";
import { parseQuarter, quarterLabel } from "../vi/quarter.ts";
import { html, type SafeHtml } from "../render/html.ts";
import { formatDateVi, VIETNAM_TIME_ZONE, vietnamDateOfInstant } from "../vi/date.ts";
import { viCollator } from "../vi/text.ts";
import type { CityPeriod, SourceRow } from "./figures.ts";
import type { CityExemplar, SourceOutcome } from "./model.ts";
import { type Dimension, filterPath, pagePath, PATHS, quarterPath, yearPath } from "./paths.ts";
import type { SourcesConfig } from "./sources.ts";

/** Exemplars per list page: 75,000 exemplars make 750 pages of a few dozen kilobytes each. */
export const PAGE_SIZE = 100;

export interface CityView {
  config: SourcesConfig;
  outcomes: SourceOutcome[];
  /** Newest first. */
  exemplars: CityExemplar[];
  /** Field id → name (the first source, in the sources file's order, that names it). */
  fields: Map<string, string>;
  quarters: CityPeriod[];
  years: (CityPeriod & { quarters: CityPeriod[] })[];
  url: (sitePath: string) => string;
  now: Date;
  /** Sources whose search index can be merged: id → index folder URL and the base its results link to. */
  searchIndexes: { id: string; index: string; base: string }[];
}

export type Writer = (sitePath: string, text: string) => Promise<void>;

function labels(kind: "exemplar" | "site", segments: string[]): Record<string, string> {
  return schemaAt(kind, segments)?.["x-labels"] ?? {};
}

/** The filter by source: each source is one unit's site, so the schema titles it "Đơn vị" there. */
const sourcesFacetTitle = (): string => {
  const node = schemaAt("sources", ["sources"]);
  return node?.["x-facet-title"] ?? node?.title ?? "sources";
};

let kindLabels: Record<string, string> | undefined;
const KIND_LABELS = (): Record<string, string> => (kindLabels ??= labels("exemplar", ["kind"]));
const LEVEL_LABELS = (): Record<string, string> => labels("site", ["organisation", "level"]);

const NAV: [string, string][] = [
  [PATHS.home, "Các đơn vị"],
  [PATHS.exemplars, "Điển hình"],
  [PATHS.reports, "Báo cáo"],
  [PATHS.search, "Tìm kiếm"],
];

const clock = new Intl.DateTimeFormat("vi-VN", { timeZone: VIETNAM_TIME_ZONE, hour: "2-digit", minute: "2-digit", hour12: false });
const readTimes = new Map<string, string>();

/** "ngày 1 tháng 12 năm 2026, 13:05" (giờ Hà Nội); every page's footer asks for the same few. */
export function readTime(iso: string): string {
  let text = readTimes.get(iso);
  if (text === undefined) {
    const at = new Date(iso);
    readTimes.set(iso, (text = `${formatDateVi(vietnamDateOfInstant(at))}, ${clock.format(at)}`));
  }
  return text;
}

const number = (n: number): string => n.toLocaleString("vi-VN");

function periodLabel(period: string): string {
  const q = parseQuarter(period);
  return q ? quarterLabel(q) : `Năm ${period}`;
}

interface ShellOptions {
  title: string;
  path: string;
  body: SafeHtml;
  crumbs?: [string, string][];
  scripts?: string[];
}

function shell(v: CityView, o: ShellOptions): string {
  const site = v.config;
  const fullTitle = o.title ? `${o.title} | ${site.title}` : site.title;
  const nav = html`<nav class="site-nav" aria-label="Chuyên mục"><ul>${NAV.map(
    ([p, label]) => html`<li><a href="${v.url(p)}"${o.path === p ? html` aria-current="page"` : p !== "/" && o.path.startsWith(p) ? html` aria-current="true"` : ""}>${label}</a></li>`,
  )}</ul></nav>`;
  const crumbs = o.crumbs?.length
    ? html`<nav class="crumbs" aria-label="Vị trí trang"><ol><li><a href="${v.url("/")}">Trang chủ</a></li>${o.crumbs.map(([label, p]) => html`<li><a href="${v.url(p)}">${label}</a></li>`)}<li aria-current="page">${o.title}</li></ol></nav>`
    : "";
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<link rel="stylesheet" href="${v.url(PATHS.stylesheet)}">
<link rel="stylesheet" href="${v.url(PATHS.cityStylesheet)}">
<link rel="icon" href="${v.url(PATHS.icon)}" type="image/svg+xml">
${(o.scripts ?? []).map((s) => html`<script src="${v.url(s)}" defer></script>`)}
</head>
<body class="page page-city">
<a class="skip-link" href="#noi-dung">Chuyển đến nội dung chính</a>
${site.sample ? html`<p class="sample-banner" role="note"><strong>Dữ liệu minh họa:</strong> nhân vật, đơn vị và số liệu trên trang này chỉ dùng để giới thiệu cách trình bày.</p>` : ""}
<header class="site-header">
  <div class="wrap">
    <a class="site-title" href="${v.url("/")}">${site.organisation ? html`<span class="site-org">${site.organisation}</span> ` : ""}<span class="site-name">${site.title}</span></a>
    ${nav}
  </div>
</header>
<main id="noi-dung" class="wrap" tabindex="-1">
${crumbs}
${o.body}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>Tổng hợp từ ${number(v.outcomes.length)} chuyên mục Gương Sáng của các đơn vị, lúc ${readTime(v.now.toISOString())}. Nội dung mỗi điển hình thuộc trang của đơn vị đăng.</p>
    <p><a href="${v.url(PATHS.schemas + "city-quarter.schema.json")}">Khuôn dữ liệu số liệu quý (JSON Schema)</a></p>
  </div>
</footer>
</body>
</html>
`.value;
}

function status(o: SourceOutcome): SafeHtml {
  if (o.ok) return html`<span class="status status-ok">Đọc được</span>`;
  if (o.snapshot) return html`<span class="status status-stale">Không đọc được lần này; dùng bản đọc ${readTime(o.snapshot.readAt)}</span>`;
  return html`<span class="status status-error">Không đọc được</span>`;
}

function scroll(label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}

function unreadableList(v: CityView): SafeHtml {
  const bad = v.outcomes.filter((o) => !o.ok);
  if (bad.length === 0) return html``;
  return html`<section aria-labelledby="khong-doc-duoc"><h2 id="khong-doc-duoc">Nguồn không đọc được (${number(bad.length)})</h2>
<ul class="unreadable">${bad.map(
    (o) =>
      html`<li><strong>${o.name}</strong> (${o.location}): ${o.why ?? "không rõ lý do"}${o.snapshot ? html` Số liệu dưới đây lấy từ bản đọc được ${readTime(o.snapshot.readAt)}.` : html` Chưa có bản đọc được nào: đơn vị này không có trong số liệu.`}</li>`,
  )}</ul></section>`;
}

// ---- exemplar lists ----

function card(v: CityView, e: CityExemplar, sourceName: string): SafeHtml {
  const kind = KIND_LABELS()[e.kind] ?? e.kind;
  const title = e.link ? html`<a href="${e.link}">${e.title}</a>` : html`${e.title}`;
  return html`<li class="card"><h3 class="card-title">${title}</h3>
<p class="card-meta"><span class="tag tag-${e.kind}">${kind}</span> ${e.subject}</p>
<p class="card-meta">${sourceName} · ${e.unitName} · ${v.fields.get(e.field) ?? e.field}</p>
<p class="card-summary">${e.summary}</p>
<p class="card-date">${formatDateVi(e.date)}</p></li>`;
}

interface Facet {
  dimension: Dimension;
  title: string;
  values: { value: string; label: string; count: number }[];
}

function facets(v: CityView): Facet[] {
  const count = (key: (e: CityExemplar) => string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const e of v.exemplars) m.set(key(e), (m.get(key(e)) ?? 0) + 1);
    return m;
  };
  const bySource = count((e) => e.source);
  const byKind = count((e) => e.kind);
  const byField = count((e) => e.field);
  const byYear = count((e) => e.date.slice(0, 4));
  const kinds = KIND_LABELS();
  return [
    { dimension: "source", title: sourcesFacetTitle(), values: v.outcomes.filter((o) => bySource.get(o.id)).map((o) => ({ value: o.id, label: o.name, count: bySource.get(o.id) ?? 0 })) },
    { dimension: "kind", title: exemplarFacetTitle("kind"), values: Object.entries(kinds).filter(([id]) => byKind.get(id)).map(([id, label]) => ({ value: id, label, count: byKind.get(id) ?? 0 })) },
    {
      dimension: "field",
      title: exemplarFacetTitle("field"),
      values: [...byField.keys()].map((id) => ({ value: id, label: v.fields.get(id) ?? id, count: byField.get(id) ?? 0 })).sort((a, b) => viCollator.compare(a.label, b.label)),
    },
    { dimension: "year", title: exemplarFacetTitle("date"), values: [...byYear.keys()].sort().reverse().map((y) => ({ value: y, label: y, count: byYear.get(y) ?? 0 })) },
  ];
}

/** The URL segment of a facet value: kinds by their label (as the unit sites do), the rest by id. */
function facetPath(dimension: Dimension, value: string): string {
  return filterPath(dimension, dimension === "kind" ? (KIND_LABELS()[value] ?? value) : value);
}

function filterNav(v: CityView, all: Facet[], current: string): SafeHtml {
  return html`<nav class="filters" aria-label="Lọc điển hình">
  <h2 class="filters-title">Lọc điển hình</h2>
  <p class="filters-all"><a href="${v.url(PATHS.exemplars)}"${current === PATHS.exemplars ? html` aria-current="page"` : ""}>Tất cả</a></p>
  ${all.map(
    (f) => html`<details class="filter-group"${f.values.some((x) => facetPath(f.dimension, x.value) === current) ? html` open` : ""}>
    <summary>${f.title}</summary>
    <ul>${f.values.map((x) => {
      const p = facetPath(f.dimension, x.value);
      return html`<li><a href="${v.url(p)}"${p === current ? html` aria-current="page"` : ""}>${x.label} <span class="count">(${number(x.count)})</span></a></li>`;
    })}</ul>
  </details>`,
  )}
</nav>`;
}

function pager(v: CityView, base: string, pages: number, current: number): SafeHtml {
  if (pages <= 1) return html``;
  return html`<nav class="pager" aria-label="Trang"><ul>${Array.from({ length: pages }, (_, i) => i + 1).map(
    (n) => html`<li><a href="${v.url(pagePath(base, n))}"${n === current ? html` aria-current="page"` : ""}>${n}</a></li>`,
  )}</ul></nav>`;
}

async function writeList(v: CityView, write: Writer, all: Facet[], base: string, title: string, list: readonly CityExemplar[], names: Map<string, string>): Promise<void> {
  const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
  for (let n = 1; n <= pages; n++) {
    const slice = list.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE);
    const pageTitle = pages > 1 && n > 1 ? `${title} (trang ${n})` : title;
    const body = html`<h1>${pageTitle}</h1>
<p class="lead">${number(list.length)} điển hình tiêu biểu, mô hình hay, cách làm hiệu quả${base === PATHS.exemplars ? html` của ${number(v.outcomes.filter((o) => o.snapshot).length)} đơn vị` : ""}; mỗi tiêu đề dẫn tới trang của đơn vị đăng.</p>
<div class="list-layout">
${filterNav(v, all, base)}
<div class="list-main">
${list.length === 0 ? html`<p>Chưa có điển hình nào.</p>` : html`<ul class="cards">${slice.map((e) => card(v, e, names.get(e.source) ?? e.source))}</ul>`}
${pager(v, base, pages, n)}
</div>
</div>`;
    await write(pagePath(base, n), shell(v, { title: pageTitle, path: PATHS.exemplars, body, crumbs: base === PATHS.exemplars ? [] : [["Điển hình", PATHS.exemplars]] }));
  }
}

export async function writeExemplarPages(v: CityView, write: Writer): Promise<number> {
  const all = facets(v);
  const names = new Map(v.outcomes.map((o) => [o.id, o.name]));
  let written = 0;
  await writeList(v, write, all, PATHS.exemplars, "Điển hình tiêu biểu của các đơn vị", v.exemplars, names);
  written++;
  const pick: Record<Dimension, (e: CityExemplar) => string> = { source: (e) => e.source, kind: (e) => e.kind, field: (e) => e.field, year: (e) => e.date.slice(0, 4) };
  const titles: Record<Dimension, (label: string) => string> = {
    source: (l) => `Điển hình của ${l}`,
    kind: (l) => `Điển hình: ${l}`,
    field: (l) => `Điển hình lĩnh vực ${l}`,
    year: (l) => `Điển hình năm ${l}`,
  };
  for (const f of all) {
    // One pass per dimension groups the list (already in date order) by value.
    const groups = new Map<string, CityExemplar[]>();
    for (const e of v.exemplars) {
      const k = pick[f.dimension](e);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(e);
    }
    for (const x of f.values) {
      await writeList(v, write, all, facetPath(f.dimension, x.value), titles[f.dimension](x.label), groups.get(x.value) ?? [], names);
      written++;
    }
  }
  return written;
}

// ---- reports ----

function totals(p: CityPeriod): SafeHtml {
  const s = p.summed;
  return html`<dl class="figures">
<div><dt>Điển hình</dt><dd>${number(s.exemplars.total)}</dd></div>
<div><dt>Hoạt động</dt><dd>${number(s.activities.total)}</dd></div>
<div><dt>Kế hoạch</dt><dd>${number(s.plans.total)}</dd></div>
<div><dt>Bản tin</dt><dd>${number(s.bulletins.total)}</dd></div>
<div><dt>Đơn vị có số liệu</dt><dd>${number(p.rows.filter((r) => r.published).length)}</dd></div>
<div><dt>Đơn vị chưa có điển hình</dt><dd>${number(p.withoutExemplars.length)}</dd></div>
</dl>`;
}

function unitTable(v: CityView, p: CityPeriod): SafeHtml {
  const kinds = KIND_LABELS();
  const kindIds = Object.keys(kinds);
  const row = (r: SourceRow): SafeHtml =>
    html`<tr><th scope="row">${r.name}${!r.ok ? html` <span class="status status-stale">(bản đọc trước)</span>` : ""}${!r.published ? html` <span class="status">(không có số liệu kỳ này)</span>` : ""}</th>
<td class="num">${number(r.figures.exemplars.total)}</td>${kindIds.map((k) => html`<td class="num">${number(r.figures.exemplars.byKind[k] ?? 0)}</td>`)}
<td class="num">${number(r.figures.activities.total)}</td><td class="num">${number(r.figures.plans.total)}</td><td class="num">${number(r.figures.bulletins.total)}</td></tr>`;
  const s = p.summed;
  return scroll(
    `Số liệu từng đơn vị, ${periodLabel(p.period)}`,
    html`<table class="table report-table city-table">
<caption>Số liệu từng đơn vị và tổng cộng: ${periodLabel(p.period)}</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col">Điển hình</th>${kindIds.map((k) => html`<th scope="col">${kinds[k]}</th>`)}<th scope="col">Hoạt động</th><th scope="col">Kế hoạch</th><th scope="col">Bản tin</th></tr></thead>
<tbody>${p.rows.map(row)}</tbody>
<tfoot><tr><th scope="row">Tổng cộng</th><td class="num">${number(s.exemplars.total)}</td>${kindIds.map((k) => html`<td class="num">${number(s.exemplars.byKind[k] ?? 0)}</td>`)}<td class="num">${number(s.activities.total)}</td><td class="num">${number(s.plans.total)}</td><td class="num">${number(s.bulletins.total)}</td></tr></tfoot>
</table>`,
  );
}

function fieldTable(v: CityView, p: CityPeriod): SafeHtml {
  const rows = Object.entries(p.summed.exemplars.byField)
    .map(([id, n]) => ({ name: v.fields.get(id) ?? id, n }))
    .sort((a, b) => b.n - a.n || viCollator.compare(a.name, b.name));
  if (rows.length === 0) return html``;
  return scroll(
    "Điển hình theo lĩnh vực",
    html`<table class="table report-table"><caption>Điển hình theo lĩnh vực (cộng các đơn vị)</caption>
<thead><tr><th scope="col">Lĩnh vực</th><th scope="col">Điển hình</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.name}</th><td class="num">${number(r.n)}</td></tr>`)}</tbody></table>`,
  );
}

function followUp(v: CityView, p: CityPeriod): SafeHtml {
  const rows = p.rows.filter((r) => r.figures.exemplars.total === 0);
  return html`<section aria-labelledby="don-doc"><h2 id="don-doc">Đơn vị chưa có điển hình (${number(rows.length)})</h2>
${rows.length === 0 ? html`<p>Đơn vị nào cũng có điển hình trong kỳ.</p>` : html`<ul>${rows.map((r) => html`<li>${r.name}${r.published ? "" : html`: không công bố số liệu kỳ này`}</li>`)}</ul>`}
</section>`;
}

async function writePeriod(v: CityView, write: Writer, p: CityPeriod, page: string, json: string, extra: SafeHtml): Promise<void> {
  const title = `${periodLabel(p.period)}: tổng hợp các đơn vị`;
  const body = html`<h1>${title}</h1>
<p class="lead">Từ ${formatDateVi(p.from)} đến ${formatDateVi(p.to)}. Số liệu cộng từ tệp số liệu mỗi đơn vị công bố; cột bên cạnh là số của từng đơn vị.</p>
${totals(p)}
${unitTable(v, p)}
${extra}
${fieldTable(v, p)}
${followUp(v, p)}
${unreadableList(v)}
<p><a href="${v.url(json)}">Tải số liệu (JSON)</a></p>`;
  await write(page, shell(v, { title, path: PATHS.reports, body, crumbs: [["Báo cáo", PATHS.reports]] }));
}

export async function writeReportPages(v: CityView, write: Writer): Promise<void> {
  for (const q of v.quarters) {
    const p = quarterPath(q.period);
    await writePeriod(v, write, q, p.page, p.json, html``);
  }
  for (const y of v.years) {
    const p = yearPath(y.period);
    const byQuarter = scroll(
      `Các quý năm ${y.period}`,
      html`<table class="table report-table"><caption>Điển hình từng quý năm ${y.period}</caption>
<thead><tr><th scope="col">Quý</th><th scope="col">Điển hình</th><th scope="col">Hoạt động</th><th scope="col">Đơn vị chưa có điển hình</th></tr></thead>
<tbody>${y.quarters.map((q) => {
        const has = v.quarters.some((x) => x.period === q.period);
        const label = periodLabel(q.period);
        return html`<tr><th scope="row">${has ? html`<a href="${v.url(quarterPath(q.period).page)}">${label}</a>` : label}</th><td class="num">${number(q.summed.exemplars.total)}</td><td class="num">${number(q.summed.activities.total)}</td><td class="num">${has ? number(q.withoutExemplars.length) : "–"}</td></tr>`;
      })}</tbody></table>`,
    );
    await writePeriod(v, write, y, p.page, p.json, byQuarter);
  }
  const body = html`<h1>Báo cáo tổng hợp</h1>
<p class="lead">Số liệu từng quý và từng năm, cộng qua các đơn vị, kèm số của từng đơn vị và danh sách đơn vị chưa có điển hình.</p>
<h2>Theo năm</h2>
<ul>${[...v.years].reverse().map((y) => html`<li><a href="${v.url(yearPath(y.period).page)}">Năm ${y.period}</a>: ${number(y.summed.exemplars.total)} điển hình</li>`)}</ul>
<h2>Theo quý</h2>
<ul>${[...v.quarters].reverse().map((q) => html`<li><a href="${v.url(quarterPath(q.period).page)}">${periodLabel(q.period)}</a>: ${number(q.summed.exemplars.total)} điển hình, ${number(q.withoutExemplars.length)} đơn vị chưa có</li>`)}</ul>`;
  await write(PATHS.reports, shell(v, { title: "Báo cáo tổng hợp", path: PATHS.reports, body }));
}

// ---- home, search, 404 ----

export async function writeHome(v: CityView, write: Writer): Promise<void> {
  const levels = LEVEL_LABELS();
  const latest = v.quarters.at(-1);
  const count = new Map<string, number>();
  for (const e of v.exemplars) count.set(e.source, (count.get(e.source) ?? 0) + 1);
  const body = html`<h1>${v.config.title}</h1>
<p class="lead">${number(v.exemplars.length)} điển hình của ${number(v.outcomes.filter((o) => o.snapshot).length)} đơn vị${latest ? html`; số liệu mới nhất: <a href="${v.url(quarterPath(latest.period).page)}">${periodLabel(latest.period)}</a>` : ""}.</p>
<p><a href="${v.url(PATHS.exemplars)}">Xem mọi điển hình</a> · <a href="${v.url(PATHS.reports)}">Báo cáo quý, năm</a> · <a href="${v.url(PATHS.search)}">Tìm kiếm</a></p>
${unreadableList(v)}
<h2>Các đơn vị</h2>
${scroll(
  "Các đơn vị",
  html`<table class="table city-table"><caption>Các chuyên mục được tổng hợp</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col">Cấp</th><th scope="col">Điển hình</th><th scope="col">Tình trạng</th><th scope="col">Trang của đơn vị</th></tr></thead>
<tbody>${v.outcomes.map((o) => {
    const level = o.snapshot?.site.level;
    return html`<tr><th scope="row">${o.snapshot && count.get(o.id) ? html`<a href="${v.url(filterPath("source", o.id))}">${o.name}</a>` : o.name}</th>
<td>${level ? (levels[level] ?? level) : ""}</td><td class="num">${o.snapshot ? number(count.get(o.id) ?? 0) : "–"}</td><td>${status(o)}</td>
<td>${o.home ? html`<a href="${o.home}">${o.home}</a>` : o.location}</td></tr>`;
  })}</tbody></table>`,
)}`;
  await write(PATHS.home, shell(v, { title: "", path: PATHS.home, body }));
}

export async function writeSearch(v: CityView, write: Writer): Promise<void> {
  const withSearch = v.outcomes.filter((o) => o.home);
  const body = html`<h1>Tìm kiếm trong mọi đơn vị</h1>
<form class="search-form" role="search" data-city-search data-pagefind="${v.url(PATHS.pagefind + "pagefind.js")}" data-base="${v.url("/")}" data-indexes="${JSON.stringify(v.searchIndexes.map((s) => ({ index: s.index, base: s.base })))}" action="${v.url(PATHS.exemplars)}">
  <label for="q">Từ cần tìm (có dấu hay không dấu đều được)</label>
  <div class="search-row"><input id="q" name="q" type="search" autocomplete="off"><button type="submit">Tìm</button></div>
</form>
<p class="search-status" data-search-status role="status" aria-live="polite"></p>
<ol class="search-results" data-search-results></ol>
<noscript><p>Tìm kiếm cần JavaScript. Không có JavaScript, hãy dùng <a href="${v.url(PATHS.exemplars)}">danh sách điển hình và bộ lọc</a> hoặc trang tìm kiếm của từng đơn vị dưới đây.</p></noscript>
<h2>Tìm trên trang từng đơn vị</h2>
<p>Trình duyệt chỉ ghép được chỉ mục tìm kiếm của trang đơn vị khi trang đó cho phép đọc từ nơi khác (CORS); đơn vị nào không cho phép thì dùng trang tìm kiếm của chính đơn vị.</p>
<ul>${withSearch.map((o) => html`<li><a href="${new URL("tim-kiem/", o.home).href}">${o.name}</a></li>`)}</ul>`;
  await write(PATHS.search, shell(v, { title: "Tìm kiếm", path: PATHS.search, body, scripts: [PATHS.searchScript] }));
}

export async function writeNotFound(v: CityView, write: Writer): Promise<void> {
  const body = html`<h1>Không tìm thấy trang</h1><p>Trang này không có trong phần tổng hợp. Hãy về <a href="${v.url("/")}">trang chủ</a> hoặc xem <a href="${v.url(PATHS.exemplars)}">mọi điển hình</a>.</p>`;
  await write(PATHS.notFound, shell(v, { title: "Không tìm thấy trang", path: PATHS.notFound, body }));
}

