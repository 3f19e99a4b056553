// /bao-cao/<yyyy>-q<n>.csv: the quarter's figures for Excel (UTF-8 with BOM, CRLF).
import type { SiteGlobals } from "../../globals.ts";
import { quarterCsv } from "../../../reports/export.ts";
import type { QuarterReport } from "../../../reports/figures.ts";
import { quarterReportPaths } from "../../../paths/paths.ts";

export const data = {
  pagination: { data: "gs.sections.reports.quarters", size: 1, alias: "report" },
  permalink: (d: { report: QuarterReport }) => quarterReportPaths(d.report.quarter).csv,
};

export function render({ gs, report }: { gs: SiteGlobals; report: QuarterReport }): string {
  return quarterCsv(gs.site, report.data);
}
