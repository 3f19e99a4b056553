// /bao-cao/<yyyy>-q<n>.docx: the quarter report as a Word file in Party format, for the office to number and sign.
import type { SiteGlobals } from "../../globals.ts";
import type { QuarterReport } from "../../../reports/figures.ts";
import { quarterReportPaths } from "../../../paths/paths.ts";
import { reportDocx } from "../../../reports/word.ts";
import { reportsView } from "../../sections/reports.ts";

export const data = {
  pagination: { data: "gs.sections.reports.quarters", size: 1, alias: "report" },
  permalink: (d: { report: QuarterReport }) => quarterReportPaths(d.report.quarter).docx,
  eleventyExcludeFromCollections: true,
};

/** Async on purpose: Eleventy writes the bytes of a resolved Buffer as they are (a synchronous Buffer would be decoded as text). */
export async function render({ gs, report }: { gs: SiteGlobals; report: QuarterReport }): Promise<Buffer> {
  return Buffer.from(await reportDocx(gs.model, reportsView(gs).data.labels, report));
}
