// The search index: Pagefind bundles made from the validated model (no HTML parsing), one per year of exemplars
// (split when a year holds more than MAX_BUNDLE_RECORDS), one for plans and activities, one for searchable pages.
// Each bundle is indexed in its own short-lived Pagefind process, one at a time (memory is bounded by the largest
// bundle), kept in the build cache keyed by its inputs, and reused when they did not change. The search page merges
// the bundles with Pagefind's `mergeIndex` (`src/site/assets/search.js`).
import { vietnamDate } from "../vi/date.ts";
import { SEARCHABLE_ATTRIBUTE } from "../render/markers.ts";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import type { ContentModel } from "../content/model.ts";
import { markdownText } from "../render/markdown.ts";
import { codeVersion } from "./cache.ts";
import { findBundle, placeBundle, pruneStore, pruneWork, storeBundle } from "./search-store.ts";
import { activityPath, exemplarPath, planPath } from "../paths/paths.ts";

export interface SearchRecord {
  /** Site path (without the path prefix). */
  path: string;
  title: string;
  text: string;
}

/** One thing to index, with what identifies its content, so a bundle's key is known without building the record. */
export interface SearchItem {
  bundle: string;
  /** Site path (unique). */
  id: string;
  /** Hash of everything the record is made from (the content file's bytes, or the page's main element). */
  hash: string;
  record(): SearchRecord;
}

/** Bump when what a bundle holds changes in a way its inputs do not show. */
export const SEARCH_FORMAT = 1;

/** Largest number of exemplars in one bundle: Pagefind holds a bundle in memory while it indexes it (~0.2 GB per 1,000). */
export const MAX_BUNDLE_RECORDS = 2000;

/**
 * Fragment files per bundle: Pagefind writes one compressed fragment (a result's text, for its excerpt) per record
 * unless told to group them; writing 2,000 small files costs more than indexing the words. 200 groups keep a result's
 * download small (about 10 records) and cut the files to link on a rebuild tenfold.
 */
export const MAX_FRAGMENT_FILES = 200;

/** Plans and activities (known before the pages are rendered). */
export const OTHER_BUNDLE = "khac";
/** Rendered pages marked `data-pagefind-body` (bulletin issues), known only once Eleventy has written them. */
export const PAGES_BUNDLE = "trang";
/** The list of merged bundles the search client reads, in the primary bundle's folder. */
export const BUNDLES_MANIFEST = "gs-bundles.json";

/** The cache folder's sub-folders: finished bundles, and work in progress. */
const STORE = "search";
const WORK = "search-work";

function shortHash(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0);
}

/**
 * Everything to index: one item per published exemplar, plan and activity. Drafts are never indexed. Exemplars go
 * to the bundle of their year (`dien-hinh-2019`); a year with more than `max` exemplars is split by a hash of the slug
 * into `dien-hinh-2019-1…k`, so adding or editing an exemplar touches one bundle only.
 */
export function searchItems(model: ContentModel, max: number = MAX_BUNDLE_RECORDS): SearchItem[] {
  const items: SearchItem[] = [];
  const published = model.exemplars.filter((e) => !e.draft);
  const perYear = new Map<string, number>();
  for (const e of published) perYear.set(e.data.date.slice(0, 4), (perYear.get(e.data.date.slice(0, 4)) ?? 0) + 1);
  for (const e of published) {
    const d = e.data;
    const year = d.date.slice(0, 4);
    const parts = Math.ceil((perYear.get(year) ?? 0) / max);
    const bundle = parts > 1 ? `dien-hinh-${year}-${(shortHash(e.slug) % parts) + 1}` : `dien-hinh-${year}`;
    items.push({
      bundle,
      id: exemplarPath(e.slug),
      hash: e.hash,
      record: () => ({
        path: exemplarPath(e.slug),
        title: d.title,
        text: [d.title, d.subject.name, d.subject.role ?? "", d.summary, ...d.achievements, d.method ?? "", ...(d.tags ?? []), markdownText(e.body)].join("\n"),
      }),
    });
  }
  for (const p of model.plans) {
    if (p.draft) continue;
    const record = (): SearchRecord => ({ path: planPath(p.slug), title: `Kế hoạch số ${p.data.number}: ${p.data.title}`, text: [p.data.number, p.data.title, p.data.summary ?? "", markdownText(p.body)].join("\n") });
    items.push({ bundle: OTHER_BUNDLE, id: planPath(p.slug), hash: p.hash, record });
  }
  for (const a of model.activities) {
    if (a.draft) continue;
    const where = activityPath(a.slug, vietnamDate(a.data.date).year);
    const record = (): SearchRecord => ({ path: where, title: a.data.title, text: [a.data.title, a.data.summary ?? "", a.data.place ?? "", markdownText(a.body)].join("\n") });
    items.push({ bundle: OTHER_BUNDLE, id: where, hash: a.hash, record });
  }
  return items;
}

