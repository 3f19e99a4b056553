// The dev server behind `npm start`: the validated model in memory, every page rendered when it is asked for.
//
// On a change in the content folder only the changed files are read and parsed again (the others keep their parsed
// documents, src/content/load.ts `reuse`), every cross-file rule runs over the whole model, and the site's sections are
// derived again lazily (src/site/globals.ts): showing an exemplar after an edit derives the portal only. Pages come
// from the router (src/site/router.ts), which renders the same templates and families as the build, byte for byte.
// Open pages reload through one server-sent event. Images and the search index are made in a preview folder beside
// `_site` (ours, removed on exit); the search index is rebuilt in the background after changes, and only the bundles
// whose records changed are indexed again (src/build/search.ts).
import { isSearchable } from "../render/markers.ts";
import { createReadStream, watch, type FSWatcher } from "node:fs";
import { mkdir, realpath, rm, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { formatFinding } from "../content/format.ts";
import { loadContent } from "../content/load.ts";
import type { TreeEntry } from "../content/rules/context.ts";
import type { ContentModel, Finding } from "../content/model.ts";
import { parseFile, type ParsedDoc } from "../content/parse.ts";
import { CONTENT_TYPES } from "../print/serve.ts";
import { buildGlobals } from "../site/globals.ts";
import { pageAssets, siteAssets, writeAssets } from "../site/assets.ts";
import { makeUrl } from "../paths/url.ts";
import { createRouter, fileOfRequest, loadTemplates, type Router, type TemplateModule } from "../site/router.ts";
import { sections } from "../site/sections/index.ts";
import { describeError } from "../util/errors.ts";
import { searchItems, startSearchIndex } from "./search.ts";

export interface DevOptions {
  /** The content folder (absolute). */
  contentDir: string;
  /** The preview folder (absolute, made by the caller, ours): images, fonts for print, the search index. */
  siteDir: string;
  cwd: string;
  port: number;
  host?: string;
  /** The build cache folder, for images and search bundles; undefined for none. */
  cacheDir?: string;
  /** Progress and findings, one line at a time (Vietnamese). */
  log: (line: string) => void;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
  /** Milliseconds to wait after a change for more changes (an editor saving several files). Default 20. */
  settleMs?: number;
  /** Rebuild the search index after changes (default true; tests of page latency turn it off). */
  search?: boolean;
}

export interface ReloadReport {
  /** Content files read again (relative to the content folder); empty for the first load. */
  changed: string[];
  ms: number;
  errors: number;
  generation: number;
}

export interface DevServer {
  url: string;
  /** Resolves when every change seen so far has been loaded (and, with `search`, indexed). */
  settled(): Promise<void>;
  /** The last reload, for tools and the benchmark. */
  readonly last: ReloadReport;
  /** Called after each reload. */
  onReload(listener: (report: ReloadReport) => void): void;
  close(): Promise<void>;
}

/** The findings the author must see now: new ones since the last time, in order. */
function fresh(findings: readonly Finding[], shown: Set<string>): Finding[] {
  const now = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const line = formatFinding(f);
    now.add(line);
    if (!shown.has(line)) out.push(f);
  }
  shown.clear();
  for (const line of now) shown.add(line);
  return out;
}

/** The live-reload event stream every preview page listens to. */
export const EVENTS_PATH = "/__guong-sang/events";

/** The live-reload client: reloads when the server's state is not the one the page was made from. Dev server only. */
export function liveReloadScript(state: string): string {
  return `<script>(()=>{const s=new EventSource(${JSON.stringify(EVENTS_PATH)});s.onmessage=(e)=>{if(e.data!==${JSON.stringify(state)})location.reload()}})()</script>`;
}

