// PDF sizes on the pages that link to the PDFs. A PDF's size is known only after printing, which
// comes after Eleventy wrote the pages: pages carry an empty placeholder, and the PDF step fills it
// in the two pages that show it (the PDF's folder index and the PDF's own page).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { html, type SafeHtml } from "../render/html.ts";
import { writeAtomic } from "./write.ts";

/** "412 KB", "1,2 MB" (Vietnamese decimal comma). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

/**
 * An empty `<span>` the PDF step fills with "(PDF, 412 KB)" once `output` (a site path such as
 * `/ban-tin/2019-01.pdf`) is printed. Use it only in `dirname(output)/` and in `output` without
 * `.pdf` + `/`: the two pages the step patches. With `--no-pdf` it stays empty.
 */
export function pdfSizePlaceholder(output: string): SafeHtml {
  return html`<span class="pdf-size" data-pdf-size="${output}"></span>`;
}

/** The site pages (relative paths of their index.html) that may show the size of `output`. */
export function pagesShowingSize(output: string): string[] {
  const dir = path.posix.dirname(output);
  return [path.posix.join(dir, "index.html"), output.replace(/\.pdf$/, "/index.html")];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Fills the placeholders of the printed PDFs; pages without any are left untouched. */
export async function fillPdfSizes(siteDir: string, printed: Array<{ output: string; bytes: number }>): Promise<void> {
  const byPage = new Map<string, Array<{ output: string; bytes: number }>>();
  for (const p of printed) {
    for (const page of pagesShowingSize(p.output)) byPage.set(page, [...(byPage.get(page) ?? []), p]);
  }
  for (const [page, list] of byPage) {
    const file = path.join(siteDir, page);
    const before = await readFile(file, "utf8").catch(() => undefined);
    if (before === undefined) continue;
    let after = before;
    for (const { output, bytes } of list) {
      // The attribute value was escaped by `html`; site paths never contain characters it changes.
      const re = new RegExp(`(<span class="pdf-size" data-pdf-size="${escapeRe(output)}">)[^<]*(</span>)`, "g");
      after = after.replace(re, `$1(PDF, ${formatFileSize(bytes)})$2`);
    }
    if (after !== before) await writeAtomic(file, after);
  }
}
