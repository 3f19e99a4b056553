// The benchmark: one run measures the floor, our validator, bare Eleventy, our build, our rebuilds, the dev server and the PDF step, each in a child process.
import { existsSync } from "node:fs";
import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { CACHE_ENV } from "../build/cache.ts";
import type { SiteConfig } from "../content/model.ts";
import { serveStatic } from "../print/serve.ts";
import { generateExports } from "./aggregate.ts";
import { baselineCommand, prepareBaseline } from "./baseline.ts";
import { generateCorpus, type CorpusSummary } from "./corpus.ts";
import { median, parseStepReport, runMeasured, type ChildMeasure } from "./measure.ts";
import { summariseProfileFile, type ProfileSummary } from "./profile.ts";
import { runLighthouse, type LighthouseRow } from "./lighthouse.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const STEP_IDS = ["floor", "validate", "validateWarm", "validateCli", "validateFile", "eleventy", "build", "rebuildNoChange", "rebuild", "devEdit", "pdf", "aggregate"] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Vietnamese labels of the table rows. */
export const STEP_LABELS: Record<StepId, string> = {
  floor: "Sàn: đọc + front matter + Markdown (1 tiến trình)",
  validate: "validate (loadContent, trong tiến trình)",
  validateWarm: "validate với bộ đệm (lần 2)",
  validateCli: "npm run validate (cả khởi động)",
  validateFile: "npm run validate -- TỆP (bộ đệm, cả khởi động)",
  eleventy: "Eleventy 3 trần, bố cục một dòng",
  build: "Dựng đầy đủ --no-pdf (bộ đệm rỗng)",
  rebuildNoChange: "Dựng lại khi không có gì thay đổi",
  rebuild: "Dựng lại sau khi sửa 1 điển hình",
  devEdit: "npm start: sửa 1 điển hình → trang mới (trung vị)",
  pdf: "Bản tin PDF ~200 trang (của ta)",
  aggregate: "npm run aggregate: nguồn × điển hình, phục vụ tại 127.0.0.1",
};

export interface StepResult {
  id: StepId;
  /** Median wall time of the runs, milliseconds. */
  ms: number;
  /** CPU time (user + system) of the median run, milliseconds. */
  cpuMs: number;
  peakRssBytes: number;
  runs: number;
  ok: boolean;
  /** Step-specific figures: files, files per second, phase timings, the bare PDF time… */
  detail: Record<string, unknown>;
  error?: string;
  /** The machine's 1-minute load average when the step began and when it ended. */
  loadavg?: { start: number; end: number };
}

export interface Target {
  id: "fullVsEleventy" | "validateVsFloor" | "rebuildVsFull" | "noChangeVsFull" | "devEdit" | "validateFile" | "pdfVsBare" | "peakRss" | "aggregateTime";
  label: string;
  value: number | null;
  /** `value` must be ≥ this (`min`) or ≤ this (`max`). */
  limit: number;
  direction: "min" | "max";
  pass: boolean | null;
}

export interface BenchResult {
  schema: "guong-sang-bench/1";
  count: number;
  corpus: CorpusSummary & { files: number };
  machine: { cpus: number; node: string; platform: string; loadavgStart: number[]; loadavgEnd: number[] };
  steps: Record<StepId, StepResult | null>;
  ratios: { fullVsEleventy: number | null; validateVsFloor: number | null; rebuildVsFull: number | null; noChangeVsFull: number | null; pdfVsBare: number | null };
  targets: Target[];
  totalMs: number;
  /** `--lighthouse`: the readers' row (src/bench/lighthouse.ts), or why it could not run. */
  lighthouse?: LighthouseRow[] | { error: string };
}

