// /bao-cao/: every year and quarter report with its downloads.
import type { SiteGlobals } from "../../globals.ts";
import { layout } from "../../layout.ts";
import { indexBody } from "../../../reports/view.ts";
import { SECTION_PATHS } from "../../../paths/paths.ts";
import { reportsHead, reportsView } from "../../sections/reports.ts";

export const data = { permalink: `${SECTION_PATHS.reports}index.html` };

export function render({ gs }: { gs: SiteGlobals }): string {
  const { data: d, ctx } = reportsView(gs);
  return layout(gs, { title: "Báo cáo", path: SECTION_PATHS.reports, head: reportsHead(), bodyClass: "page page-reports", body: indexBody(ctx, d.quarters, d.years) });
}
