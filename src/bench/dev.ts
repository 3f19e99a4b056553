// The dev server's edit latency (benchmark row `devEdit`): `npm start`'s server on a corpus, then edits of different
// kinds on different exemplars, each timed from the write until the exemplar's page shows the new text. The page is
// fetched the way an open preview page does it: when the live-reload stream says the server's state changed.
import { readdir, readFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { parse } from "yaml";
import { EVENTS_PATH, startDevServer } from "../build/dev.ts";
import type { SiteConfig } from "../content/model.ts";
import { exemplarPath } from "../paths/paths.ts";
import type { StepReport } from "./measure.ts";
import { median } from "./measure.ts";

/** What an author changes, in turn: a sentence of the article, the title, the unit. */
export const EDIT_KINDS = ["body", "title", "unit"] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface EditMeasure {
  kind: EditKind;
  /** The exemplar's file, relative to the content folder. */
  file: string;
  /** The page fetched. */
  path: string;
  /** From the start of the write until a GET of the page returned HTML holding `expected`. */
  ms: number;
  /** The text the page had to show: a new sentence, the new title, the new unit's name. */
  expected: string;
  /** Requests of the page made until it showed it (one per live-reload event). */
  polls: number;
  /** The server's JavaScript heap in use once the edit was put back and taken, after a full garbage collection. */
  heapBytes: number;
}

export interface DevEditReport extends StepReport {
  /** Median edit latency (also `ms`), milliseconds. */
  medianMs: number;
  maxMs: number;
  /** From the call of startDevServer until it listens (first load of the whole content included). */
  startupMs: number;
  /** The heap in use after start-up (the whole model loaded), after a full garbage collection: compare the edits' `heapBytes`. */
  heapStartBytes: number;
  exemplars: number;
  edits: EditMeasure[];
}

export interface DevEditOptions {
  contentDir: string;
  /** Number of edits (default 10), on as many different exemplars. */
  edits?: number;
  /** The build cache folder the server may use for images, as `npm start` does; none by default. */
  cacheDir?: string;
  /** Poll interval while waiting for the page to lose an edit that was put back, milliseconds (default 5). */
  pollMs?: number;
  /** Give up on one edit after this long (default 60 s). */
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let collect: (() => void) | undefined;

/** Heap in use after a full collection: what the server keeps, not what it has not freed yet. */
function keptHeap(): number {
  if (!collect) {
    v8.setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
  return process.memoryUsage().heapUsed;
}

/** The exemplar files of the tree, relative to it, in a stable order. */
async function exemplarFiles(contentDir: string): Promise<string[]> {
  const names = (await readdir(path.join(contentDir, "exemplars"), { recursive: true })) as string[];
  return names.filter((n) => n.endsWith(".md")).sort().map((n) => path.join("exemplars", n).split(path.sep).join("/"));
}

/** The front matter line `key: value` of a Markdown file replaced (the first one, inside the front matter). */
function replaceFrontMatterLine(text: string, key: string, value: string): string {
  const end = text.indexOf("\n---", 4);
  const head = text.slice(0, end);
  const re = new RegExp(`^${key}:.*$`, "m");
  if (end < 0 || !re.test(head)) throw new Error(`Không thấy dòng "${key}:" trong phần đầu tệp.`);
  return head.replace(re, `${key}: ${value}`) + text.slice(end);
}

/** The edited text of one exemplar and what its page must then show. */
function edit(kind: EditKind, text: string, n: number, nonce: string, site: SiteConfig, pageBefore: string): { text: string; expected: string } {
  if (kind === "body") {
    const expected = `Câu bổ sung số ${n} để đo độ trễ (${nonce}).`;
    return { text: `${text.trimEnd()}\n\n${expected}\n`, expected };
  }
  if (kind === "title") {
    const expected = `Điển hình đã sửa tên lần ${n} (${nonce})`;
    return { text: replaceFrontMatterLine(text, "title", JSON.stringify(expected)), expected };
  }
  const current = /^unit:\s*(\S+)/m.exec(text)?.[1];
  // A unit not seated in a ward keeps every rule satisfied; its name must not be on the page already (related exemplars).
  const unit =
    site.units.find((u) => u.id !== current && !u.ward && !pageBefore.includes(u.name)) ??
    site.units.find((u) => u.id !== current && !pageBefore.includes(u.name));
  if (!unit) throw new Error("Không tìm được đơn vị khác để đổi.");
  return { text: replaceFrontMatterLine(text, "unit", unit.id), expected: unit.name };
}

/**
 * The live-reload stream as a preview page's EventSource reads it: each `data:` line is the server's state after a
 * reload. `next()` waits for the next state, `drain()` forgets those already received.
 */
async function openEvents(url: string): Promise<{ next(timeoutMs: number): Promise<string | undefined>; drain(): void; close(): void }> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  if (!res.body) throw new Error("Luồng tải lại trang không mở được.");
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const states: string[] = [];
  let waiting: (() => void) | undefined;
  let buffer = "";
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        for (const line of buffer.slice(0, end).split("\n")) if (line.startsWith("data: ")) states.push(line.slice(6));
        buffer = buffer.slice(end + 2);
      }
      waiting?.();
    }
  })();
  return {
    async next(timeoutMs) {
      if (states.length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          waiting = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        waiting = undefined;
      }
      return states.shift();
    },
    drain() {
      states.length = 0;
    },
    close() {
      controller.abort();
    },
  };
}