export interface BenchOptions {
  count: number;
  /** Keep the corpus and outputs in this folder instead of a temporary one that is removed. */
  keep?: string;
  /** Runs of the cheap in-process steps (floor, validate); the median is reported. Default 3 below 20,000 exemplars, else 1. */
  runs?: number;
  /** Measure the PDF step (needs a browser); default true. When false, or when no browser is found, the PDF row is n/a. */
  pdf?: boolean;
  /** The aggregate row: this many synthetic sources of this many exemplars each (default 150 × 500); false to skip. */
  aggregate?: { sources: number; exemplars: number } | false;
  /** Runs of the PDF benchmark (median). */
  pdfRuns?: number;
  seed?: number;
  /** The site.yaml whose ids the corpus uses. */
  siteFile?: string;
  /**
   * Write V8 CPU profiles of every step's processes under this folder (`<dir>/<step>/*.cpuprofile`) and add
   * each step's self time by file to its row. Profiling slows the steps: read the timings of such a run as profiles only.
   */
  profileDir?: string;
  log?: (line: string) => void;
  /** Run Lighthouse (mobile, performance) over one page of each type of the built corpus site (`--lighthouse`). */
  lighthouse?: boolean;
}

const GIB = 1024 ** 3;
/** A step whose processes together pass this is stopped and reported, so the benchmark cannot exhaust a shared machine. */
const MEMORY_GUARD = Math.min(12 * GIB, Math.floor(os.totalmem() * 0.6));

/** Runs a TypeScript entry of this repository in a fresh Node with the tsx loader. */
function tsxArgs(script: string, args: readonly string[]): [string, string[]] {
  return [process.execPath, ["--import", "tsx", path.join(REPO_ROOT, script), ...args]];
}

/** What `npm run validate` runs (package.json): the validator from its precompiled bundle (scripts/launch.mjs). */
function validateArgs(args: readonly string[]): [string, string[]] {
  return [process.execPath, [path.join(REPO_ROOT, "scripts/launch.mjs"), "validate", ...args]];
}

function failure(measure: ChildMeasure, what: string): string {
  if (measure.killed === "memory") return `${what} bị dừng: bộ nhớ vượt ${(MEMORY_GUARD / GIB).toFixed(1)} GiB`;
  const tail = (measure.stderr || measure.stdout).trim().split("\n").slice(-6).join("\n");
  return `${what} thoát với mã ${measure.exitCode}: ${tail}`;
}

/** "  Kiểm tra nội dung: 1,4 s" lines printed by `npm run build` → { "Kiểm tra nội dung": 1400 }. */
export function parseBuildTimings(stdout: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stdout.matchAll(/^\s+([^:\n]+): ([\d.,]+) s$/gm)) out[m[1] as string] = Math.round(Number((m[2] as string).replace(/\./g, "").replace(",", ".")) * 1000);
  return out;
}

async function inProcessStep(
  step: "floor" | "validate",
  dir: string,
  runs: number,
  env: Record<string, string | undefined> = {},
  extra: string[] = [],
  nodeFlags: string[] = [],
): Promise<StepResult> {
  const id: StepId = step === "validate" && env[CACHE_ENV] ? "validateWarm" : step;
  const results: { ms: number; cpuMs: number; peak: number; detail: Record<string, unknown> }[] = [];
  for (let i = 0; i < runs; i++) {
    const [cmd, args] = tsxArgs("scripts/bench-step.ts", [step, dir, ...extra]);
    const m = await runMeasured(cmd, [...nodeFlags, ...args], { cwd: REPO_ROOT, env });
    const report = parseStepReport(m.stdout);
    if (m.exitCode !== 0 || !report) return { id, ms: 0, cpuMs: 0, peakRssBytes: m.peakRssBytes, runs: i, ok: false, detail: {}, error: failure(m, step) };
    const { ms, cpuMs, maxRssBytes, ...detail } = report;
    results.push({ ms, cpuMs, peak: Math.max(maxRssBytes, m.peakRssBytes), detail });
  }
  const mid = results.find((r) => r.ms === median(results.map((x) => x.ms))) ?? (results[Math.floor(results.length / 2)] as (typeof results)[number]);
  const files = Number(mid.detail.files ?? 0);
  return {
    id,
    ms: median(results.map((r) => r.ms)),
    cpuMs: mid.cpuMs,
    peakRssBytes: Math.max(...results.map((r) => r.peak)),
    runs,
    ok: true,
    detail: { ...mid.detail, filesPerSecond: files ? Math.round(files / (median(results.map((r) => r.ms)) / 1000)) : undefined, allMs: results.map((r) => Math.round(r.ms)) },
  };
}

