// The report pages' styles (inlined in their <head> by src/site/sections/reports.ts): charts, figure tables, and a print layout.
export const REPORT_PAGE_CSS = `.page-reports .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,30rem),1fr));gap:1rem 2rem}
.page-reports figure.chart{margin:0 0 1.5rem}
.page-reports figure.chart figcaption{font-weight:600;font-size:1rem;color:inherit;margin:0 0 0.5rem}
.page-reports svg.bar-chart{width:100%;height:auto;max-width:40rem;display:block;overflow:visible}
.page-reports .bar{fill:#9b1c1c}
.page-reports .bar-label,.page-reports .bar-value{fill:currentColor;font-family:inherit}
.page-reports table.report-table{width:auto;min-width:min(100%,24rem);margin:0.5rem 0 1.5rem}
.page-reports table.report-table caption{text-align:left;font-weight:600;padding-bottom:0.25rem}
.page-reports table.report-table .num{text-align:right;font-variant-numeric:tabular-nums}
.page-reports table.report-table tfoot th,.page-reports table.report-table tfoot td{font-weight:600;border-top:2px solid #555}
.page-reports figure.chart table.report-table{font-size:0.9rem}
.page-reports .totals{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0;margin:1rem 0}
.page-reports .totals li{border:1px solid #d4d4d4;border-radius:0.5rem;padding:0.5rem 1rem;min-width:8rem}
.page-reports .total-number{display:block;font-size:1.75rem;font-weight:700}
.page-reports .downloads{display:flex;flex-wrap:wrap;gap:0.5rem 1.5rem;list-style:none;padding:0}
.page-reports .note{font-size:0.9rem;color:#555}
.page-reports .follow-up li{margin-bottom:0.25rem}
@media screen{
  /* On screen the chart carries the figures; its table stays for screen readers. */
  .page-reports figure.chart{position:relative}
  .page-reports .chart-table{position:absolute;left:0;top:0;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
}
@media print{
  .page-reports .site-header,.page-reports .site-footer,.page-reports .skip-link,.page-reports .crumbs,.page-reports .downloads{display:none}
  .page-reports{font-size:11pt;color:#000}
  .page-reports a{color:inherit;text-decoration:none}
  .page-reports .bar{fill:#000}
  .page-reports svg.bar-chart{max-width:14cm}
  .page-reports figure.chart,.page-reports table.report-table,.page-reports section>h2{break-inside:avoid}
  .page-reports h2{break-after:avoid}
}
`;
