// The report pages' HTML bodies (index, quarter, year), built with the escaping html template from precomputed figures.
import type { SiteConfig } from "../content/model.ts";
import { html, scrollable, type SafeHtml } from "../render/html.ts";
import { formatDateShort, formatDateVi } from "../vi/date.ts";
import { barChart, figureTable, type BarRow } from "./chart.ts";
import type { AnniversaryDate, Comparison, PeriodData, PeriodReport, QuarterReport, Totals, YearReport } from "./figures.ts";
import { fieldTitle, type ReportLabels, typeTitle } from "./labels.ts";
import { type Quarter, parseQuarter, quarterLabel, quarterSlug } from "../vi/quarter.ts";
import { bulletinPaths, exemplarPath, planPath, quarterReportPaths, type ReportPaths, SECTION_PATHS, yearReportPath, yearReportPaths } from "../paths/paths.ts";

/** What every report view needs besides the figures. */
export interface ViewContext {
  site: SiteConfig;
  labels: ReportLabels;
  /** Site path → URL (the site's `gs.url`). */
  url: (path: string) => string;
  /** Quarter ids ("2019-Q1") that have a page. */
  published: ReadonlySet<string>;
}

/** "quý IV năm 2018", as written inside a sentence. */
export function quarterInSentence(q: Quarter): string {
  const label = quarterLabel(q);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** "Quý IV năm 2018" for a period id "2018-Q4", "năm 2018" for "2018". */
export function periodLabel(period: string): string {
  const q = parseQuarter(period);
  return q ? quarterLabel(q) : `Năm ${period}`;
}

/** "tăng 2", "giảm 1", "không đổi". */
export function changeText(n: number): string {
  return n > 0 ? `tăng ${n}` : n < 0 ? `giảm ${-n}` : "không đổi";
}

/** "lần thứ 89" when site.yaml gives the founding year. */
export function anniversaryText(a: AnniversaryDate): string {
  return `${a.name}${a.ordinal ? ` (lần thứ ${a.ordinal})` : ""}, ${formatDateVi(a.date)}`;
}

const TOTAL_KEYS: (keyof Totals)[] = ["exemplars", "activities", "plans", "bulletins"];

function totalLabel(key: keyof Totals): string {
  const kind = { exemplars: "exemplar", activities: "activity", plans: "plan", bulletins: "bulletin" } as const;
  return typeTitle(kind[key]);
}

function rows(counts: Record<string, number>, names: Record<string, string>, short?: Record<string, string>): BarRow[] {
  return Object.entries(counts).map(([id, value]) => ({
    label: names[id] ?? id,
    value,
    ...(short?.[id] && short[id] !== names[id] ? { short: short[id] } : {}),
  }));
}

function unitShortNames(site: SiteConfig): Record<string, string> {
  return Object.fromEntries(site.units.map((u) => [u.id, u.shortName ?? u.name]));
}

function periodLink(ctx: ViewContext, period: string): SafeHtml | string {
  const q = parseQuarter(period);
  if (q && ctx.published.has(period)) return html`<a href="${ctx.url(quarterReportPaths(q).page)}">${periodLabel(period)}</a>`;
  if (!q && [...ctx.published].some((id) => id.startsWith(`${period}-`))) return html`<a href="${ctx.url(yearReportPath(Number(period)))}">${periodLabel(period)}</a>`;
  return periodLabel(period);
}

/** Totals of this period against another, with the change in words. */
function comparisonTable(ctx: ViewContext, current: PeriodData, comparisons: Comparison[]): SafeHtml {
  const totals = { exemplars: current.exemplars.total, activities: current.activities.total, plans: current.plans.total, bulletins: current.bulletins.total };
  return scrollable("So sánh với các kỳ trước", html`<table class="table report-table comparison">
<caption>So sánh với các kỳ trước</caption>
<thead><tr><th scope="col">Chỉ tiêu</th><th scope="col" class="num">${periodLabel(current.period)}</th>${comparisons.map(
    (c) => html`<th scope="col" class="num">${periodLink(ctx, c.period)}</th><th scope="col">Thay đổi</th>`,
  )}</tr></thead>
<tbody>
${TOTAL_KEYS.map(
  (k) => html`<tr><th scope="row">${totalLabel(k)}</th><td class="num">${totals[k]}</td>${comparisons.map(
    (c) => html`<td class="num">${c.totals[k]}</td><td>${changeText(c.change[k])}</td>`,
  )}</tr>`,
)}
</tbody>
</table>`);
}

/** The period's files, in the order an office wants them. */
function downloads(ctx: ViewContext, p: ReportPaths): SafeHtml {
  return html`<ul class="downloads">
<li><a href="${ctx.url(p.pdf)}" download>Báo cáo in (PDF)</a></li>
<li><a href="${ctx.url(p.docx)}" download>Báo cáo để chỉnh sửa, ký (Word)</a></li>
<li><a href="${ctx.url(p.csv)}" download>Số liệu cho Excel (CSV)</a></li>
<li><a href="${ctx.url(p.json)}">Số liệu dạng JSON</a></li>
</ul>`;
}

/** "PDF · Word · CSV · JSON" links in a table cell. */
function downloadLinks(ctx: ViewContext, p: ReportPaths): SafeHtml {
  return html`<a href="${ctx.url(p.pdf)}">PDF</a> · <a href="${ctx.url(p.docx)}">Word</a> · <a href="${ctx.url(p.csv)}">CSV</a> · <a href="${ctx.url(p.json)}">JSON</a>`;
}

function exemplarSection(ctx: ViewContext, r: PeriodReport, idPrefix: string): SafeHtml {
  const d = r.data.exemplars;
  const { labels, site } = ctx;
  return html`<section aria-labelledby="${idPrefix}-dien-hinh">
<h2 id="${idPrefix}-dien-hinh">${typeTitle("exemplar")}: ${d.total}</h2>
<div class="charts">
${barChart({ id: `${idPrefix}-loai`, title: `${typeTitle("exemplar")} theo ${fieldTitle("exemplar", "kind").toLowerCase()}`, dimension: fieldTitle("exemplar", "kind"), rows: rows(d.byKind, labels.kinds), total: d.total })}
${barChart({ id: `${idPrefix}-linh-vuc`, title: `${typeTitle("exemplar")} theo ${fieldTitle("exemplar", "field").toLowerCase()}`, dimension: fieldTitle("exemplar", "field"), rows: rows(d.byField, labels.fields), total: d.total })}
${barChart({ id: `${idPrefix}-don-vi`, title: `${typeTitle("exemplar")} theo ${fieldTitle("exemplar", "unit").toLowerCase()}`, dimension: fieldTitle("exemplar", "unit"), rows: rows(d.byUnit, labels.units, unitShortNames(site)), total: d.total })}
${barChart({ id: `${idPrefix}-phuong`, title: `${typeTitle("exemplar")} theo ${fieldTitle("exemplar", "ward").toLowerCase()}`, dimension: fieldTitle("exemplar", "ward"), rows: rows(d.byWard, labels.wards) })}
</div>
<p class="note">Điển hình không ghi phường được tính vào phường của đơn vị đề xuất khi đơn vị đóng tại một phường; ${d.total - Object.values(d.byWard).reduce((a, b) => a + b, 0)} điển hình không gắn với phường nào.</p>
${newExemplars(ctx, r)}
${figureTable({ title: `${typeTitle("exemplar")} theo ${fieldTitle("exemplar", "channels").toLowerCase()}`, dimension: fieldTitle("exemplar", "channels"), rows: rows(r.exemplarsByChannel, labels.channels) })}
</section>`;
}

function newExemplars(ctx: ViewContext, r: PeriodReport): SafeHtml {
  const list = r.entries.exemplars;
  if (list.length === 0) return html`<p>Không có điển hình mới trong kỳ.</p>`;
  return html`<h3>Điển hình mới</h3>
${scrollable("Danh sách điển hình mới", html`<table class="table report-table list">
<caption>Danh sách điển hình mới (${list.length})</caption>
<thead><tr><th scope="col">Ngày</th><th scope="col">${typeTitle("exemplar")}</th><th scope="col">${fieldTitle("exemplar", "kind")}</th><th scope="col">${fieldTitle("exemplar", "unit")}</th></tr></thead>
<tbody>
${list.map(
  (e) => html`<tr><td>${formatDateShort(e.data.date)}</td><td><a href="${ctx.url(exemplarPath(e.slug))}">${e.data.subject.name}</a>: ${e.data.title}</td><td>${ctx.labels.kinds[e.data.kind] ?? e.data.kind}</td><td>${ctx.labels.units[e.data.unit] ?? e.data.unit}</td></tr>`,
)}
</tbody>
</table>`)}`;
}

function channelWardTable(ctx: ViewContext, r: PeriodReport): SafeHtml {
  const { site } = ctx;
  const caption = `${typeTitle("activity")} theo ${fieldTitle("activity", "channel").toLowerCase()} và ${fieldTitle("activity", "ward").toLowerCase()}`;
  return html`${scrollable(caption, html`<table class="table report-table matrix">
<caption>${caption}</caption>
<thead><tr><th scope="col">${fieldTitle("activity", "ward")}</th>${site.channels.map((c) => html`<th scope="col" class="num">${c.name}</th>`)}</tr></thead>
<tbody>
${site.wards.map(
  (w) => html`<tr><th scope="row">${w.name}</th>${site.channels.map((c) => html`<td class="num">${r.activitiesByChannelAndWard[c.id]?.[w.id] ?? 0}</td>`)}</tr>`,
)}
<tr><th scope="row">Không ghi ${fieldTitle("activity", "ward").toLowerCase()}</th>${site.channels.map((c) => html`<td class="num">${r.activitiesWithoutWard[c.id] ?? 0}</td>`)}</tr>
</tbody>
<tfoot><tr><th scope="row">Tổng số</th>${site.channels.map((c) => html`<td class="num">${r.data.activities.byChannel[c.id] ?? 0}</td>`)}</tr></tfoot>
</table>`)}
<p class="note">Mỗi cột là một kênh tuyên truyền; hoạt động không ghi kênh không có trong bảng.</p>`;
}

function occasionList(ctx: ViewContext, r: PeriodReport): SafeHtml {
  if (r.occasions.length === 0) return html`<p>Không có hoạt động gắn với ngày kỷ niệm trong kỳ.</p>`;
  return html`<ul class="occasions">
${r.occasions.map(
  (o) => html`<li><strong>${o.title}</strong> (${ctx.labels.activityTypes[o.type] ?? o.type}, ${formatDateVi(o.date)}, ${ctx.labels.units[o.unit] ?? o.unit}${o.participants !== undefined ? `, ${o.participants} người tham dự` : ""}): nhân ${ctx.labels.anniversaries[o.anniversary] ?? o.anniversary}</li>`,
)}
</ul>`;
}

function activitySection(ctx: ViewContext, r: PeriodReport, idPrefix: string): SafeHtml {
  const d = r.data.activities;
  return html`<section aria-labelledby="${idPrefix}-hoat-dong">
<h2 id="${idPrefix}-hoat-dong">${typeTitle("activity")}: ${d.total}</h2>
<div class="charts">
${barChart({ id: `${idPrefix}-loai-hd`, title: `${typeTitle("activity")} theo ${fieldTitle("activity", "type").toLowerCase()}`, dimension: fieldTitle("activity", "type"), rows: rows(d.byType, ctx.labels.activityTypes), total: d.total })}
${barChart({ id: `${idPrefix}-kenh`, title: `${typeTitle("activity")} theo ${fieldTitle("activity", "channel").toLowerCase()}`, dimension: fieldTitle("activity", "channel"), rows: rows(d.byChannel, ctx.labels.channels) })}
</div>
${channelWardTable(ctx, r)}
<h3>Giao lưu, tọa đàm nhân ngày kỷ niệm</h3>
${occasionList(ctx, r)}
</section>`;
}

function documentsSection(ctx: ViewContext, r: PeriodReport, idPrefix: string): SafeHtml {
  return html`<section aria-labelledby="${idPrefix}-van-ban">
<h2 id="${idPrefix}-van-ban">${typeTitle("plan")} và ${typeTitle("bulletin").toLowerCase()}</h2>
<h3>${typeTitle("plan")} ban hành: ${r.data.plans.total}</h3>
${r.entries.plans.length
  ? html`<ul>${r.entries.plans.map((p) => html`<li><a href="${ctx.url(planPath(p.slug))}">Kế hoạch số ${p.data.number}</a> ${formatDateVi(p.data.date)}: ${p.data.title}</li>`)}</ul>`
  : html`<p>Không có kế hoạch ban hành trong kỳ.</p>`}
<h3>${typeTitle("bulletin")} phát hành: ${r.data.bulletins.total}</h3>
${r.entries.bulletins.length
  ? html`<ul>${r.entries.bulletins.map((b) => html`<li><a href="${ctx.url(bulletinPaths(b.slug).page)}">${ctx.site.document.bulletinName} số ${b.data.number}/${b.slug.slice(0, 4)}</a>, ${formatDateVi(b.data.date)}${b.data.title ? `: ${b.data.title}` : ""}</li>`)}</ul>`
  : html`<p>Không có số bản tin nào trong kỳ.</p>`}
</section>`;
}

function followUpSection(ctx: ViewContext, r: PeriodReport, idPrefix: string, scope: string): SafeHtml {
  return html`<section aria-labelledby="${idPrefix}-don-doc" class="follow-up">
<h2 id="${idPrefix}-don-doc">Đơn vị cần đôn đốc: ${r.followUp.length}</h2>
${r.followUp.length
  ? html`<p>Các đơn vị chưa đề xuất điển hình nào trong ${scope}:</p>
<ul>${r.followUp.map(
      (u) => html`<li><strong>${ctx.labels.units[u.unit] ?? u.unit}</strong>: ${u.activities ? `${u.activities} hoạt động trong kỳ; ` : ""}${u.lastExemplar ? `điển hình gần nhất ${formatDateVi(u.lastExemplar)}` : "chưa đề xuất điển hình nào"}.</li>`,
    )}</ul>`
  : html`<p>Mọi đơn vị đều đã đề xuất điển hình trong ${scope}.</p>`}
</section>`;
}

function period(r: PeriodData): string {
  return `Từ ${formatDateVi(r.from)} đến ${formatDateVi(r.to)}.`;
}

function summary(ctx: ViewContext, r: PeriodReport, comparisons: Comparison[]): SafeHtml {
  const d = r.data;
  return html`<ul class="totals">
${TOTAL_KEYS.map((k) => html`<li><span class="total-number">${{ exemplars: d.exemplars.total, activities: d.activities.total, plans: d.plans.total, bulletins: d.bulletins.total }[k]}</span> <span class="total-label">${totalLabel(k).toLowerCase()}</span></li>`)}
<li><span class="total-number">${d.unitsWithoutExemplars.length}</span> <span class="total-label">đơn vị cần đôn đốc</span></li>
</ul>
${comparisonTable(ctx, d, comparisons)}`;
}

/** `/bao-cao/<yyyy>-q<n>/`. */
export function quarterBody(ctx: ViewContext, r: QuarterReport): SafeHtml {
  const id = quarterSlug(r.quarter);
  const comparisons = [r.previous, ...(r.yearAgo ? [r.yearAgo] : [])];
  return html`<h1>Báo cáo ${quarterInSentence(r.quarter)}</h1>
<p class="period">${period(r.data)} Số liệu tổng hợp từ các bài đã công bố; bản nháp không được tính.</p>
${downloads(ctx, quarterReportPaths(r.quarter))}
${summary(ctx, r, comparisons)}
${exemplarSection(ctx, r, id)}
${activitySection(ctx, r, id)}
${documentsSection(ctx, r, id)}
${followUpSection(ctx, r, id, "quý")}
<section aria-labelledby="${id}-quy-toi">
<h2 id="${id}-quy-toi">Ngày kỷ niệm quý tới</h2>
${r.nextAnniversaries.length
  ? html`<ul>${r.nextAnniversaries.map((a) => html`<li>${anniversaryText(a)}</li>`)}</ul>`
  : html`<p>Quý tới không có ngày kỷ niệm nào trong danh mục.</p>`}
</section>
<p><a href="${ctx.url(yearReportPath(r.quarter.year))}">Báo cáo năm ${r.quarter.year}</a> · <a href="${ctx.url(SECTION_PATHS.reports)}">Tất cả báo cáo</a></p>`;
}

/** `/bao-cao/<yyyy>/`. */
export function yearBody(ctx: ViewContext, r: YearReport): SafeHtml {
  const id = `nam-${r.year}`;
  return html`<h1>Báo cáo năm ${r.year}</h1>
<p class="period">${period(r.data)} Số liệu tổng hợp từ các bài đã công bố; bản nháp không được tính.</p>
${downloads(ctx, yearReportPaths(r.year))}
${summary(ctx, r, [r.previous])}
<section aria-labelledby="${id}-theo-quy">
<h2 id="${id}-theo-quy">Theo quý</h2>
${scrollable(`Kết quả từng quý năm ${r.year}`, html`<table class="table report-table by-quarter">
<caption>Kết quả từng quý năm ${r.year}</caption>
<thead><tr><th scope="col">Quý</th>${TOTAL_KEYS.map((k) => html`<th scope="col" class="num">${totalLabel(k)}</th>`)}<th scope="col" class="num">Đơn vị cần đôn đốc</th></tr></thead>
<tbody>
${r.quarters.map(
  (q) => html`<tr><th scope="row">${periodLink(ctx, q.period)}</th><td class="num">${q.exemplars.total}</td><td class="num">${q.activities.total}</td><td class="num">${q.plans.total}</td><td class="num">${q.bulletins.total}</td><td class="num">${q.unitsWithoutExemplars.length}</td></tr>`,
)}
</tbody>
<tfoot><tr><th scope="row">Cả năm</th><td class="num">${r.data.exemplars.total}</td><td class="num">${r.data.activities.total}</td><td class="num">${r.data.plans.total}</td><td class="num">${r.data.bulletins.total}</td><td class="num">${r.data.unitsWithoutExemplars.length}</td></tr></tfoot>
</table>`)}
${barChart({ id: `${id}-dien-hinh-quy`, title: `${typeTitle("exemplar")} theo quý năm ${r.year}`, dimension: "Quý", rows: r.quarters.map((q) => ({ label: periodLabel(q.period), value: q.exemplars.total })), total: r.data.exemplars.total })}
${barChart({ id: `${id}-hoat-dong-quy`, title: `${typeTitle("activity")} theo quý năm ${r.year}`, dimension: "Quý", rows: r.quarters.map((q) => ({ label: periodLabel(q.period), value: q.activities.total })), total: r.data.activities.total })}
</section>
${exemplarSection(ctx, r, id)}
${activitySection(ctx, r, id)}
${documentsSection(ctx, r, id)}
${followUpSection(ctx, r, id, "năm")}
<p><a href="${ctx.url(SECTION_PATHS.reports)}">Tất cả báo cáo</a></p>`;
}

/** `/bao-cao/`: every year, newest first, each with its published quarters. */
export function indexBody(ctx: ViewContext, quarters: readonly QuarterReport[], years: readonly YearReport[]): SafeHtml {
  const newestFirst = [...years].reverse();
  return html`<h1>Báo cáo</h1>
<p>Kết quả tuyên truyền điển hình tiêu biểu hằng quý, hằng năm, tổng hợp tự động từ các bài đã công bố. Mỗi quý và mỗi năm có trang web, bản in (PDF), bản Word để chỉnh sửa, ký và số liệu (CSV cho Excel, JSON).</p>
${newestFirst.map((y) => {
  const qs = quarters.filter((q) => q.quarter.year === y.year).reverse();
  return html`<section aria-labelledby="nam-${y.year}">
<h2 id="nam-${y.year}"><a href="${ctx.url(yearReportPath(y.year))}">Năm ${y.year}</a></h2>
<p>${typeTitle("exemplar")}: ${y.data.exemplars.total}; ${typeTitle("activity").toLowerCase()}: ${y.data.activities.total}; ${typeTitle("plan").toLowerCase()}: ${y.data.plans.total}; ${typeTitle("bulletin").toLowerCase()}: ${y.data.bulletins.total}.</p>
<p>Báo cáo cả năm: ${downloadLinks(ctx, yearReportPaths(y.year))}</p>
${scrollable(`Báo cáo quý năm ${y.year}`, html`<table class="table report-table reports-index">
<caption>Báo cáo quý năm ${y.year}</caption>
<thead><tr><th scope="col">Quý</th><th scope="col" class="num">${typeTitle("exemplar")}</th><th scope="col" class="num">${typeTitle("activity")}</th><th scope="col" class="num">Đơn vị cần đôn đốc</th><th scope="col">Tải về</th></tr></thead>
<tbody>
${qs.map((q) => {
  const p = quarterReportPaths(q.quarter);
  return html`<tr><th scope="row"><a href="${ctx.url(p.page)}">${quarterLabel(q.quarter)}</a></th><td class="num">${q.data.exemplars.total}</td><td class="num">${q.data.activities.total}</td><td class="num">${q.data.unitsWithoutExemplars.length}</td><td>${downloadLinks(ctx, p)}</td></tr>`;
})}
</tbody>
</table>`)}
</section>`;
})}`;
}
