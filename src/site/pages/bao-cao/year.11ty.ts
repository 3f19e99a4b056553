// /bao-cao/<yyyy>/: the year's figures, quarter by quarter.
import type { SiteGlobals } from "../../globals.ts";
import { layout } from "../../layout.ts";
import type { YearReport } from "../../../reports/figures.ts";
import { REPORTS_BASE, yearBody, yearPath } from "../../../reports/view.ts";
import { reportsHead, reportsView } from "../../sections/reports.ts";

export const data = {
  pagination: { data: "gs.sections.reports.years", size: 1, alias: "report" },
  permalink: (d: { report: YearReport }) => yearPath(d.report.year),
};

export function render({ gs, report }: { gs: SiteGlobals; report: YearReport }): string {
  const { ctx } = reportsView(gs);
  return layout(gs, {
    title: `Báo cáo năm ${report.year}`,
    path: yearPath(report.year),
    head: reportsHead(gs),
    bodyClass: "page page-reports",
    crumbs: [["Báo cáo", REPORTS_BASE]],
    body: yearBody(ctx, report),
  });
}
