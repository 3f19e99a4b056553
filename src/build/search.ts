// The search index: Pagefind's Node API over the built HTML, written into <site>/pagefind/.
import path from "node:path";
import * as pagefind from "pagefind";

/** Indexes every page of `siteDir` that marks its content `data-pagefind-body`; returns the page count. */
export async function buildSearchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "vi" });
  try {
    if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
