// The build pipeline: validate → Eleventy into a temporary folder → PDFs → search index → into --out (updated in
// place when the previous output is ours and unchanged pages were left in it, otherwise swapped whole).
import { rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadContent } from "../content/load.ts";
import type { Finding } from "../content/model.ts";
import type { PdfJob, SiteSection } from "../site/section.ts";
import { pathPrefixFor } from "../paths/url.ts";
import { checkHistory } from "../site/approvals.ts";
import { resolveCacheDir } from "./cache.ts";
import type { OpenPageStore } from "./page-store.ts";
import { cachedParseFile, openParseCache } from "./parse-cache.ts";
import type { StreamResult } from "../site/stream.ts";
import { inputsKey, readStamp, treeKey, writeStamp } from "./unchanged.ts";
import { openWordStore } from "./word-cache.ts";
import { useWordStore } from "../word/cache.ts";
import { openSpeechStore } from "./speech-cache.ts";
import { useSpokenStore } from "../loudspeaker/script.ts";
import { publishedBackend } from "../editor/site.ts";
import type { PendingIndex } from "./search.ts";
import { assertSafeOutDir, makeTempBeside, prepareCacheDir, removeDeadTemps, resolveOutDir, updateOutput } from "../util/output-dir.ts";

export interface BuildOptions {
  /** Content tree (absolute, or relative to `cwd`). */
  contentDir: string;
  /** Output folder, replaced only when the whole build succeeded. */
  outDir: string;
  /** Print PDFs (false for `--no-pdf`). */
  pdf: boolean;
  /** Include drafts, marked "Bản nháp". */
  drafts: boolean;
  /** Working directory for relative paths and finding paths (default: process.cwd()). */
  cwd?: string;
  /** The build's clock (tests pass a fixed one). */
  now?: Date;
  /** Path prefix of every URL in the site (`--path-prefix`); default: the path of `site.yaml`'s `baseUrl`. */
  pathPrefix?: string;
  browserPath?: string;
  /** Environment the browser resolver reads (`GUONG_SANG_BROWSER`…); default process.env. */
  env?: NodeJS.ProcessEnv;
  sections?: readonly SiteSection[];
  /** The PDF step; default: the bulletin engineer's `printPdfJobs`. Tests may not replace it to fake PDFs. */
  printPdfs?: (siteDir: string, jobs: PdfJob[], options: PdfOptions) => Promise<unknown>;
  /** Progress lines (Vietnamese); default: nothing. */
  log?: (line: string) => void;
  /** The home folder the --out guard protects (default: the user's); tests inject one. */
  home?: string;
  /** "background": the previous output is deleted by a detached process after the swap (`npm run build`); default: waited for. */
  removeOldOutput?: "wait" | "background";
  /** Folder of the build cache kept between runs (src/build/cache.ts); `null` for none. Default: GUONG_SANG_CACHE_DIR or .cache/guong-sang. */
  cacheDir?: string | null;
}

export interface StepTiming {
  step: string;
  ms: number;
}

export type BuildResult =
  | {
      status: "built";
      findings: Finding[];
      checked: number;
      timings: StepTiming[];
      pages: number;
      pdfs: number;
      searchPages: number;
      outDir: string;
      /** True when nothing changed since the last build into `outDir` and nothing was written. */
      unchanged?: boolean;
    }
  | { status: "content-errors"; findings: Finding[]; checked: number; timings: StepTiming[] };

interface PdfOptions {
  browserPath?: string;
  env?: NodeJS.ProcessEnv;
}

async function defaultPrintPdfs(siteDir: string, jobs: PdfJob[], options: PdfOptions): Promise<unknown> {
  const { printPdfJobs } = await import("../print/pdf.ts");
  return printPdfJobs(siteDir, jobs, options);
}

