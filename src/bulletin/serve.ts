// A static file server for the built site on 127.0.0.1, so print pages load their fonts and images
// from root-relative URLs exactly as readers' browsers would; nothing outside the folder is served.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".pdf": "application/pdf",
};

export interface SiteServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** Serves `siteDir` on an ephemeral port of 127.0.0.1 (`/x/` → `/x/index.html`). */
export async function serveSite(siteDir: string): Promise<SiteServer> {
  const root = path.resolve(siteDir);
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
        let file = path.join(root, pathname);
        if (file !== root && !file.startsWith(root + path.sep)) throw new Error("outside");
        const info = await stat(file);
        if (info.isDirectory()) file = path.join(file, "index.html");
        const size = (await stat(file)).size;
        res.writeHead(200, {
          "content-type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
          "content-length": size,
        });
        createReadStream(file).pipe(res);
      } catch {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end("not found");
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