async function get(url: string): Promise<{ status: number; html: string }> {
  const res = await fetch(url);
  return { status: res.status, html: await res.text() };
}

/** Starts the dev server on `contentDir`, makes the edits one after another (each restored before the next) and reports. */
export async function devEditBench(options: DevEditOptions): Promise<DevEditReport> {
  const cpu = process.cpuUsage();
  const count = options.edits ?? 10;
  const pollMs = options.pollMs ?? 5;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const contentDir = path.resolve(options.contentDir);
  const site = parse(await readFile(path.join(contentDir, "site.yaml"), "utf8")) as SiteConfig;
  const files = await exemplarFiles(contentDir);
  if (files.length < count) throw new Error(`Cần ít nhất ${count} điển hình, chỉ có ${files.length}.`);
  const chosen = Array.from({ length: count }, (_, k) => files[Math.floor(((k + 0.5) * files.length) / count)] as string);
  const siteDir = await mkdtemp(path.join(os.tmpdir(), "gs-bench-dev-"));
  const log: string[] = [];
  const started = performance.now();
  const server = await startDevServer({
    contentDir,
    siteDir,
    cwd: contentDir,
    port: 0,
    log: (line) => void log.push(line),
    search: false,
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  });
  const startupMs = performance.now() - started;
  const heapStartBytes = keptHeap();
  let events: Awaited<ReturnType<typeof openEvents>> | undefined;
  try {
    if ("findings" in server) throw new Error(`Nội dung có lỗi, máy chủ xem thử không chạy: ${server.findings[0]?.file}:${server.findings[0]?.line}: ${server.findings[0]?.message}`);
    const nonce = Date.now().toString(36);
    const edits: EditMeasure[] = [];
    events = await openEvents(new URL(EVENTS_PATH.replace(/^\//, ""), server.url).href);
    for (const [k, file] of chosen.entries()) {
      const kind = EDIT_KINDS[k % EDIT_KINDS.length] as EditKind;
      const abs = path.join(contentDir, file);
      const original = await readFile(abs, "utf8");
      const page = exemplarPath(path.basename(file, ".md"));
      const url = new URL(page.replace(/^\//, ""), server.url).href;
      // The author has the page open before editing.
      const before = await get(url);
      if (before.status !== 200) throw new Error(`${page} trả về mã ${before.status} trước khi sửa.`);
      const changed = edit(kind, original, k + 1, nonce, site, before.html);
      if (before.html.includes(changed.expected)) throw new Error(`${page} đã có "${changed.expected}" trước khi sửa.`);
      events.drain();
      const t = performance.now();
      await writeFile(abs, changed.text);
      let polls = 0;
      for (;;) {
        // The open page reloads when the server says its state changed.
        const state = await events.next(Math.max(0, timeoutMs - (performance.now() - t)));
        if (state !== undefined) {
          polls++;
          const now = await get(url);
          if (now.status === 200 && now.html.includes(changed.expected)) break;
        }
        if (performance.now() - t > timeoutMs) {
          await writeFile(abs, original);
          throw new Error(`Sau ${timeoutMs / 1000} s, ${page} vẫn chưa có "${changed.expected}" (sửa ${kind} ở ${file}); nhật ký: ${log.slice(-3).join(" | ")}`);
        }
      }
      const ms = performance.now() - t;
      // Put the file back and wait until the server has taken it, so edits do not overlap.
      await writeFile(abs, original);
      await server.settled();
      const t2 = performance.now();
      while ((await get(url)).html.includes(changed.expected)) {
        if (performance.now() - t2 > timeoutMs) throw new Error(`${page} vẫn còn "${changed.expected}" sau khi trả tệp về như cũ.`);
        await sleep(pollMs);
      }
      edits.push({ kind, file, path: page, ms, expected: changed.expected, polls, heapBytes: keptHeap() });
    }
    const times = edits.map((e) => e.ms);
    const mid = median(times);
    const usage = process.cpuUsage(cpu);
    return {
      ms: mid,
      cpuMs: (usage.user + usage.system) / 1000,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      medianMs: mid,
      maxMs: Math.max(...times),
      startupMs,
      heapStartBytes,
      exemplars: files.length,
      edits,
    };
  } finally {
    events?.close();
    if (!("findings" in server)) await server.close();
    await rm(siteDir, { recursive: true, force: true });
  }
}