/** Runs the whole build. Throws only for an unsafe --out (UsageError), environment problems (no browser, disk) and internal errors. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const contentDir = path.resolve(cwd, options.contentDir);
  // Refused before any work when replacing --out could destroy something we did not make; symbolic links resolved.
  await assertSafeOutDir(options.outDir, { cwd, contentDir, ...(options.home ? { home: options.home } : {}) });
  const outDir = await resolveOutDir(options.outDir, cwd);
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const timings: StepTiming[] = [];
  const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await fn();
    timings.push({ step, ms: performance.now() - start });
    return value;
  };

  for (const name of await removeDeadTemps(outDir)) log(`Đã xoá thư mục tạm ${name} của một lần dựng bị dừng giữa chừng.`);

  const cacheDir = options.cacheDir === undefined ? resolveCacheDir(cwd, options.env ?? process.env) : (options.cacheDir ?? undefined);
  if (cacheDir) {
    const isDefault = cacheDir === resolveCacheDir(cwd, {});
    await prepareCacheDir(cacheDir, { cwd, contentDir, isDefault, ...(options.home ? { home: options.home } : {}) });
  }
  const { model, findings, checked } = await timed("Kiểm tra nội dung", async () => {
    const store = cacheDir ? await openParseCache(cacheDir) : undefined;
    const loaded = await loadContent(contentDir, { drafts: options.drafts, cwd, ...(store ? { parse: cachedParseFile(store) } : {}) });
    // The cache only ever saves work: a folder that cannot be written leaves the build as it was.
    await store?.save().catch((error: Error) => log(`Không ghi được bộ đệm ${cacheDir}: ${error.message}`));
    return loaded;
  });
  if (findings.some((f) => f.severity === "error")) return { status: "content-errors", findings, checked, timings };

  // In CI a shallow clone would make every approval record false: stop before writing anything.
  await checkHistory(contentDir, options.env ?? process.env);
  const pathPrefix = pathPrefixFor(model.site.baseUrl, options.pathPrefix);

  // Nothing changed since the last build into this folder, and nobody touched it: leave it as it is.
  const stamped = cacheDir && !options.sections && !options.printPdfs ? cacheDir : undefined;
  const inputs = stamped
    ? await inputsKey(model, { pdf: options.pdf, drafts: options.drafts, pathPrefix, now, contentDir, cwd, extra: publishedBackend(options.env ?? process.env, cwd) })
    : undefined;
  if (stamped && inputs) {
    const stamp = await readStamp(stamped, outDir);
    if (stamp && stamp.inputs === inputs && (await treeKey(outDir).catch(() => "")) === stamp.tree) {
      log(`Không có gì thay đổi từ lần dựng trước: giữ nguyên ${options.outDir} (${stamp.pages} trang, ${stamp.pdfs} PDF).`);
      return { status: "built", findings, checked, timings, pages: stamp.pages, pdfs: stamp.pdfs, searchPages: stamp.searchPages, outDir, unchanged: true };
    }
  }

  // Loaded only when there is work to do: a build with nothing to do starts in a fraction of the time.
  const [{ runEleventy }, { writeSiteEditor }, { searchItems, startSearchIndex }, { openPageStore }, { collectPdfJobs }] = await Promise.all([
    import("./eleventy.ts"),
    import("./editor.ts"),
    import("./search.ts"),
    import("./page-store.ts"),
    import("../site/globals.ts"),
  ]);
  const sections = options.sections ?? (await import("../site/sections/index.ts")).sections;
  const tmp = await makeTempBeside(outDir);
  let search: PendingIndex | undefined;
  try {
    // Pagefind runs in its own process: feeding it now lets it index while Eleventy writes pages.
    // URLs are site paths: the search client's `baseUrl` adds the path prefix to results.
    search = await startSearchIndex(searchItems(model), (p) => p, { cacheDir });
    // Exemplar pages and lists are streamed by our own writer; unchanged exemplar pages come from the previous output.
    const pageStore: OpenPageStore | undefined = cacheDir ? await openPageStore(cacheDir, outDir).catch(() => undefined) : undefined;
    // Word files made before for an equal document are taken from the cache (src/word/cache.ts).
    const wordStore = cacheDir ? await openWordStore(cacheDir).catch(() => undefined) : undefined;
    useWordStore(wordStore);
    // So are the loudspeaker readings of unchanged exemplars (src/loudspeaker/script.ts).
    const speechStore = cacheDir ? await openSpeechStore(cacheDir).catch(() => undefined) : undefined;
    useSpokenStore(speechStore);
    let streamed: StreamResult | undefined;
    const pageCount = await timed("Dựng trang (Eleventy)", async () => {
      const index = search;
      await runEleventy({
        // With a page store, unchanged pages are not written: they stay in --out (`kept`, placed by updateOutput below).
        stream: { store: pageStore, onResult: (r) => (streamed = r) },
        ...(cacheDir ? { cacheDir } : {}),
        model,
        outDir: tmp,
        drafts: options.drafts,
        now,
        pathPrefix,
        sections,
        onSearchablePage: (url, html) => index?.addPage(url, html),
      });
      return (await countHtml(tmp)) + (streamed?.kept.filter((rel) => rel.endsWith(".html")).length ?? 0);
    });

    let pdfs = 0;
    if (options.pdf) {
      const jobs = collectPdfJobs(model, sections, { drafts: options.drafts, now, pathPrefix, outputDir: tmp });
      pdfs = jobs.length;
      const print = options.printPdfs ?? defaultPrintPdfs;
      await timed("In PDF", () => print(tmp, jobs, { browserPath: options.browserPath, env: options.env }));
    }

    useWordStore(undefined);
    useSpokenStore(undefined);
    await timed("Trình soạn thảo (/quan-tri/)", () => writeSiteEditor(tmp, { model, contentDir, cwd, pathPrefix, env: options.env, ...(cacheDir ? { cacheDir } : {}) }));

    const pending = search;
    search = undefined;
    const searchPages = await timed("Chỉ mục tìm kiếm (Pagefind)", () => pending.write(tmp));
    const placed = await timed("Thay thư mục kết quả", () => updateOutput(tmp, outDir, streamed?.kept ?? [], { removeOld: options.removeOldOutput ?? "wait" }));
    // The page records describe the files now in --out: saved only after the update.
    await pageStore?.save().catch((error: Error) => log(`Không ghi được bộ đệm ${cacheDir}: ${error.message}`));
    await wordStore?.prune().catch(() => {});
    await speechStore?.save().catch((error: Error) => log(`Không ghi được bộ đệm ${cacheDir}: ${error.message}`));
    if (stamped && inputs) {
      const tree = await treeKey(outDir, placed.how === "updated" ? placed.tree : undefined);
      await writeStamp(stamped, outDir, { inputs, tree, pages: pageCount, pdfs, searchPages }).catch((error: Error) =>
        log(`Không ghi được bộ đệm ${cacheDir}: ${error.message}`),
      );
    }
    if (streamed?.reused) log(`Dùng lại ${streamed.reused} trang không đổi của lần dựng trước, dựng mới ${streamed.rendered} trang.`);
    log(`Đã dựng ${pageCount} trang, ${pdfs} PDF, ${searchPages} trang trong chỉ mục tìm kiếm vào ${options.outDir}.`);
    return { status: "built", findings, checked, timings, pages: pageCount, pdfs, searchPages, outDir };
  } catch (error) {
    useWordStore(undefined);
    useSpokenStore(undefined);
    await search?.cancel();
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

async function countHtml(dir: string): Promise<number> {
  const { readdir } = await import("node:fs/promises");
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith(".html")).length;
}

/** "Kiểm tra nội dung 0,4 s · Dựng trang (Eleventy) 1,2 s · …". */
export function formatTimings(timings: readonly StepTiming[]): string {
  const seconds = (ms: number) => `${(ms / 1000).toLocaleString("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  return [...timings.map((t) => `  ${t.step}: ${seconds(t.ms)}`), `  Tổng: ${seconds(total)}`].join("\n");
}
