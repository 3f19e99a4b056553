// An RFC 4180 reader written for the tests, separate from the report code that writes the CSV.
export function readCsv(text: string): { bom: boolean; rows: string[][]; lineEndings: Set<string> } {
  const bom = text.startsWith("\uFEFF");
  const input = bom ? text.slice(1) : text;
  const rows: string[][] = [];
  const lineEndings = new Set<string>();
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as string;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      const ending = c === "\r" && input[i + 1] === "\n" ? "\r\n" : c;
      lineEndings.add(ending);
      if (ending === "\r\n") i++;
      rows.push([...row, cell]);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return { bom, rows, lineEndings };
}
