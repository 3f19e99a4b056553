// /bao-cao/bao-cao.css: the report pages' charts and tables, on screen and in print.
import { REPORTS_BASE } from "../../../reports/view.ts";
import { REPORT_PAGE_CSS } from "../../../reports/style.ts";

export const data = { permalink: `${REPORTS_BASE}bao-cao.css` };

export function render(): string {
  return REPORT_PAGE_CSS;
}
