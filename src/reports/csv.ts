// CSV that Excel opens correctly with Vietnamese text: UTF-8 with BOM, CRLF, RFC 4180 quoting, no formulas.

export type CsvCell = string | number;

const BOM = "\uFEFF";
/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: text starting like a formula gets a leading `'`; quotes when needed (RFC 4180). */
export function csvCell(value: CsvCell): string {
  let text = typeof value === "number" ? String(value) : value.normalize("NFC");
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, one CRLF-terminated line per row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}
