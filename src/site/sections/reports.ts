// The reports section: quarter and year figures computed once per build, the pages' view context, and the quarter PDFs.
import { buildReports, reportQuarters, type QuarterReport, type YearReport } from "../../reports/figures.ts";
import { reportHead } from "../../reports/outline.ts";
import { reportLabels, type ReportLabels } from "../../reports/labels.ts";
import { quarterInSentence, type ViewContext } from "../../reports/view.ts";
import { quarterReportPaths, yearReportPaths } from "../../paths/paths.ts";
import { html, trusted, type SafeHtml } from "../../render/html.ts";
import { REPORT_PAGE_CSS } from "../../reports/style.ts";
import type { SiteConfig } from "../../content/model.ts";
import type { SiteContext, SiteSection } from "../section.ts";

export interface ReportsData {
  /** Oldest first: every quarter with content and the current one. */
  quarters: QuarterReport[];
  years: YearReport[];
  labels: ReportLabels;
  /** Quarter ids with a page ("2019-Q1"). */
  published: Set<string>;
}

export const reportsSection: SiteSection = {
  id: "reports",
  data(ctx: SiteContext): ReportsData {
    // The print pages use the Noto Serif faces the bulletins section writes to /assets/print/fonts/.
    const { quarters, years } = buildReports(ctx.model, ctx.now);
    return {
      quarters,
      years,
      labels: reportLabels(ctx.model.site),
      published: new Set(quarters.map((q) => q.data.period)),
    };
  },
  pdfJobs(ctx) {
    const quarters = reportQuarters(ctx.model, ctx.now);
    const years = [...new Set(quarters.map((q) => q.year))];
    return [
      ...quarters.map((q) => {
        const p = quarterReportPaths(q);
        return { source: p.print, output: p.pdf, kind: "report" as const, title: `Báo cáo ${quarterInSentence(q)}`, subject: reportHead(ctx.model, q).subject };
      }),
      ...years.map((year) => {
        const p = yearReportPaths(year);
        return { source: p.print, output: p.pdf, kind: "report" as const, title: `Báo cáo năm ${year}`, subject: reportHead(ctx.model, year).subject };
      }),
    ];
  },
};

/** What the report views need from `gs`. */
export function reportsView(gs: { site: SiteConfig; url: (path: string) => string; section<T>(id: string): T }): { data: ReportsData; ctx: ViewContext } {
  const data = gs.section<ReportsData>("reports");
  return { data, ctx: { site: gs.site, labels: data.labels, url: gs.url, published: data.published } };
}

/** The report pages' extra styles (2 KB), inlined like the site stylesheet so nothing blocks the first paint. */
export function reportsHead(): SafeHtml {
  return html`<style>${trusted(REPORT_PAGE_CSS)}</style>`;
}
