// /bao-cao/<yyyy>.csv: the year's and its quarters' figures for Excel (UTF-8 with BOM, CRLF).
import type { SiteGlobals } from "../../globals.ts";
import { yearCsv } from "../../../reports/export.ts";
import type { YearReport } from "../../../reports/figures.ts";
import { yearReportPaths } from "../../../paths/paths.ts";

export const data = {
  pagination: { data: "gs.sections.reports.years", size: 1, alias: "report" },
  permalink: (d: { report: YearReport }) => yearReportPaths(d.report.year).csv,
  eleventyExcludeFromCollections: true,
};

export function render({ gs, report }: { gs: SiteGlobals; report: YearReport }): string {
  return yearCsv(gs.site, report.data, report.quarters);
}
