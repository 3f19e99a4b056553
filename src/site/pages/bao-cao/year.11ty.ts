// /bao-cao/<yyyy>/: the year's figures, quarter by quarter.
import type { SiteGlobals } from "../../globals.ts";
import { layout } from "../../layout.ts";
import type { YearReport } from "../../../reports/figures.ts";
import { yearBody } from "../../../reports/view.ts";
import { SECTION_PATHS, yearReportPath } from "../../../paths/paths.ts";
import { reportsHead, reportsView } from "../../sections/reports.ts";

export const data = {
  pagination: { data: "gs.sections.reports.years", size: 1, alias: "report" },
  permalink: (d: { report: YearReport }) => yearReportPath(d.report.year),
};

export function render({ gs, report }: { gs: SiteGlobals; report: YearReport }): string {
  const { ctx } = reportsView(gs);
  return layout(gs, {
    title: `Báo cáo năm ${report.year}`,
    path: yearReportPath(report.year),
    head: reportsHead(),
    bodyClass: "page page-reports",
    crumbs: [["Báo cáo", SECTION_PATHS.reports]],
    body: yearBody(ctx, report),
  });
}
