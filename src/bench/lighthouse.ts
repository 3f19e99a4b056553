// The readers' row of the benchmark: Lighthouse (mobile preset, performance only) over one page of each type of a
// built site, served locally under its path prefix, in the Chromium the browser resolver finds. Lighthouse is a
// measuring tool, not a dependency of the build: it is loaded with a dynamic import and the row says so when absent.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser, type LaunchOptions } from "../browser/index.ts";
import { FILE_PATHS, PRINT_SEGMENT, SECTION_PATHS } from "../paths/paths.ts";
import { serveStatic } from "../print/serve.ts";

/** One page Lighthouse measured. */
export interface LighthouseRow {
  /** Page type (English, as in the tests' page-type list). */
  type: string;
  /** Site path, before the path prefix. */
  path: string;
  /** Performance score, 0–100. */
  score: number;
  /** Cumulative layout shift. */
  cls: number;
  /** Milliseconds (simulated mobile). */
  fcp: number;
  lcp: number;
  tbt: number;
  /** Estimated savings of the render-blocking-resources audit, milliseconds. */
  renderBlockingMs: number;
}

export interface LighthouseOptions {
  /** A built site (`npm run build -- --out DIR`). */
  siteDir: string;
  /** The module to load (default: `GUONG_SANG_LIGHTHOUSE`, else `lighthouse`; a folder path works for a copy installed elsewhere). */
  module?: string;
  /** Only these page types (default: all). */
  only?: readonly string[];
  /** Runs per page; the run with the median score is reported (default 1). */
  runs?: number;
  /** Passed to the browser resolver. */
  browser?: LaunchOptions;
  log?: (line: string) => void;
}

/** Lighthouse is not installed: the benchmark row says how to get it. */
export class LighthouseMissingError extends Error {
  readonly code = "E_NO_LIGHTHOUSE";
}

/** Every folder page (`…/index.html`) of a built site as site paths, and `/404.html`. */
function builtPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (!entry.isDirectory() || (rel === "" && entry.name === "pagefind")) continue;
      const sub = `${rel}${entry.name}/`;
      if (existsSync(path.join(dir, sub, "index.html"))) out.push(`/${sub}`);
      walk(sub);
    }
  };
  walk("");
  return out.sort();
}

/**
 * One page of each type, found in the built tree (the first in path order of each pattern); a type the site
 * lacks (no reports yet, say) is left out.
 */
export function lighthousePages(dir: string): { type: string; path: string }[] {
  const pages = builtPages(dir);
  const ex = SECTION_PATHS.exemplars;
  const exemplar = JSON.parse(readFileSync(path.join(dir, FILE_PATHS.exemplarsApi.slice(1)), "utf8")) as unknown;
  const list = (Array.isArray(exemplar) ? exemplar : (exemplar as { exemplars?: unknown[] }).exemplars ?? []) as { url?: string }[];
  const exemplarPath = list.map((e) => (e.url ? new URL(e.url).pathname : "")).map((p) => pages.find((q) => p.endsWith(q) && q !== ex)).find(Boolean);
  const first = (re: RegExp) => pages.find((p) => re.test(p) && !p.endsWith(`/${PRINT_SEGMENT}/`));
  const esc = (s: string) => s.replace(/[/\\^$*+?.()|[\]{}-]/g, "\\$&");
  const candidates: [string, string | undefined][] = [
    ["home", "/"],
    ["exemplar list", ex],
    ["exemplar", exemplarPath],
    ["plan", first(new RegExp(`^${esc(SECTION_PATHS.plans)}[^/]+/$`))],
    ["activities", SECTION_PATHS.activities],
    ["activities of a year", first(new RegExp(`^${esc(SECTION_PATHS.activities)}\\d{4}/$`))],
    ["calendar", SECTION_PATHS.calendar],
    ["search", SECTION_PATHS.search],
    ["bulletin issue", first(new RegExp(`^${esc(SECTION_PATHS.bulletins)}\\d{4}-\\d{2}/$`))],
    ["report", first(new RegExp(`^${esc(SECTION_PATHS.reports)}\\d{4}-q[1-4]/$`))],
    ["loudspeaker script", first(new RegExp(`^${esc(SECTION_PATHS.loudspeaker)}\\d{4}-q[1-4]/[^/]+/$`))],
    ["not found", existsSync(path.join(dir, FILE_PATHS.notFound.slice(1))) ? FILE_PATHS.notFound : undefined],
  ];
  return candidates.filter((c): c is [string, string] => c[1] !== undefined && (c[1] === "/" || c[1] === FILE_PATHS.notFound || pages.includes(c[1]))).map(([type, p]) => ({ type, path: p }));
}

