// /bao-cao/<yyyy>-q<n>/: one quarter's figures, charts with their tables, and the units to follow up.
import type { SiteGlobals } from "../../globals.ts";
import { layout } from "../../layout.ts";
import type { QuarterReport } from "../../../reports/figures.ts";
import { quarterBody, quarterInSentence } from "../../../reports/view.ts";
import { SECTION_PATHS, quarterReportPaths } from "../../../paths/paths.ts";
import { reportsHead, reportsView } from "../../sections/reports.ts";

export const data = {
  pagination: { data: "gs.sections.reports.quarters", size: 1, alias: "report" },
  permalink: (d: { report: QuarterReport }) => quarterReportPaths(d.report.quarter).page,
};

export function render({ gs, report }: { gs: SiteGlobals; report: QuarterReport }): string {
  const { ctx } = reportsView(gs);
  const title = `Báo cáo ${quarterInSentence(report.quarter)}`;
  return layout(gs, {
    title,
    path: quarterReportPaths(report.quarter).page,
    head: reportsHead(),
    bodyClass: "page page-reports",
    crumbs: [["Báo cáo", SECTION_PATHS.reports]],
    body: quarterBody(ctx, report),
  });
}
