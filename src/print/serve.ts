// A static file server for a built site on 127.0.0.1 and a random port: the PDF step prints through it
// (root-relative fonts and images resolve as readers' browsers resolve them) and the browser tests read it.
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { normalisePrefix } from "../paths/url.ts";

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  // Pagefind's index and fragments.
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  origin: string;
  /** The origin and the path prefix the site is served under, no trailing slash: `http://127.0.0.1:41234/guong-sang`. */
  base: string;
  port: number;
  /** Every path requested so far, with its status, in order. */
  log: { path: string; status: number }[];
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) {
      const index = join(path, "index.html");
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    // missing: undefined
  }
  return undefined;
}

export interface ServeOptions {
  /**
   * Serve the site under this path prefix (`/guong-sang/`), as GitHub Pages serves a project site:
   * `/guong-sang/dien-hinh/` → `dien-hinh/index.html`; any path outside the prefix is not found.
   */
  prefix?: string;
  /**
   * Send text (HTML, CSS, scripts, JSON, XML, SVG) gzip-compressed to a client that accepts it, as GitHub Pages
   * does: what a reader's phone downloads, for the Lighthouse benchmark. Off by default.
   */
  compress?: boolean;
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json|atom\+xml|rss\+xml)|image\/svg\+xml)/;

/** Serves `root` read-only: `/dir/` → `dir/index.html`, missing → `/404.html` with status 404, no escape from `root`. */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = resolve(root);
  const prefix = normalisePrefix(options.prefix);
  const log: StaticServer["log"] = [];

  const server: Server = createServer((request, response) => {
    void (async () => {
      const send = (status: number, file: string | undefined, body?: string): void => {
        log.push({ path: request.url ?? "", status });
        const type = file === undefined ? "text/plain; charset=utf-8" : (CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream");
        const gzip = options.compress === true && file !== undefined && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
        response.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff", ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}) });
        if (request.method === "HEAD") return void response.end();
        if (file === undefined) return void response.end(body ?? "");
        if (gzip) {
          readFile(file).then((bytes) => response.end(gzipSync(bytes)), () => response.destroy());
          return;
        }
        createReadStream(file).on("error", () => response.destroy()).pipe(response);
      };

      if (request.method !== "GET" && request.method !== "HEAD") return send(405, undefined, "method not allowed");
      let pathname: string;
      let rawPath: string;
      try {
        rawPath = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
        pathname = decodeURIComponent(rawPath);
      } catch {
        return send(400, undefined, "bad request");
      }
      // Outside the prefix nothing is served; `/guong-sang` alone is the folder without its slash.
      if (prefix !== "/" && rawPath === prefix.slice(0, -1)) {
        log.push({ path: request.url ?? "", status: 301 });
        response.writeHead(301, { location: prefix });
        return void response.end();
      }
      if (!pathname.startsWith(prefix)) {
        const notFound = await fileAt(join(base, "404.html"));
        return send(404, notFound, "not found");
      }
      pathname = pathname.slice(prefix.length - 1);
      const target = resolve(base, "." + pathname);
      if (pathname.includes("\0") || (target !== base && !target.startsWith(base + sep))) return send(403, undefined, "forbidden");

      // A folder without its trailing slash is redirected, as static hosts do, so relative links resolve.
      const found = await fileAt(target);
      if (found !== undefined && found !== target && !pathname.endsWith("/")) {
        log.push({ path: request.url ?? "", status: 301 });
        response.writeHead(301, { location: rawPath + "/" });
        return void response.end();
      }
      if (found !== undefined) return send(200, found);
      const notFound = await fileAt(join(base, "404.html"));
      return send(404, notFound, "not found");
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    base: `http://127.0.0.1:${port}${prefix.slice(0, -1)}`,
    port,
    log,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
