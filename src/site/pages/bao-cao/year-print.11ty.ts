// /bao-cao/<yyyy>/in/: the year report as a Party document, printed to /bao-cao/<yyyy>.pdf.
import type { SiteGlobals } from "../../globals.ts";
import { reportDocument } from "../../../reports/document.ts";
import type { YearReport } from "../../../reports/figures.ts";
import { yearReportPaths } from "../../../paths/paths.ts";
import { reportsView } from "../../sections/reports.ts";

export const data = {
  pagination: { data: "gs.sections.reports.years", size: 1, alias: "report" },
  permalink: (d: { report: YearReport }) => yearReportPaths(d.report.year).print,
};

export function render({ gs, report }: { gs: SiteGlobals; report: YearReport }): string {
  return reportDocument(gs.model, reportsView(gs).data.labels, report);
}
