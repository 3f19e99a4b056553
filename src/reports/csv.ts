// CSV that Excel opens correctly with Vietnamese text: UTF-8 with BOM, CRLF, RFC 4180 quoting, no formulas.
import { csvCell, type CsvCell } from "../render/escape.ts";

export { csvCell, type CsvCell };

const BOM = "\uFEFF";

/** The whole file: BOM, one CRLF-terminated line per row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}