/** The records themselves (every item built). */
export function searchRecords(model: ContentModel): SearchRecord[] {
  return searchItems(model).map((i) => i.record());
}

/**
 * Pagefind (1.6) folds diacritics when it indexes and searches ("nghia" finds "Nghĩa"), except đ, which has no
 * decomposition. What Pagefind reads therefore spells đ as d + U+0335 (combining short stroke overlay): Pagefind folds
 * it to d, and the excerpts it returns still carry the mark, which the client turns back into đ. The client also types
 * đ as d before searching, so "Đống Đa" and "dong da" find the same pages. No second copy of the text is indexed.
 */
export const STROKE = "\u0335";
export function markStroke(text: string): string {
  return text.replace(/đ/g, `d${STROKE}`).replace(/Đ/g, `D${STROKE}`);
}

/** The part of a rendered page Pagefind indexes (its `data-pagefind-body` main element), for the page's hash. */
function mainOf(page: string): string {
  const start = page.search(new RegExp(`<main\\b[^>]*${SEARCHABLE_ATTRIBUTE}`));
  const end = page.lastIndexOf("</main>");
  return start >= 0 && end > start ? page.slice(start, end) : page;
}

let pagefindVersionMemo: Promise<string> | undefined;
/** Pagefind's version, from its package.json: a new Pagefind re-indexes every bundle. */
export function pagefindVersion(): Promise<string> {
  pagefindVersionMemo ??= readFile(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../node_modules/pagefind/package.json"), "utf8")
    .then((text) => String((JSON.parse(text) as { version?: unknown }).version ?? "unknown"))
    .catch(() => "unknown");
  return pagefindVersionMemo;
}

/** A bundle's cache key: its items (path and content hash), the Pagefind version, the code version and the format. */
export function bundleKey(name: string, items: readonly Pick<SearchItem, "id" | "hash">[], version: string): string {
  const hash = createHash("sha256").update(`guong-sang-search ${SEARCH_FORMAT}\n${version}\n${name}\n`);
  for (const i of [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) hash.update(`${i.id}\u0000${i.hash}\n`);
  return `${name}-${hash.digest("hex").slice(0, 24)}`;
}

export interface BundleReport {
  name: string;
  key: string;
  records: number;
  /** Taken from the cache, not indexed in this build. */
  reused: boolean;
  /** Indexing time (0 when reused). */
  ms: number;
}

export interface SearchOptions {
  /** The build cache folder (bundles are kept in `<cacheDir>/search/`); undefined: no cache. */
  cacheDir?: string;
  /** Overrides the version half of the keys (tests). */
  version?: string;
}

export interface PendingIndex {
  /** Adds a rendered page marked `data-pagefind-body` (site path as Eleventy gives it). */
  addPage(url: string, html: string): void;
  /** Finishes every bundle, places them in `<siteDir>/pagefind/` and returns the number of records. */
  write(siteDir: string): Promise<number>;
  /** Stops Pagefind without writing (the build failed). */
  cancel(): Promise<void>;
  /** One line per bundle, complete after `write`. */
  readonly bundles: BundleReport[];
}

interface Ready {
  report: BundleReport;
  /** Folder holding the bundle as Pagefind wrote it. */
  dir: string;
  /** Stored in the cache (link from it) or a work folder of this build (move it). */
  stored: boolean;
}

type Input = { kind: "record"; item: SearchItem } | { kind: "page"; url: string; html: string };

/** Indexes one bundle in a fresh Pagefind process into `outDir`, then stops the process (its memory goes with it). */
async function indexBundle(inputs: readonly Input[], url: (p: string) => string, outDir: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "vi", maxFragments: MAX_FRAGMENT_FILES });
    if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
    const added = await Promise.all(
      inputs.map((input) => {
        if (input.kind === "page") return index.addHTMLFile({ url: url(input.url), content: markStroke(input.html) });
        const r = input.item.record();
        return index.addCustomRecord({ url: url(r.path), content: markStroke(r.text), language: "vi", meta: { title: r.title } });
      }),
    );
    const failed = added.flatMap((a) => a.errors);
    if (failed.length) throw new Error(`Pagefind: ${failed.join("; ")}`);
    await rm(outDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: outDir });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
}