function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Starts the server. Resolves once the first load is done and it listens; rejects when the content has errors then. */
export async function startDevServer(o: DevOptions): Promise<DevServer | { findings: Finding[] }> {
  const now = o.now ?? (() => new Date());
  const root = await realpath(o.contentDir);
  const boot = Date.now().toString(36);
  const docs = new Map<string, ParsedDoc>();
  const dirty = new Set<string>();
  let everything = true;
  const shownFindings = new Set<string>();
  const templates: { file: string; module: TemplateModule }[] = await loadTemplates();
  const listeners: ((r: ReloadReport) => void)[] = [];
  // The stylesheet, scripts and fonts under their hashed names, read once (a change to them is a code change: restart).
  const manifest = siteAssets();
  const assets = pageAssets(manifest, makeUrl("/"));

  // One file's document is reused until the watcher names it; a new or renamed file has none and is parsed.
  let reading = { whole: true, named: new Set<string>() };
  // The last walk of the folder, reused while the watcher reports only changes to files it listed.
  let walked: { tree: readonly TreeEntry[]; files: Set<string> } | undefined;
  let moved = true;
  const load = (tree: readonly TreeEntry[] | undefined) =>
    loadContent(root, {
      ...(tree ? { tree } : {}),
      drafts: true,
      cwd: o.cwd,
      parse: (ref, bytes) => {
        const doc = parseFile(ref, bytes);
        docs.set(ref.absPath, doc);
        return doc;
      },
      reuse: (ref) => {
        if (reading.whole || reading.named.has(ref.absPath)) return undefined;
        const doc = docs.get(ref.absPath);
        return doc && doc.file === ref.file && doc.kind === ref.kind && doc.type === ref.type ? doc : undefined;
      },
    });

  let state: { model: ContentModel; router: Router; generation: number } | undefined;
  let last: ReloadReport = { changed: [], ms: 0, errors: 0, generation: 0 };
  let lastFindings: Finding[] = [];

  const reload = async (): Promise<ReloadReport> => {
    const start = performance.now();
    const named = [...dirty];
    dirty.clear();
    let whole = everything;
    everything = false;
    let sameTree = !moved;
    moved = false;
    // A folder renamed or removed: its files' paths are all new, so read the whole tree afresh.
    for (const abs of named) {
      const found = await kind(abs);
      if (found === "folder") whole = true;
      else if (found === "none") docs.delete(abs);
      if (found !== "file" || !walked?.files.has(abs)) sameTree = false;
    }
    const changed = whole ? [] : named.map((f) => path.relative(root, f).split(path.sep).join("/")).sort();
    if (whole) docs.clear();
    reading = { whole, named: new Set(named) };
    const { model, findings, tree } = await load(sameTree && !whole ? walked?.tree : undefined);
    if (tree !== walked?.tree) walked = { tree, files: new Set(tree.filter((e) => !e.isDirectory).map((e) => e.absPath)) };
    lastFindings = findings;
    if (state || !findings.some((f) => f.severity === "error")) for (const f of fresh(findings, shownFindings)) o.log(formatFinding(f));
    const errors = findings.filter((f) => f.severity === "error").length;
    if (errors && state) {
      o.log(`Nội dung có ${errors} lỗi. Trang xem thử vẫn hiện nội dung hợp lệ gần nhất; sửa lỗi rồi lưu tệp.`);
    } else if (!errors) {
      const gs = await buildGlobals(model, sections, { drafts: true, now: now(), pathPrefix: "/", outputDir: o.siteDir, streamed: true, lazy: true, assets, ...(o.cacheDir ? { cacheDir: o.cacheDir } : {}) });
      state = { model, router: createRouter(gs, templates), generation: (state?.generation ?? 0) + 1 };
    }
    last = { changed, ms: performance.now() - start, errors, generation: state?.generation ?? 0 };
    return last;
  };

  const first = await reload();
  if (first.errors || !state) return { findings: lastFindings };

  await writeAssets(manifest, o.siteDir);

  // The search index: rebuilt in the background into a new folder, then served from it.
  let searchDir: string | undefined;
  let searchSerial = 0;
  let searching: Promise<void> = Promise.resolve();
  let searchWanted = false;
  const indexSearch = async () => {
    while (searchWanted) {
      searchWanted = false;
      const current = state;
      if (!current) return;
      const dir = path.join(o.siteDir, ".search", String(++searchSerial));
      try {
        const pending = await startSearchIndex(searchItems(current.model), (p) => p, o.cacheDir ? { cacheDir: o.cacheDir } : {});
        // Pages marked for search (bulletin issues) are rendered here, between requests. The bulk families' members
        // are indexed from the model (searchItems), so only the templates' few hundred pages are looked at.
        for (const route of current.router.templateRoutes()) {
          if (!route.file.endsWith(".html")) continue;
          const html = String(await route.render());
          if (isSearchable(html)) pending.addPage(`/${route.file.replace(/index\.html$/, "")}`, html);
          await new Promise((r) => setImmediate(r));
          if (searchWanted) break;
        }
        if (searchWanted) {
          await pending.cancel();
          continue;
        }
        await mkdir(dir, { recursive: true });
        await pending.write(dir);
        const old = searchDir;
        searchDir = dir;
        if (old) await rm(old, { recursive: true, force: true });
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        o.log(describeError(error, { cwd: o.cwd, doing: "khi làm chỉ mục tìm kiếm cho trang xem thử" }).text.trimEnd());
      }
    }
  };
  const wantSearch = () => {
    if (o.search === false) return;
    searchWanted = true;
    searching = searching.then(indexSearch);
  };
  wantSearch();

  // Live reload: every open page holds one event stream and reloads when the state it was made from is gone.
  const clients = new Set<ServerResponse>();
  const stateId = () => `${boot}.${state?.generation ?? 0}`;
  const broadcast = () => {
    for (const res of clients) res.write(`data: ${stateId()}\n\n`);
  };

  // Changes: collected for a moment, then loaded one reload at a time.
  let timer: NodeJS.Timeout | undefined;
  let reloading: Promise<unknown> = Promise.resolve();
  const settleMs = o.settleMs ?? 20;
  const onChange = (event: string, filename: string | null) => {
    // A file added, removed or renamed ("rename") changes the tree: walk it again.
    if (event !== "change") moved = true;
    if (filename === null) everything = true;
    else dirty.add(path.join(root, filename));
    clearTimeout(timer);
    timer = setTimeout(() => {
      reloading = reloading.then(async () => {
        if (!everything && dirty.size === 0) return;
        try {
          const before = state?.generation;
          const report = await reload();
          if (state?.generation !== before) {
            const what = report.changed.length ? report.changed.join(", ") : "nội dung";
            o.log(`Đã cập nhật ${what} (${Math.round(report.ms)} ms).`);
            broadcast();
            wantSearch();
          }
          for (const l of listeners) l(report);
        } catch (error) {
          o.log(describeError(error, { cwd: o.cwd, doing: "khi cập nhật trang xem thử" }).text.trimEnd());
        }
      });
    }, settleMs);
  };
  const watcher: FSWatcher = watch(root, { recursive: true }, (event, filename) => onChange(event, filename === null ? null : String(filename)));
  watcher.on("error", () => onChange("rename", null));

  const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Uint8Array) => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
    res.end(req.method === "HEAD" ? undefined : body);
  };

  const serveRoute = async (req: IncomingMessage, res: ServerResponse, file: string, status = 200): Promise<boolean> => {
    const route = state?.router.find(file);
    if (!route) return false;
    let body: string | Uint8Array;
    try {
      body = await route.render();
    } catch (error) {
      const text = describeError(error, { cwd: o.cwd, doing: "khi dựng trang xem thử" }).text;
      o.log(text.trimEnd());
      send(req, res, 500, "text/plain; charset=utf-8", text);
      return true;
    }
    if (typeof body === "string" && file.endsWith(".html")) body = body.replace(/<\/body>/i, `${liveReloadScript(stateId())}</body>`);
    send(req, res, status, contentType(file), body);
    return true;
  };

  const serveFile = async (req: IncomingMessage, res: ServerResponse, file: string): Promise<boolean> => {
    const base = file.startsWith("pagefind/") ? searchDir : o.siteDir;
    if (!base || file.split("/").some((s) => s.startsWith("."))) return false;
    const abs = path.join(base, file);
    try {
      const st = await stat(abs);
      if (!st.isFile()) return false;
      res.writeHead(200, { "content-type": contentType(file), "content-length": st.size, "cache-control": "no-store" });
      if (req.method === "HEAD") res.end();
      else createReadStream(abs).pipe(res);
      return true;
    } catch {
      return false;
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== "GET" && req.method !== "HEAD") return send(req, res, 405, "text/plain; charset=utf-8", "Chỉ đọc.\n");
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      } catch {
        return send(req, res, 400, "text/plain; charset=utf-8", "Địa chỉ không hợp lệ.\n");
      }
      if (pathname === EVENTS_PATH) {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
        res.write(`retry: 500\ndata: ${stateId()}\n\n`);
        clients.add(res);
        req.on("close", () => clients.delete(res));
        return;
      }
      const file = fileOfRequest(pathname);
      if (file && ((await serveRoute(req, res, file)) || (await serveFile(req, res, file)))) return;
      // `/dien-hinh/x` → `/dien-hinh/x/` when that is a page.
      const dirFile = !pathname.endsWith("/") && !path.posix.extname(pathname) ? fileOfRequest(`${pathname}/`) : undefined;
      if (dirFile && state?.router.find(dirFile)) {
        res.writeHead(301, { location: `${pathname}/` });
        return res.end();
      }
      if (!(await serveRoute(req, res, "404.html", 404))) send(req, res, 404, "text/plain; charset=utf-8", "Không có trang này.\n");
    })().catch((error) => {
      if (!res.headersSent) send(req, res, 500, "text/plain; charset=utf-8", describeError(error, { cwd: o.cwd }).text);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;

  return {
    url: `http://${o.host ?? "localhost"}:${address.port}/`,
    get last() {
      return last;
    },
    onReload: (l) => void listeners.push(l),
    async settled() {
      // Wait for the watcher's last event to be taken, then for the reload and the index it started.
      for (;;) {
        await new Promise((r) => setTimeout(r, settleMs + 30));
        const r = reloading;
        await r;
        const s = searching;
        await s;
        if (r === reloading && s === searching && !searchWanted) return;
      }
    },
    async close() {
      clearTimeout(timer);
      watcher.close();
      for (const res of clients) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await reloading.catch(() => {});
      searchWanted = false;
      await searching.catch(() => {});
    },
  };
}

async function kind(file: string): Promise<"file" | "folder" | "none"> {
  try {
    return (await stat(file)).isDirectory() ? "folder" : "file";
  } catch {
    return "none";
  }
}
