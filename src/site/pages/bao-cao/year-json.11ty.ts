// /bao-cao/<yyyy>.json: the year's figures in the quarter's shape plus its four quarters (`quarters`).
import type { SiteGlobals } from "../../globals.ts";
import { yearJson } from "../../../reports/export.ts";
import type { YearReport } from "../../../reports/figures.ts";
import { yearReportPaths } from "../../../paths/paths.ts";

export const data = {
  pagination: { data: "gs.sections.reports.years", size: 1, alias: "report" },
  permalink: (d: { report: YearReport }) => yearReportPaths(d.report.year).json,
  eleventyExcludeFromCollections: true,
};

export function render({ gs, report }: { gs: SiteGlobals; report: YearReport }): string {
  return yearJson(gs.site, report.data, report.quarters);
}
