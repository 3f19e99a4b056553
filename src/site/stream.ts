// Pages the build writes itself instead of through Eleventy: the bulk (exemplar pages, exemplar lists), rendered one
// at a time and written at once, so memory stays flat with the number of exemplars; both are incremental.
//
// A streamed page with a `view` is keyed by sha256(page shell + view), or of its `identity` where the family gives one
// (an exemplar page's view with the file's front matter and body stood for by the file's hash). The page shell is
// what `layout()` reads of `gs` (site.yaml, navigation, path prefix, drafts flag, asset names) and the view is the
// plain data the template renders from (its render function reads nothing else: see `renderExemplarPage`,
// `renderListPage`). The code version is the page store's own version (a code change empties it). When the previous
// build wrote the same page with the same key and its file in the previous output is untouched (same size, mtime and
// inode), the page is not rendered: it is listed in `kept`, and the build keeps that file (`updateOutput` in
// src/util/output-dir.ts). The previous output is only ever read here.
import { isNoindex, isSearchable } from "../render/markers.ts";
import { createHash } from "node:crypto";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SiteGlobals } from "./globals.ts";
import { inFileSync } from "../util/errors.ts";
import { PAGE_FAMILIES } from "./families.ts";
import { familyPages, type StreamedPage } from "./family.ts";

export type { StreamedPage };

/** What the page store keeps of one written page. */
export interface PageRecord {
  key: string;
  size: number;
  mtimeMs: number;
  ino: number;
  noindex: boolean;
}

/** The build's memory of the pages it wrote into the previous output (src/build/cache.ts). */
export interface PageStore {
  /** The previous output folder, read only. */
  readonly previousDir: string;
  get(sitePath: string): PageRecord | undefined;
  set(sitePath: string, record: PageRecord): void;
}

export interface StreamResult {
  /** Site paths written, except those marked noindex (for the sitemap). */
  listed: string[];
  rendered: number;
  reused: number;
  /**
   * The unchanged pages' files (relative, `/`-separated): not written, left where they are in the store's previous
   * output, which the build then updates in place or links them from (`updateOutput` in src/util/output-dir.ts).
   */
  kept: string[];
}

export interface StreamOptions {
  store?: PageStore;
  /** Receives every rendered page marked `data-pagefind-body` (such a page is never reused). */
  onSearchablePage?: (url: string, html: string) => void;
}

/** Every page the build streams: every member of every registered family (src/site/families.ts), in order. */
export function* streamedPages(gs: SiteGlobals): Generator<StreamedPage> {
  for (const family of PAGE_FAMILIES) yield* familyPages(gs, family);
}

/** The hash of what every page's shell shows: settings, navigation, prefix, drafts flag, the assets' names. */
export function shellKey(gs: Pick<SiteGlobals, "site" | "nav" | "pathPrefix" | "drafts" | "assets">): string {
  return createHash("sha256").update(JSON.stringify({ site: gs.site, nav: gs.nav, pathPrefix: gs.pathPrefix, drafts: gs.drafts, assets: gs.assets.key })).digest("hex");
}

/** `/dien-hinh/x/` → `dien-hinh/x/index.html` (Eleventy's rule for permalinks ending in `/`). */
export function outputFile(sitePath: string): string {
  const rel = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
  const segments = rel.split("/").filter((s) => s !== "");
  if (!rel.startsWith("/") || segments.some((s) => s === "." || s === ".." || s.includes("\\"))) throw new Error(`Streamed page path outside the site: ${sitePath}`);
  return segments.join("/");
}


/** Writes `pages` into `outDir` one at a time, reusing unchanged keyed pages from the store's previous output. */
export async function writeStreamedPages(gs: SiteGlobals, outDir: string, pages: Iterable<StreamedPage>, options: StreamOptions = {}): Promise<StreamResult> {
  const { store, onSearchablePage } = options;
  const shell = shellKey(gs);
  const made = new Set<string>();
  const result: StreamResult = { listed: [], rendered: 0, reused: 0, kept: [] };
  let n = 0;
  for (const page of pages) {
    // Let the event loop breathe (the search indexer's pipe) without paying a tick per page.
    if (++n % 200 === 0) await new Promise((r) => setImmediate(r));
    const rel = outputFile(page.path);
    const dest = path.join(outDir, rel);
    const key = store && page.view !== undefined ? createHash("sha256").update(shell).update("\n").update(JSON.stringify(page.identity ?? page.view)).digest("hex") : undefined;
    if (store && key) {
      const record = unchangedPage(store, page.path, key, path.join(store.previousDir, rel));
      if (record) {
        result.kept.push(rel);
        result.reused++;
        if (!record.noindex) result.listed.push(page.path);
        continue;
      }
    }
    const html = page.source ? inFileSync({ file: page.source }, () => page.render()) : page.render();
    const dir = path.dirname(dest);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(dest, html);
    result.rendered++;
    const noindex = isNoindex(html);
    if (!noindex) result.listed.push(page.path);
    const searchable = isSearchable(html);
    if (searchable) onSearchablePage?.(page.path, html);
    if (store && key && !searchable) {
      const st = statSync(dest);
      store.set(page.path, { key, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, noindex });
    }
  }
  return result;
}

/** The store's record of the page, when the previous output still holds exactly the file it describes. */
function unchangedPage(store: PageStore, sitePath: string, key: string, previous: string): PageRecord | undefined {
  const record = store.get(sitePath);
  if (!record || record.key !== key) return undefined;
  let st;
  try {
    st = statSync(previous, { throwIfNoEntry: false });
  } catch {
    return undefined; // a file where a folder was, a folder we may not read: render the page
  }
  // The file must be the one this record describes: not edited, not replaced by another build.
  if (!st?.isFile() || st.size !== record.size || st.mtimeMs !== record.mtimeMs || st.ino !== record.ino) return undefined;
  store.set(sitePath, record);
  return record;
}
