// The search index: Pagefind's Node API fed with records made from the validated model (no HTML parsing),
// started before Eleventy so Pagefind indexes on the other core while the pages are written.
import path from "node:path";
import * as pagefind from "pagefind";
import type { ContentModel } from "../content/model.ts";
import { markdownText } from "../site/markdown.ts";
import { exemplarPath, planPath } from "../site/sections/portal.ts";
import { stripDiacritics } from "../vi/text.ts";

export interface SearchRecord {
  /** Site path (without the path prefix). */
  path: string;
  title: string;
  text: string;
}

/** One record per published exemplar, plan and activity. Drafts are never indexed. */
export function searchRecords(model: ContentModel): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const e of model.exemplars) {
    if (e.draft) continue;
    const d = e.data;
    records.push({
      path: exemplarPath(e.slug),
      title: d.title,
      text: [d.title, d.subject.name, d.subject.role ?? "", d.summary, ...d.achievements, d.method ?? "", ...(d.tags ?? []), markdownText(e.body)].join("\n"),
    });
  }
  for (const p of model.plans) {
    if (p.draft) continue;
    records.push({ path: planPath(p.slug), title: `Kế hoạch số ${p.data.number}: ${p.data.title}`, text: [p.data.number, p.data.title, p.data.summary ?? "", markdownText(p.body)].join("\n") });
  }
  for (const a of model.activities) {
    if (a.draft) continue;
    records.push({ path: `/hoat-dong/#hd-${a.slug}`, title: a.data.title, text: [a.data.title, a.data.summary ?? "", a.data.place ?? "", markdownText(a.body)].join("\n") });
  }
  return records;
}

/**
 * Pagefind does not fold Vietnamese diacritics, so the indexed content carries the text twice: as
 * written and without diacritics (đ → d). "cong dong" and "cộng đồng" both find the page.
 */
export function indexedContent(text: string): string {
  const plain = stripDiacritics(text);
  return plain === text ? text : `${text}\n${plain}`;
}

/** Adds a diacritic-free copy of a page's text inside its main element, in what only Pagefind reads. */
export function withPlainCopy(page: string): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(page);
  if (!main) return page;
  const text = (main[1] ?? "").replace(/<[^>]+>/g, " ").replace(/&[a-z#0-9]+;/gi, " ");
  const plain = stripDiacritics(text).replace(/\s+/g, " ").trim();
  const end = page.lastIndexOf("</main>");
  return `${page.slice(0, end)}<p>${plain.replace(/[<>&]/g, " ")}</p>${page.slice(end)}`;
}

export interface PendingIndex {
  /** Adds a rendered page marked `data-pagefind-body` (site path as Eleventy gives it). */
  addPage(url: string, html: string): void;
  /** Writes the index into `<siteDir>/pagefind/` and returns the number of records. */
  write(siteDir: string): Promise<number>;
  /** Stops Pagefind without writing (the build failed). */
  cancel(): Promise<void>;
}

/** Starts indexing now; `url` maps a site path to the URL stored in the index. */
export async function startSearchIndex(records: readonly SearchRecord[], url: (p: string) => string): Promise<PendingIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "vi" });
  if (!index) {
    await pagefind.close();
    throw new Error(`Pagefind: ${errors.join("; ")}`);
  }
  const adding = Promise.all(
    records.map((r) => index.addCustomRecord({ url: url(r.path), content: indexedContent(r.text), language: "vi", meta: { title: r.title } })),
  );
  // A failure surfaces in write(); never as an unhandled rejection while Eleventy runs.
  adding.catch(() => {});
  const pages: Promise<{ errors: string[] }>[] = [];
  return {
    addPage(pagePath: string, page: string) {
      const p = index.addHTMLFile({ url: url(pagePath), content: withPlainCopy(page) });
      p.catch(() => {});
      pages.push(p);
    },
    async write(siteDir: string) {
      try {
        const added = [...(await adding), ...(await Promise.all(pages))];
        const failed = added.flatMap((a) => a.errors);
        if (failed.length) throw new Error(`Pagefind: ${failed.join("; ")}`);
        const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
        return records.length + pages.length;
      } finally {
        await pagefind.close();
      }
    },
    async cancel() {
      await adding.catch(() => {});
      await Promise.allSettled(pages);
      await pagefind.close();
    },
  };
}
