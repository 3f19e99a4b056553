// /bao-cao/bao-cao.css: the report pages' charts and tables, on screen and in print.
import { FILE_PATHS } from "../../../paths/paths.ts";
import { REPORT_PAGE_CSS } from "../../../reports/style.ts";

export const data = { permalink: FILE_PATHS.reportsCss };

export function render(): string {
  return REPORT_PAGE_CSS;
}
