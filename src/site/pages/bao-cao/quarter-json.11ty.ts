// /bao-cao/<yyyy>-q<n>.json: the quarter's figures in the shape docs/contracts.md gives.
import type { SiteGlobals } from "../../globals.ts";
import { quarterJson } from "../../../reports/export.ts";
import type { QuarterReport } from "../../../reports/figures.ts";
import { quarterReportPaths } from "../../../paths/paths.ts";

export const data = {
  pagination: { data: "gs.sections.reports.quarters", size: 1, alias: "report" },
  permalink: (d: { report: QuarterReport }) => quarterReportPaths(d.report.quarter).json,
};

export function render({ gs, report }: { gs: SiteGlobals; report: QuarterReport }): string {
  return quarterJson(gs.site, report.data);
}