async function childStep(id: StepId, command: string, args: string[], env: Record<string, string | undefined> = {}, detail: (m: ChildMeasure) => Record<string, unknown> = () => ({})): Promise<StepResult> {
  const m = await runMeasured(command, args, { cwd: REPO_ROOT, env, killAboveRssBytes: MEMORY_GUARD });
  const ok = m.exitCode === 0;
  return { id, ms: m.wallMs, cpuMs: m.cpuMs, peakRssBytes: m.peakRssBytes, runs: 1, ok, detail: ok ? detail(m) : {}, ...(ok ? {} : { error: failure(m, id) }) };
}

/**
 * The aggregate row: synthetic exports of many sites served from one local server (in this process), then
 * `npm run aggregate` over them in a child process whose wall time and peak memory are the row's.
 */
async function aggregateRow(
  root: string,
  size: { sources: number; exemplars: number },
  prof: (id: StepId, c: [string, string[]]) => [string, string[]],
  log: (line: string) => void,
): Promise<StepResult> {
  const dir = path.join(root, "aggregate");
  log(`Tạo ${size.sources} nguồn × ${size.exemplars} điển hình cho bước tổng hợp…`);
  const corpus = await generateExports(path.join(dir, "sites"), size.sources, size.exemplars);
  const server = await serveStatic(path.join(dir, "sites"));
  try {
    const sourcesFile = path.join(dir, "nguon.yaml");
    await writeFile(sourcesFile, `sources:\n${corpus.ids.map((id) => `  - id: ${id}\n    url: ${server.origin}/${id}/\n`).join("")}`);
    const args = ["--sources", sourcesFile, "--out", path.join(dir, "out"), "--cache", path.join(dir, "cache")];
    return await childStep("aggregate", ...prof("aggregate", tsxArgs("scripts/aggregate.ts", args)), {}, (m) => ({
      sources: size.sources,
      exemplarsPerSource: size.exemplars,
      exportBytes: corpus.bytes,
      pages: Number(/\(([\d.]+) trang\)/.exec(m.stdout)?.[1]?.replace(/\./g, "") ?? NaN),
      read: (m.stdout.match(/^  ✓ /gm) ?? []).length,
    }));
  } finally {
    await server.close();
  }
}

/** The exemplar in the middle of the middle year (absolute path). */
async function middleExemplar(contentDir: string): Promise<string> {
  const years = (await readdir(path.join(contentDir, "exemplars"))).sort();
  const year = years[Math.floor(years.length / 2)] as string;
  const files = (await readdir(path.join(contentDir, "exemplars", year))).filter((f) => f.endsWith(".md")).sort();
  return path.join(contentDir, "exemplars", year, files[Math.floor(files.length / 2)] as string);
}

/** Changes one exemplar the way an author would: one more sentence at the end of its article. */
export async function touchOneExemplar(contentDir: string): Promise<string> {
  const file = await middleExemplar(contentDir);
  await appendFile(file, "\nBài viết được bổ sung sau buổi sinh hoạt chi bộ gần nhất.\n");
  return path.relative(contentDir, file);
}

/**
 * `npm run validate -- FILE` as an author runs it, wall clock with Node's start-up, the build cache in the
 * folder GUONG_SANG_CACHE_DIR names: one run fills it, then the median of `runs` measured runs.
 */
