// The benchmark steps that run inside one process: the floor (read, front matter, Markdown) and our validator.
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import matter from "gray-matter";
import MarkdownIt from "markdown-it";
import type { StepReport } from "./measure.ts";

/** Every Markdown file under `dir`, as absolute paths in a stable order. */
export async function markdownFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true })) as string[];
  return names
    .filter((n) => n.endsWith(".md"))
    .sort()
    .map((n) => path.join(dir, n));
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/**
 * The floor: the least any tool must do with these files. Read each one (synchronously, the cheapest way),
 * split its front matter with gray-matter (js-yaml), render its Markdown with markdown-it, keep the HTML in memory.
 */
export async function floorStep(dir: string): Promise<StepReport> {
  const files = await markdownFiles(dir);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const md = new MarkdownIt();
  const pages: { data: unknown; html: string }[] = [];
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    bytes += text.length;
    // Options are passed so gray-matter's string-keyed cache stays out of the measurement.
    const parsed = matter(text, {});
    pages.push({ data: parsed.data, html: md.render(parsed.content) });
  }
  const ms = performance.now() - start;
  return { ms, cpuMs: cpuMs(process.cpuUsage(cpu)), maxRssBytes: process.resourceUsage().maxRSS * 1024, files: pages.length, chars: bytes };
}

/**
 * Our validator in-process: `loadContent` over the tree, timed without module loading. With `cache`, through the
 * build's per-file cache in the folder GUONG_SANG_CACHE_DIR names (opening and saving it are part of the time).
 */
export async function validateStep(dir: string, options: { cache?: boolean } = {}): Promise<StepReport> {
  const { loadContent } = await import("../content/load.ts");
  const cache = { ...(await import("../build/cache.ts")), ...(await import("../build/parse-cache.ts")) };
  const cacheDir = options.cache ? cache.resolveCacheDir(process.cwd()) : undefined;
  const version = cacheDir ? await cache.codeVersion() : undefined;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const store = cacheDir ? await cache.openParseCache(cacheDir, version) : undefined;
  const result = await loadContent(dir, { cwd: dir, ...(store ? { parse: cache.cachedParseFile(store) } : {}) });
  await store?.save();
  const ms = performance.now() - start;
  const errors = result.findings.filter((f) => f.severity === "error");
  return {
    ms,
    cpuMs: cpuMs(process.cpuUsage(cpu)),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    files: result.checked,
    errors: errors.length,
    warnings: result.findings.length - errors.length,
    firstError: errors[0] ? `${errors[0].file}:${errors[0].line}: ${errors[0].message}` : undefined,
    ...(store ? { cacheHits: store.stats.hits, cacheMisses: store.stats.misses } : {}),
  };
}

