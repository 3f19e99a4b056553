// Horizontal bar charts as static SVG, made at build time, each followed by the same figures as a table.
import { xmlName } from "../render/escape.ts";
import { html, scrollable, type SafeHtml } from "../render/html.ts";

export interface BarRow {
  label: string;
  value: number;
  /** Shorter label for the chart when the full name is long (the table keeps `label`). */
  short?: string;
}

export interface BarChartOptions {
  /** Unique on the page: prefixes the ids `<title>` and `<desc>` are referenced by. */
  id: string;
  title: string;
  /** Header of the label column of the table, e.g. "Đơn vị đề xuất". */
  dimension: string;
  rows: readonly BarRow[];
  /** Header of the value column. */
  measure?: string;
  /** A total row under the table (omit when rows do not add up to a total). */
  total?: number;
}

const WIDTH = 640;
const ROW = 38;
const LABEL_Y = 15;
const BAR_Y = 20;
const BAR_H = 12;
const VALUE_GAP = 6;
/** Room left for the value printed after the longest bar. */
const VALUE_ROOM = 48;

/** A one-sentence description of the figures, for `<desc>` (screen readers announce it). */
export function describeRows(rows: readonly BarRow[], measure: string): string {
  if (rows.length === 0) return "Không có số liệu.";
  const nonZero = rows.filter((r) => r.value > 0);
  if (nonZero.length === 0) return `Tất cả ${rows.length} mục đều bằng 0.`;
  const max = Math.max(...nonZero.map((r) => r.value));
  const top = nonZero.filter((r) => r.value === max).map((r) => r.label);
  const zero = rows.length - nonZero.length;
  return `${measure} cao nhất: ${top.join(", ")} (${max}). ${nonZero.length} mục lớn hơn 0${zero ? `, ${zero} mục bằng 0` : ""}.`;
}

function svg(o: BarChartOptions, measure: string): SafeHtml {
  const max = Math.max(1, ...o.rows.map((r) => r.value));
  const height = Math.max(ROW, o.rows.length * ROW);
  const scale = (WIDTH - VALUE_ROOM) / max;
  const titleId = xmlName(`${o.id}-title`);
  const descId = xmlName(`${o.id}-desc`);
  return html`<svg class="bar-chart" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${titleId}">${o.title}</title>
<desc id="${descId}">${describeRows(o.rows, measure)}</desc>
${o.rows.map((r, i) => {
  const y = i * ROW;
  const w = Math.round(r.value * scale * 10) / 10;
  return html`<g class="bar-row">
<text class="bar-label" font-size="15" x="0" y="${y + LABEL_Y}">${r.short ?? r.label}</text>
<rect class="bar" fill="#9b1c1c" x="0" y="${y + BAR_Y}" width="${w}" height="${BAR_H}"></rect>
<text class="bar-value" font-size="14" x="${w + VALUE_GAP}" y="${y + BAR_Y + BAR_H - 2}">${r.value}</text>
</g>`;
})}
</svg>`;
}

/** A real table of the figures; standing alone it scrolls sideways on a phone, inside a chart's figure it does not. */
export function figureTable(o: Omit<BarChartOptions, "id">, standalone = true): SafeHtml {
  const table = tableOf(o);
  return standalone ? scrollable(o.title, table) : table;
}

function tableOf(o: Omit<BarChartOptions, "id">): SafeHtml {
  const measure = o.measure ?? "Số lượng";
  return html`<table class="table report-table">
<caption>${o.title}</caption>
<thead><tr><th scope="col">${o.dimension}</th><th scope="col" class="num">${measure}</th></tr></thead>
<tbody>
${o.rows.map((r) => html`<tr><th scope="row">${r.label}</th><td class="num">${r.value}</td></tr>`)}
</tbody>
${o.total !== undefined ? html`<tfoot><tr><th scope="row">Tổng số</th><td class="num">${o.total}</td></tr></tfoot>` : ""}
</table>`;
}

/** `<figure>` with the SVG bar chart and its table equivalent. */
export function barChart(o: BarChartOptions): SafeHtml {
  const measure = o.measure ?? "Số lượng";
  return html`<figure class="chart" id="${o.id}">
<figcaption>${o.title}</figcaption>
${svg(o, measure)}
<div class="chart-table">${figureTable(o, false)}</div>
</figure>`;
}