async function validateFileRow(contentDir: string, cacheDir: string, runs: number, prof: (id: StepId, c: [string, string[]]) => [string, string[]]): Promise<StepResult> {
  const file = await middleExemplar(contentDir);
  const env = { [CACHE_ENV]: cacheDir };
  const command = validateArgs(["--content", contentDir, "--format", "json", file]);
  const fill = await childStep("validateFile", ...command, env);
  if (!fill.ok) return fill;
  const results: StepResult[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await childStep("validateFile", ...prof("validateFile", command), env, (m) => ({ findings: (JSON.parse(m.stdout) as unknown[]).length }));
    if (!r.ok) return r;
    results.push(r);
  }
  const mid = median(results.map((r) => r.ms));
  const row = results.find((r) => r.ms === mid) ?? (results[results.length >> 1] as StepResult);
  return {
    ...row,
    ms: mid,
    runs,
    peakRssBytes: Math.max(...results.map((r) => r.peakRssBytes)),
    detail: { ...row.detail, file: path.relative(contentDir, file).split(path.sep).join("/"), fillMs: Math.round(fill.ms), cacheFilled: existsSync(cacheDir), allMs: results.map((r) => Math.round(r.ms)) },
  };
}

/**
 * The dev server row: `scripts/bench-dev.ts` in a child process (its peak memory sampled like every row's) starts
 * `npm start`'s server on the corpus and times 10 edits until the page shows them. The row's time is the median
 * edit; CPU and memory are the whole child's (start-up included).
 */
async function devEditRow(contentDir: string, cacheDir: string, prof: (id: StepId, c: [string, string[]]) => [string, string[]]): Promise<StepResult> {
  const m = await runMeasured(...prof("devEdit", tsxArgs("scripts/bench-dev.ts", [contentDir, "--cache", cacheDir])), { cwd: REPO_ROOT, killAboveRssBytes: MEMORY_GUARD, timeoutMs: 30 * 60_000 });
  const report = parseStepReport(m.stdout);
  if (m.exitCode !== 0 || !report) return { id: "devEdit", ms: 0, cpuMs: m.cpuMs, peakRssBytes: m.peakRssBytes, runs: 0, ok: false, detail: {}, error: failure(m, "devEdit") };
  const { ms, cpuMs: _cpu, maxRssBytes, edits, ...rest } = report;
  const list = edits as { kind: string; ms: number }[];
  return {
    id: "devEdit",
    ms,
    cpuMs: m.cpuMs,
    peakRssBytes: Math.max(maxRssBytes, m.peakRssBytes),
    runs: list.length,
    ok: true,
    detail: { ...rest, childMs: Math.round(m.wallMs), edits, allMs: list.map((e) => Math.round(e.ms)) },
  };
}

/** The profile of the process that worked longest in a step (the tsx launcher and helpers are skipped that way). */
async function largestProfile(dir: string): Promise<{ file: string; summary: ProfileSummary } | undefined> {
  let best: { file: string; summary: ProfileSummary; busy: number } | undefined;
  let files: string[] = [];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile"));
  } catch {
    return undefined;
  }
  for (const f of files) {
    const summary = await summariseProfileFile(path.join(dir, f), 10);
    const idle = summary.byFunction.find((r) => r.name.startsWith("(idle)"))?.ms ?? 0;
    const busy = summary.totalMs - idle;
    if (!best || busy > best.busy) best = { file: path.join(dir, f), summary, busy };
  }
  return best && { file: best.file, summary: best.summary };
}

function ratio(a: StepResult | null, b: StepResult | null): number | null {
  return a?.ok && b?.ok && b.ms > 0 ? a.ms / b.ms : null;
}

/** The size at which the dev server and one-file validation targets count: a tree of 10,000 exemplars or more. */
export const TARGET_SIZE = 10_000;

/** A row's time in seconds, counted against its target only when the tree had TARGET_SIZE exemplars or more. */
function secondsAtSize(step: StepResult | null, exemplars: number): number | null {
  return step?.ok && exemplars >= TARGET_SIZE ? step.ms / 1000 : null;
}

/** The aggregate row's time, counted against its target only at full size (150 × 500 or more). */
function aggregateSeconds(step: StepResult | null): number | null {
  if (!step?.ok) return null;
  const d = step.detail as { sources?: number; exemplarsPerSource?: number };
  return (d.sources ?? 0) >= 150 && (d.exemplarsPerSource ?? 0) >= 500 ? step.ms / 1000 : null;
}

