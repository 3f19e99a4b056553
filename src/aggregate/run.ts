// `npm run aggregate`: the sources file → every source read (bounded concurrency; a failing source falls back to its
// last good copy) → the city section written into a temporary folder beside --out, swapped in only when complete.
import { lstatSync } from "node:fs";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import * as pagefind from "pagefind";
import type { Finding } from "../content/model.ts";
import { EXPORT_SCHEMA_FILES, exportSchemaText, type ExportKind } from "../content/exports.ts";
import { assertSafeOutDir, makeTempBeside, removeDeadTemps, resolveOutDir, swapInto } from "../util/output-dir.ts";
import { exists } from "../util/fs.ts";
import { viCollator } from "../vi/text.ts";
import { DEFAULT_CACHE_DIR, loadCopy, saveCopy } from "./cache.ts";
import { DEFAULT_LIMITS, type FetchLimits, folderReader, httpReader, mapPool, ReadError } from "./fetch.ts";
import { cityPeriods, cityQuarter, cityQuarterJson, cityYear, cityYearJson } from "./figures.ts";
import type { CityExemplar, SourceOutcome } from "./model.ts";
import { type CityView, writeExemplarPages, writeHome, writeNotFound, writeReportPages, writeSearch } from "./pages.ts";
import { fileOf, filterPath, makeUrl, PATHS, quarterPath, sourceIndexPath, yearPath } from "./paths.ts";
import { readSnapshot } from "./read.ts";
import { readSources, type Source } from "./sources.ts";

export interface AggregateOptions {
  sourcesFile: string;
  outDir: string;
  cwd: string;
  /** Last good copies (default `.cache/guong-sang-aggregate` under cwd). */
  cacheDir?: string;
  limits?: Partial<FetchLimits>;
  /** Sources read at once (default 8). */
  concurrency?: number;
  now?: Date;
  /** The home folder for the --out guard (tests inject one). */
  home?: string;
  log?: (line: string) => void;
}

