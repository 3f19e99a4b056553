// /bao-cao/<yyyy>-q<n>/in/: the quarter report as a Party document, printed to /bao-cao/<yyyy>-q<n>.pdf.
import type { SiteGlobals } from "../../globals.ts";
import { reportDocument } from "../../../reports/document.ts";
import type { QuarterReport } from "../../../reports/figures.ts";
import { quarterReportPaths } from "../../../paths/paths.ts";
import { reportsView } from "../../sections/reports.ts";

export const data = {
  pagination: { data: "gs.sections.reports.quarters", size: 1, alias: "report" },
  permalink: (d: { report: QuarterReport }) => quarterReportPaths(d.report.quarter).print,
};

export function render({ gs, report }: { gs: SiteGlobals; report: QuarterReport }): string {
  return reportDocument(gs.model, reportsView(gs).data.labels, report);
}