export function evaluateTargets(steps: Record<StepId, StepResult | null>, exemplars: number): { ratios: BenchResult["ratios"]; targets: Target[] } {
  const pdf = steps.pdf;
  const pdfRatio = pdf?.ok && typeof pdf.detail.ratio === "number" ? pdf.detail.ratio : null;
  const ratios = {
    fullVsEleventy: ratio(steps.build, steps.eleventy),
    validateVsFloor: ratio(steps.validate, steps.floor),
    rebuildVsFull: ratio(steps.rebuild, steps.build),
    noChangeVsFull: ratio(steps.rebuildNoChange, steps.build),
    pdfVsBare: pdfRatio,
  };
  const ours = [steps.validate, steps.validateWarm, steps.validateCli, steps.validateFile, steps.build, steps.rebuildNoChange, steps.rebuild].filter((s): s is StepResult => !!s?.ok);
  const peak = ours.length ? Math.max(...ours.map((s) => s.peakRssBytes)) / GIB : null;
  const target = (id: Target["id"], label: string, value: number | null, limit: number, direction: Target["direction"]): Target => ({
    id,
    label,
    value,
    limit,
    direction,
    pass: value === null ? null : direction === "min" ? value >= limit : value <= limit,
  });
  return {
    ratios,
    targets: [
      target("fullVsEleventy", "dựng đầy đủ ≤ 1,5 × Eleventy trần", ratios.fullVsEleventy, 1.5, "max"),
      target("validateVsFloor", "validate ≤ 1,1 × sàn", ratios.validateVsFloor, 1.1, "max"),
      target("rebuildVsFull", "dựng lại sau khi sửa 1 điển hình ≤ 0,1 × dựng đầy đủ", ratios.rebuildVsFull, 0.1, "max"),
      target("noChangeVsFull", "dựng lại khi không có gì thay đổi ≤ 0,1 × dựng đầy đủ", ratios.noChangeVsFull, 0.1, "max"),
      target("devEdit", "sửa một điển hình → trang mới ≤ 0,3 s (trung vị, từ 10 000 điển hình)", secondsAtSize(steps.devEdit, exemplars), 0.3, "max"),
      target("validateFile", "npm run validate -- TỆP ≤ 1,5 s (bộ đệm, cả khởi động, từ 10 000 điển hình)", secondsAtSize(steps.validateFile, exemplars), 1.5, "max"),
      target("pdfVsBare", "PDF ≤ 1,3 × page.pdf() trần", ratios.pdfVsBare, 1.3, "max"),
      target("peakRss", "bộ nhớ đỉnh ≤ 1,5 GiB (validate, dựng, dựng lại)", peak, 1.5, "max"),
      target("aggregateTime", "tổng hợp 150 nguồn × 500 điển hình ≤ 60 s", aggregateSeconds(steps.aggregate), 60, "max"),
    ],
  };
}