export interface AggregateResult {
  status: "built" | "invalid";
  findings: Finding[];
  outcomes: SourceOutcome[];
  outDir: string;
  /** HTML pages written. */
  pages: number;
  exemplars: number;
  seconds: { read: number; write: number; total: number };
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** The unit sites' stylesheet and icon: the city section looks like them. */
const SITE_ASSETS = path.resolve(here, "../site/assets");
const CITY_ASSETS = path.join(here, "assets");
const FONTSOURCE = path.resolve(here, "../../node_modules/@fontsource");

async function readOne(source: Source, cacheDir: string, limits: FetchLimits, name: string | undefined): Promise<SourceOutcome> {
  const location = source.url ?? source.dir ?? source.id;
  const files = new Map<string, Uint8Array>();
  const reader = source.url ? httpReader(source.url, limits) : folderReader(source.dir as string, limits);
  try {
    const snapshot = await readSnapshot(source.id, reader, source.url, (rel, bytes) => files.set(rel, bytes));
    try {
      await saveCopy(cacheDir, source.id, files, { readAt: snapshot.readAt, location });
    } catch {
      // A copy that cannot be kept does not make a good read bad.
    }
    return { id: source.id, name: name ?? snapshot.site.name, location, home: source.url ?? snapshot.site.baseUrl, ok: true, snapshot };
  } catch (error) {
    const why = error instanceof ReadError ? error.message : `lỗi không mong đợi (${(error as Error).message})`;
    const copy = await loadCopy(cacheDir, source.id, source.url, limits);
    return {
      id: source.id,
      name: name ?? copy?.site.name ?? source.id,
      location,
      ...(source.url ? { home: source.url } : copy ? { home: copy.site.baseUrl } : {}),
      ok: false,
      why,
      ...(copy ? { snapshot: copy } : {}),
    };
  }
}

/** Fonts the stylesheet names (`url("fonts/…")`), from the @fontsource packages the site uses. */
async function copyAssets(outDir: string): Promise<void> {
  const assets = path.join(outDir, "assets");
  await mkdir(path.join(assets, "fonts"), { recursive: true });
  const css = await readFile(path.join(SITE_ASSETS, "site.css"), "utf8");
  await writeFile(path.join(assets, "site.css"), css);
  await cp(path.join(SITE_ASSETS, "icon.svg"), path.join(assets, "icon.svg"));
  await cp(path.join(CITY_ASSETS, "tong-hop.css"), path.join(outDir, PATHS.cityStylesheet));
  await cp(path.join(CITY_ASSETS, "tim-kiem.js"), path.join(outDir, PATHS.searchScript));
  for (const [, file] of css.matchAll(/url\("fonts\/([a-z0-9-]+\.woff2)"\)/g)) {
    const family = (file as string).replace(/-(vietnamese|latin)-.*$/, "");
    await cp(path.join(FONTSOURCE, family, "files", file as string), path.join(assets, "fonts", file as string));
  }
}

/** Pagefind's script and a small index of the units here; unit sites' indexes are merged in the browser. */
async function writeSearchIndex(outDir: string, outcomes: readonly SourceOutcome[]): Promise<void> {
  const { index } = await pagefind.createIndex({ forceLanguage: "vi" });
  if (!index) throw new Error("Pagefind did not start");
  for (const o of outcomes) {
    if (!o.snapshot) continue;
    const text = [o.name, o.snapshot.site.name, ...o.snapshot.site.units.map((u) => u.name)].join(". ");
    await index.addCustomRecord({ url: filterPath("source", o.id), content: text, language: "vi", meta: { title: o.name } });
  }
  await index.writeFiles({ outputPath: path.join(outDir, PATHS.pagefind) });
  await pagefind.close();
}

export async function aggregate(options: AggregateOptions): Promise<AggregateResult> {
  const t0 = performance.now();
  const log = options.log ?? (() => undefined);
  const cwd = options.cwd;
  const limits: FetchLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { config, findings } = await readSources(options.sourcesFile, cwd);
  const empty = { outcomes: [], outDir: path.resolve(cwd, options.outDir), pages: 0, exemplars: 0, seconds: { read: 0, write: 0, total: 0 } };
  if (!config) return { status: "invalid", findings, ...empty };

  await assertSafeOutDir(options.outDir, { cwd, ...(options.home ? { home: options.home } : {}), example: "_aggregate" });
  const outDir = await resolveOutDir(options.outDir, cwd);
  const cacheDir = path.resolve(cwd, options.cacheDir ?? DEFAULT_CACHE_DIR);
  await mkdir(cacheDir, { recursive: true });

  const outcomes = await mapPool(config.sources, options.concurrency ?? 8, async (s) => {
    const o = await readOne(s, cacheDir, limits, s.name);
    log(o.ok ? `  ✓ ${s.id}` : `  ✗ ${s.id}: ${o.why}${o.snapshot ? ` (dùng bản đọc lúc ${o.snapshot.readAt})` : ""}`);
    return o;
  });
  const tRead = performance.now();

  const order = new Map(outcomes.map((o, i) => [o.id, i]));
  const exemplars: CityExemplar[] = outcomes.flatMap((o) => o.snapshot?.exemplars ?? []);
  exemplars.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) || viCollator.compare(a.title, b.title));
  const fields = new Map<string, string>();
  for (const o of outcomes) for (const f of o.snapshot?.site.fields ?? []) if (!fields.has(f.id)) fields.set(f.id, f.name);
  const periods = cityPeriods(outcomes);
  const quarters = periods.quarters.map((q) => cityQuarter(q, outcomes));
  const years = periods.years.map((y) => cityYear(y, outcomes));
  const prefix = config.baseUrl ? new URL(config.baseUrl).pathname : "/";
  const url = makeUrl(prefix);

  for (const name of await removeDeadTemps(outDir)) log(`Đã xoá thư mục tạm ${name} của một lần chạy bị dừng giữa chừng.`);
  const tmp = await makeTempBeside(outDir);
  let pages = 0;
  const write = async (sitePath: string, text: string): Promise<void> => {
    const file = path.join(tmp, fileOf(sitePath));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    if (file.endsWith(".html")) pages++;
  };

  // Local sources' search indexes are copied here (same origin); published ones are read from their own address.
  const searchIndexes: CityView["searchIndexes"] = [];
  for (const o of outcomes) {
    if (!o.ok || !o.snapshot?.site.exports.search) continue;
    const source = config.sources.find((s) => s.id === o.id) as Source;
    const base = o.home ?? o.snapshot.site.baseUrl;
    if (source.url) searchIndexes.push({ id: o.id, index: new URL(o.snapshot.site.exports.search, source.url).href, base });
    else if (source.dir) {
      const from = path.join(source.dir, o.snapshot.site.exports.search);
      if (!(await exists(from))) continue;
      // Files and folders only: a link in a source's folder could point anywhere on this machine.
      await cp(from, path.join(tmp, sourceIndexPath(o.id)), { recursive: true, filter: (f) => !lstatSync(f).isSymbolicLink() });
      searchIndexes.push({ id: o.id, index: url(sourceIndexPath(o.id)), base });
    }
  }

  const view: CityView = { config, outcomes, exemplars, fields, quarters, years, url, now: options.now ?? new Date(), searchIndexes };
  await copyAssets(tmp);
  await writeHome(view, write);
  await writeExemplarPages(view, write);
  await writeReportPages(view, write);
  await writeSearch(view, write);
  await writeNotFound(view, write);
  for (const q of quarters) await write(quarterPath(q.period).json, cityQuarterJson(q, outcomes));
  for (const y of years) await write(yearPath(y.period).json, cityYearJson(y));
  for (const kind of Object.keys(EXPORT_SCHEMA_FILES) as ExportKind[]) await write(`${PATHS.schemas}${EXPORT_SCHEMA_FILES[kind]}`, exportSchemaText(kind));
  await writeSearchIndex(tmp, outcomes);
  await swapInto(tmp, outDir);
  const tEnd = performance.now();
  return {
    status: "built",
    findings,
    outcomes,
    outDir,
    pages,
    exemplars: exemplars.length,
    seconds: { read: (tRead - t0) / 1000, write: (tEnd - tRead) / 1000, total: (tEnd - t0) / 1000 },
  };
}