/** Order of bundles in the site: the first non-empty one is the primary (`/pagefind/`), the others are merged into it. */
function placementOrder(names: Iterable<string>): string[] {
  const rank = (n: string) => (n === OTHER_BUNDLE ? 0 : n === PAGES_BUNDLE ? 2 : 1);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Starts indexing now, in the background (one bundle at a time, cached bundles skipped); `url` maps a site path to
 * the URL stored in the index. Pages arrive through `addPage` and are indexed in `write`.
 */
export async function startSearchIndex(items: readonly SearchItem[], url: (p: string) => string, options: SearchOptions = {}): Promise<PendingIndex> {
  const version = options.version ?? `pagefind ${await pagefindVersion()}\ncode ${await codeVersion()}`;
  const store = options.cacheDir ? path.join(options.cacheDir, STORE) : undefined;
  const work = options.cacheDir ? path.join(options.cacheDir, WORK) : await mkdtemp(path.join(tmpdir(), "gs-search-"));
  await mkdir(work, { recursive: true });
  if (store) await mkdir(store, { recursive: true });

  const bundles: BundleReport[] = [];
  const ready = new Map<string, Promise<Ready>>();
  let queue: Promise<unknown> = Promise.resolve();
  let cancelled = false;
  let serial = 0;

  const runIndex = (name: string, key: string, inputs: readonly Input[], keep = true): Promise<Ready> => {
    const run = queue.then(async () => {
      if (cancelled) throw new Error("search index cancelled");
      const start = performance.now();
      const dir = path.join(work, `${name}.${process.pid}.${serial++}`);
      await indexBundle(inputs, url, dir);
      const report: BundleReport = { name, key, records: inputs.length, reused: false, ms: performance.now() - start };
      if (!store || !keep) return { report, dir, stored: false };
      const kept = await storeBundle(store, key, dir);
      return { report, dir: kept, stored: kept !== dir };
    });
    queue = run.catch(() => {});
    return run;
  };

  const prepare = (name: string, inputs: readonly Input[], ids: readonly Pick<SearchItem, "id" | "hash">[]): Promise<Ready> => {
    const key = bundleKey(name, ids, version);
    const found = store ? findBundle(store, key) : Promise.resolve(undefined);
    const p = found.then((dir) => (dir ? { report: { name, key, records: inputs.length, reused: true, ms: 0 }, dir, stored: true } : runIndex(name, key, inputs)));
    p.catch(() => {}); // a failure surfaces in write(), never as an unhandled rejection while Eleventy runs
    return p;
  };

  const groups = new Map<string, SearchItem[]>();
  for (const item of items) {
    const list = groups.get(item.bundle);
    if (list) list.push(item);
    else groups.set(item.bundle, [item]);
  }
  for (const name of placementOrder(groups.keys())) {
    const list = groups.get(name)!;
    ready.set(name, prepare(name, list.map((item) => ({ kind: "record", item })), list));
  }

  const pages: { url: string; html: string; hash: string }[] = [];
  return {
    bundles,
    addPage(pagePath: string, page: string) {
      pages.push({ url: pagePath, html: page, hash: createHash("sha256").update(mainOf(page)).digest("hex") });
    },
    async write(siteDir: string) {
      try {
        if (pages.length || ready.size === 0) {
          ready.set(PAGES_BUNDLE, prepare(PAGES_BUNDLE, pages.map((p) => ({ kind: "page", url: p.url, html: p.html })), pages.map((p) => ({ id: p.url, hash: p.hash }))));
        }
        const done = await Promise.all(placementOrder(ready.keys()).map(async (name) => [name, await ready.get(name)!] as const));
        const nonEmpty = done.filter(([, r]) => r.report.records > 0);
        const placed = nonEmpty.length ? nonEmpty : done.slice(0, 1);
        const root = path.join(siteDir, "pagefind");
        const merged: string[] = [];
        for (const [i, [name, r]] of placed.entries()) {
          const to = i === 0 ? root : path.join(root, name);
          try {
            await placeBundle(r.dir, to, r.stored ? "link" : "move", i === 0);
          } catch (error) {
            // A stored bundle removed meanwhile (another build sharing the cache pruned it): index it again,
            // into this build's own work folder, out of reach of other builds.
            if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !r.stored) throw error;
            await rm(to, { recursive: true, force: true });
            const inputs: Input[] = name === PAGES_BUNDLE ? pages.map((p) => ({ kind: "page", url: p.url, html: p.html })) : groups.get(name)!.map((item) => ({ kind: "record", item }));
            const again = await runIndex(name, r.report.key, inputs, false);
            await placeBundle(again.dir, to, "move", i === 0);
            await rm(again.dir, { recursive: true, force: true });
            r.report.reused = false;
          }
          if (i > 0) merged.push(`${name}/`);
        }
        await writeFile(path.join(root, BUNDLES_MANIFEST), JSON.stringify({ bundles: merged }));
        bundles.push(...done.map(([, r]) => r.report));
        if (store) {
          await pruneStore(store, new Set(done.map(([, r]) => r.report.key)));
          await pruneWork(work);
        }
        return done.reduce((sum, [, r]) => sum + r.report.records, 0);
      } finally {
        cancelled = true;
        await queue;
        if (!store) await rm(work, { recursive: true, force: true });
      }
    },
    async cancel() {
      cancelled = true;
      await pagefind.close();
      await queue;
      if (!store) await rm(work, { recursive: true, force: true });
    },
  };
}