/** Runs the whole benchmark. Each step's failure is recorded in its row; the run goes on. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const loadavgStart = os.loadavg();
  const root = options.keep ? path.resolve(options.keep) : await mkdtemp(path.join(os.tmpdir(), "gs-bench-"));
  if (options.keep) {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
  }
  const contentDir = path.join(root, "content");
  const cacheDir = path.join(root, "cache");
  const runs = options.runs ?? (options.count < 20_000 ? 3 : 1);
  const profileDir = options.profileDir ? path.resolve(options.profileDir) : undefined;
  // Node 20 refuses --cpu-prof in NODE_OPTIONS, so the flags go on the step's own command line (its main process).
  const flags = (id: StepId): string[] => (profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(profileDir, id)}`] : []);
  const prof = (id: StepId, [command, args]: [string, string[]]): [string, string[]] => [command, [...flags(id), ...args]];
  const steps = Object.fromEntries(STEP_IDS.map((id) => [id, null])) as Record<StepId, StepResult | null>;
  // Each row's load: the 1-minute average when the previous row ended (so when this one began) and when it ends.
  let load = loadavgStart[0] ?? 0;
  const record = (s: StepResult) => {
    const end = os.loadavg()[0] ?? 0;
    s.loadavg = { start: load, end };
    load = end;
    steps[s.id] = s;
    log(s.ok ? `  ${STEP_LABELS[s.id]}: ${(s.ms / 1000).toFixed(2)} s, ${(s.peakRssBytes / 2 ** 20).toFixed(0)} MiB` : `  ${STEP_LABELS[s.id]}: LỖI ${s.error}`);
  };
  try {
    const site = parse(await readFile(options.siteFile ?? path.join(REPO_ROOT, "content/site.yaml"), "utf8")) as SiteConfig;
    log(`Tạo kho nội dung ${options.count} điển hình vào ${contentDir}…`);
    const summary = await generateCorpus({ count: options.count, out: contentDir, site, seed: options.seed });
    const files = 1 + summary.exemplars + summary.activities + summary.bulletins;

    log("Đo từng bước…");
    record(await inProcessStep("floor", contentDir, runs, {}, [], flags("floor")));
    record(await inProcessStep("validate", contentDir, runs, {}, [], flags("validate")));
    // The validator's per-file cache: one run fills it, the measured runs read it.
    await inProcessStep("validate", contentDir, 1, { [CACHE_ENV]: cacheDir + "-validate" }, ["--cache"]);
    record(await inProcessStep("validate", contentDir, runs, { [CACHE_ENV]: cacheDir + "-validate" }, ["--cache"], flags("validateWarm")));
    record(await childStep("validateCli", ...prof("validateCli", validateArgs(["--content", contentDir, "--format", "json"])), { [CACHE_ENV]: "off" }));
    record(await validateFileRow(contentDir, cacheDir + "-validate-file", runs, prof));

    const baseline = await prepareBaseline(contentDir, path.join(root, "eleventy"));
    const bl = baselineCommand(baseline, path.join(root, "eleventy", "out"));
    record(await childStep("eleventy", ...prof("eleventy", [bl.command, bl.args]), {}, () => ({ files: baseline.files })));

    const outDir = path.join(root, "site");
    const buildArgs = ["--content", contentDir, "--out", outDir, "--no-pdf"];
    const buildEnv = { [CACHE_ENV]: cacheDir };
    record(await childStep("build", ...prof("build", tsxArgs("scripts/build.ts", buildArgs)), buildEnv, (m) => ({ phases: parseBuildTimings(m.stdout) })));
    if (steps.build?.ok) {
      // Nothing changed: the same command again with the cache and the previous output.
      record(await childStep("rebuildNoChange", ...prof("rebuildNoChange", tsxArgs("scripts/build.ts", buildArgs)), buildEnv, (m) => ({ phases: parseBuildTimings(m.stdout) })));
      const changed = await touchOneExemplar(contentDir);
      record(await childStep("rebuild", ...prof("rebuild", tsxArgs("scripts/build.ts", buildArgs)), buildEnv, (m) => ({ changed, phases: parseBuildTimings(m.stdout) })));
    }
    record(await devEditRow(contentDir, cacheDir, prof));

    if (options.pdf !== false && existsSync(path.join(REPO_ROOT, "scripts/bench-pdf.ts"))) {
      const pdfArgs = ["--content", contentDir, "--json", "--runs", String(options.pdfRuns ?? 3)];
      const pdf = await childStep("pdf", ...prof("pdf", tsxArgs("scripts/bench-pdf.ts", pdfArgs)), {}, (m) => {
        const line = m.stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
        return line ? (JSON.parse(line) as Record<string, unknown>) : {};
      });
      if (pdf.ok && typeof pdf.detail.oursMs === "number") {
        // The row (and its progress line) shows our step's median; the child's wall time also holds the bare runs and the warm-up.
        pdf.detail.childMs = Math.round(pdf.ms);
        pdf.ms = pdf.detail.oursMs;
      }
      record(pdf);
    }

    // --- Lighthouse row (issue 16): a separate block, not a timed step. ---
    let lighthouse: BenchResult["lighthouse"];
    if (options.lighthouse && steps.build?.ok) {
      log("Lighthouse trên một trang mỗi loại…");
      // The median of three runs per page: one run's total blocking time moves with whatever else the machine does.
      lighthouse = await runLighthouse({ siteDir: outDir, runs: 3, log }).catch((error: Error) => ({ error: error.message }));
    }
    // --- end of the Lighthouse row ---

    if (options.aggregate !== false) record(await aggregateRow(root, options.aggregate ?? { sources: 150, exemplars: 500 }, prof, log));

    if (profileDir) {
      for (const step of Object.values(steps)) {
        const profile = step?.ok ? await largestProfile(path.join(profileDir, step.id)) : undefined;
        if (step && profile) step.detail.profile = { file: profile.file, totalMs: profile.summary.totalMs, byFile: profile.summary.byFile, byFunction: profile.summary.byFunction };
      }
    }
    const { ratios, targets } = evaluateTargets(steps, summary.exemplars);
    return {
      schema: "guong-sang-bench/1",
      count: options.count,
      corpus: { ...summary, files },
      machine: { cpus: os.cpus().length, node: process.version, platform: `${os.type()} ${os.release()}`, loadavgStart, loadavgEnd: os.loadavg() },
      steps,
      ratios,
      targets,
      totalMs: performance.now() - started,
      ...(lighthouse ? { lighthouse } : {}),
    };
  } finally {
    if (!options.keep) await rm(root, { recursive: true, force: true });
  }
}

const num = (n: number, digits = 2) => n.toLocaleString("vi-VN", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The human-readable table (Vietnamese), with ratios and PASS/FAIL per target. */
export function formatBench(r: BenchResult): string {
  const lines: string[] = [];
  lines.push(
    `Gương Sáng — đo tốc độ với ${r.count} điển hình (${r.corpus.files} tệp nội dung, ${r.corpus.images} ảnh), ${r.machine.cpus} nhân, Node ${r.machine.node}, tải máy ${r.machine.loadavgStart.map((x) => num(x, 1)).join(" / ")}`,
  );
  lines.push("");
  const rows: string[][] = [["Bước", "Thời gian (s)", "CPU (s)", "RSS đỉnh (MiB)", "Tải", "Ghi chú"]];
  for (const id of STEP_IDS) {
    const s = r.steps[id];
    if (!s) {
      rows.push([STEP_LABELS[id], "n/a", "", "", "", id === "pdf" ? "chưa đo (không có trình duyệt hoặc --no-pdf)" : ""]);
      continue;
    }
    const load = s.loadavg ? num(s.loadavg.start, 1) : "";
    if (!s.ok) {
      rows.push([STEP_LABELS[id], "LỖI", "", "", load, (s.error ?? "").split("\n")[0] ?? ""]);
      continue;
    }
    const notes: string[] = [];
    if (typeof s.detail.filesPerSecond === "number") notes.push(`${s.detail.filesPerSecond.toLocaleString("vi-VN")} tệp/s`);
    if (s.runs > 1) notes.push(`trung vị ${s.runs} lần`);
    const phases = s.detail.phases as Record<string, number> | undefined;
    if (phases) notes.push(Object.entries(phases).filter(([k]) => k !== "Tổng").map(([k, v]) => `${k} ${num(v / 1000, 1)}`).join(" · "));
    if (id === "pdf" && typeof s.detail.bareMs === "number") notes.push(`${s.detail.pages} trang; page.pdf() trần ${num((s.detail.bareMs as number) / 1000)} s; RSS gồm cả Chromium và lượt trần`);
    if (id === "aggregate") notes.push(`${s.detail.sources} nguồn × ${s.detail.exemplarsPerSource} điển hình, ${s.detail.pages} trang HTML`);
    if (id === "validateFile") notes.push(`${s.detail.file}${s.detail.cacheFilled === false ? "; lệnh không ghi bộ đệm nào" : ""}`);
    if (id === "devEdit") {
      const d = s.detail as { maxMs: number; startupMs: number; heapStartBytes?: number; edits?: { heapBytes?: number }[] };
      const last = d.edits?.at(-1)?.heapBytes;
      const heap = d.heapStartBytes !== undefined && last !== undefined ? `; heap ${num(d.heapStartBytes / 2 ** 20, 0)} → ${num(last / 2 ** 20, 0)} MiB sau ${d.edits?.length} lần sửa` : "";
      notes.push(`tối đa ${num(d.maxMs / 1000)} s; khởi động ${num(d.startupMs / 1000, 1)} s${heap}; sửa bài, tên, đơn vị; CPU và RSS của cả tiến trình`);
    }
    rows.push([STEP_LABELS[id], num(s.ms / 1000), num(s.cpuMs / 1000), num(s.peakRssBytes / 2 ** 20, 0), load, notes.join("; ")]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length)));
  for (const [i, row] of rows.entries()) {
    lines.push(row.map((cell, c) => (c === 0 || c === row.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd());
    if (i === 0) lines.push(widths.map((w) => "-".repeat(w)).join("  "));
  }
  lines.push("");
  lines.push("Tỉ lệ:");
  const show = (v: number | null) => (v === null ? "n/a" : `${num(v)}×`);
  const seconds = (s: StepResult | null) => (s?.ok ? `${num(s.ms / 1000)} s` : "n/a");
  lines.push(`  dựng đầy đủ / Eleventy trần:            ${show(r.ratios.fullVsEleventy)}`);
  lines.push(`  validate / sàn:                         ${show(r.ratios.validateVsFloor)}`);
  lines.push(`  dựng lại (sửa 1 điển hình) / đầy đủ:    ${show(r.ratios.rebuildVsFull)}`);
  lines.push(`  dựng lại (không thay đổi) / đầy đủ:     ${show(r.ratios.noChangeVsFull)}`);
  lines.push(`  npm start, sửa 1 điển hình (trung vị):  ${seconds(r.steps.devEdit)}`);
  lines.push(`  npm run validate -- TỆP:                ${seconds(r.steps.validateFile)}`);
  lines.push(`  PDF / page.pdf() trần:                  ${show(r.ratios.pdfVsBare)}`);
  lines.push("");
  lines.push("Mục tiêu:");
  for (const t of r.targets) {
    const value =
      t.value === null
        ? "n/a"
        : t.id === "peakRss"
          ? `${num(t.value)} GiB`
          : t.id === "aggregateTime"
            ? `${num(t.value, 1)} s`
            : t.id === "devEdit" || t.id === "validateFile"
              ? `${num(t.value)} s`
              : `${num(t.value)}×`;
    // A size-bound target below its size: show what was measured, uncounted.
    const small = t.id === "devEdit" || t.id === "validateFile" ? r.steps[t.id] : null;
    const note = t.value === null && small?.ok ? ` (đo được ${num(small.ms / 1000)} s với ${r.count} điển hình, chưa đủ cỡ để tính)` : "";
    lines.push(`  ${t.pass === null ? "N/A " : t.pass ? "PASS" : "FAIL"}  ${t.label}: ${value}${note}`);
  }
  lines.push("");
  const profiled = STEP_IDS.map((id) => r.steps[id]).filter((s): s is StepResult => !!s?.detail.profile);
  if (profiled.length) {
    lines.push("Hồ sơ CPU (thời gian tự thân theo tệp, tiến trình bận nhất của mỗi bước; thời gian đo ở trên bị chậm đi vì ghi hồ sơ):");
    for (const s of profiled) {
      const p = s.detail.profile as { file: string; totalMs: number; byFile: { name: string; ms: number }[] };
      lines.push(`  ${STEP_LABELS[s.id]} — ${p.file}`);
      for (const row of p.byFile.slice(0, 8)) lines.push(`    ${String(row.ms).padStart(7)} ms  ${row.name}`);
    }
    lines.push("");
  }
  lines.push(`Tổng thời gian đo: ${num(r.totalMs / 1000, 0)} s`);
  return lines.join("\n");
}
