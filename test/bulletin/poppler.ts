// Reading a real PDF with independent tools: poppler-utils (pdfinfo, pdffonts, pdftotext, pdfimages) and pdfjs-dist.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** `pdfinfo` as key → value. */
export function pdfinfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run("pdfinfo", [file]).split("\n")) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

export interface FontRow {
  name: string;
  type: string;
  emb: string;
}

/** `pdffonts` rows: name, type, emb (yes/no). The columns are fixed width, as the header's dashes show. */
export function pdffonts(file: string): FontRow[] {
  const lines = run("pdffonts", [file]).split("\n");
  const dashes = lines[1] ?? "";
  const cols: Array<[number, number]> = [];
  const re = /-+/g;
  for (let m = re.exec(dashes); m; m = re.exec(dashes)) cols.push([m.index, m.index + m[0].length]);
  const cell = (line: string, i: number) => line.slice(cols[i]![0], cols[i]![1] + 1).trim();
  return lines
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => ({ name: cell(l, 0), type: cell(l, 1), emb: cell(l, 3) }));
}

/** Text of one page (1-based); `mode` raw keeps the content order, layout keeps the columns. */
export function pageText(file: string, page: number, mode: "raw" | "layout" = "raw"): string {
  return run("pdftotext", [`-${mode}`, "-enc", "UTF-8", "-f", String(page), "-l", String(page), file, "-"]);
}

export const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

/** `pdfimages -list` rows: page, colour space and resolution as placed (equal x and y: not distorted). */
export function pdfimages(file: string): Array<{ page: number; color: string; width: number; xppi: number; yppi: number }> {
  return run("pdfimages", ["-list", file])
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .map((c) => ({ page: Number(c[0]), width: Number(c[3]), color: c[5] ?? "", xppi: Number(c[12]), yppi: Number(c[13]) }));
}

export interface OutlineEntry {
  title: string;
  page: number;
  depth: number;
}

/** The outline (bookmarks) with the page of each entry, read by pdfjs-dist. */
export async function pdfOutline(file: string): Promise<{ outline: OutlineEntry[]; lang: string | undefined; pages: number }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
  const out: OutlineEntry[] = [];
  type Item = { title: string; dest: string | unknown[] | null; items: Item[] };
  const walk = async (items: Item[], depth: number): Promise<void> => {
    for (const it of items) {
      const dest = typeof it.dest === "string" ? await doc.getDestination(it.dest) : it.dest;
      const page = dest ? (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1 : 0;
      out.push({ title: it.title, page, depth });
      await walk(it.items, depth + 1);
    }
  };
  await walk(((await doc.getOutline()) ?? []) as Item[], 0);
  const meta = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
  const lang = typeof meta.info["Language"] === "string" ? (meta.info["Language"] as string) : undefined;
  const pages = doc.numPages;
  await doc.destroy();
  return { outline: out, lang, pages };
}