/** The path prefix a built site was built for: the path of the shortest URL in its sitemap (the home page). */
export function builtPrefix(dir: string): string {
  const locs = [...readFileSync(path.join(dir, FILE_PATHS.sitemap.slice(1)), "utf8").matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!);
  const home = locs.sort((a, b) => a.length - b.length)[0];
  return home ? new URL(home).pathname : "/";
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

type LighthouseFn = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: Lhr } | undefined>;
interface Lhr {
  categories: { performance?: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: { overallSavingsMs?: number } } | undefined>;
  runtimeError?: { message: string };
}

async function loadLighthouse(specifier: string): Promise<LighthouseFn> {
  const target = specifier.startsWith(".") || path.isAbsolute(specifier) ? pathToFileURL(path.resolve(specifier, "core/index.js")).href : specifier;
  try {
    const mod = (await import(target)) as { default: LighthouseFn };
    return mod.default;
  } catch (error) {
    throw new LighthouseMissingError(
      `Không tải được Lighthouse (${specifier}): ${(error as Error).message.split("\n")[0]}. Cài bằng: npm install --save-dev lighthouse@12`,
      { cause: error },
    );
  }
}

const median = <T>(xs: T[], key: (x: T) => number): T => [...xs].sort((a, b) => key(a) - key(b))[Math.floor((xs.length - 1) / 2)]!;

/** Runs Lighthouse over one page of each type and returns a row per page. */
export async function runLighthouse(options: LighthouseOptions): Promise<LighthouseRow[]> {
  const lighthouse = await loadLighthouse(options.module ?? process.env.GUONG_SANG_LIGHTHOUSE ?? "lighthouse");
  const log = options.log ?? (() => {});
  const pages = lighthousePages(options.siteDir).filter((p) => !options.only || options.only.includes(p.type));
  // Compressed as GitHub Pages sends it: the phone's download is what Lighthouse's slow network simulates.
  const server = await serveStatic(options.siteDir, { prefix: builtPrefix(options.siteDir), compress: true });
  const port = await freePort();
  const browser = await launchBrowser({ ...options.browser, args: [...(options.browser?.args ?? []), `--remote-debugging-port=${port}`] });
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages) {
      const runs: LighthouseRow[] = [];
      for (let i = 0; i < (options.runs ?? 1); i++) {
        const result = await lighthouse(`${server.base}${page.path}`, { port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
        const lhr = result?.lhr;
        if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse không đo được ${page.path}: ${lhr?.runtimeError?.message ?? "không có kết quả"}`);
        const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        runs.push({
          ...page,
          score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          cls: value("cumulative-layout-shift"),
          fcp: value("first-contentful-paint"),
          lcp: value("largest-contentful-paint"),
          tbt: value("total-blocking-time"),
          renderBlockingMs: lhr.audits["render-blocking-resources"]?.details?.overallSavingsMs ?? 0,
        });
      }
      const row = median(runs, (r) => r.score);
      log(`  ${row.type} (${row.path}): ${row.score} điểm, CLS ${row.cls.toFixed(3)}, LCP ${(row.lcp / 1000).toFixed(2)} s`);
      rows.push(row);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}

/** The rows as a Vietnamese table. */
export function formatLighthouse(rows: readonly LighthouseRow[]): string {
  const table = [["Loại trang", "Điểm", "CLS", "FCP (s)", "LCP (s)", "TBT (ms)", "CSS chặn (ms)", "Trang"]];
  for (const r of rows) {
    table.push([r.type, String(r.score), r.cls.toFixed(3), (r.fcp / 1000).toFixed(2), (r.lcp / 1000).toFixed(2), r.tbt.toFixed(0), r.renderBlockingMs.toFixed(0), r.path]);
  }
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  return table.map((row) => row.map((cell, c) => (c === 0 || c === row.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd()).join("\n");
}
