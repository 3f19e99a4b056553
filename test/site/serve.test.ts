// The static test server: content types, folder indexes, the 404 page, and no way out of the root.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/print/serve.ts";

/** A raw GET that does not normalise `..` the way fetch() does. */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string; type: string | undefined; location: string | undefined }> {
  const { hostname, port } = new URL(origin);
  return new Promise((done, fail) => {
    request({ hostname, port, path, method: "GET" }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () =>
        done({ status: response.statusCode ?? 0, body, type: response.headers["content-type"], location: response.headers.location }));
    }).on("error", fail).end();
  });
}

describe("serveStatic", () => {
  let root: string;
  let outside: string;
  let server: StaticServer;

  beforeAll(async () => {
    outside = mkdtempSync(join(tmpdir(), "gs-serve-"));
    root = join(outside, "site");
    mkdirSync(join(root, "dien-hinh", "nguyen-van-a"), { recursive: true });
    writeFileSync(join(outside, "secret.txt"), "secret");
    writeFileSync(join(root, "index.html"), "<p>trang chủ</p>");
    writeFileSync(join(root, "404.html"), "<p>Không tìm thấy trang</p>");
    writeFileSync(join(root, "dien-hinh", "nguyen-van-a", "index.html"), "<p>Nguyễn Văn A</p>");
    for (const name of ["a.pdf", "lich.ics", "feed.xml", "api.json", "f.woff2", "logo.svg", "q.csv", "robots.txt", "x.unknown"]) {
      writeFileSync(join(root, name), "x");
    }
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await server.close();
    rmSync(outside, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 on a random port", () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it("serves folder indexes as UTF-8 HTML and redirects a folder without its slash", async () => {
    const home = await rawGet(server.origin, "/");
    expect(home).toMatchObject({ status: 200, body: "<p>trang chủ</p>", type: "text/html; charset=utf-8" });
    expect(await rawGet(server.origin, "/dien-hinh/nguyen-van-a/")).toMatchObject({ status: 200, body: "<p>Nguyễn Văn A</p>" });
    expect(await rawGet(server.origin, "/dien-hinh/nguyen-van-a")).toMatchObject({ status: 301, location: "/dien-hinh/nguyen-van-a/" });
  });

  it.each([
    ["/a.pdf", "application/pdf"],
    ["/lich.ics", "text/calendar; charset=utf-8"],
    ["/feed.xml", "application/xml; charset=utf-8"],
    ["/api.json", "application/json; charset=utf-8"],
    ["/f.woff2", "font/woff2"],
    ["/logo.svg", "image/svg+xml"],
    ["/q.csv", "text/csv; charset=utf-8"],
    ["/robots.txt", "text/plain; charset=utf-8"],
    ["/x.unknown", "application/octet-stream"],
  ])("serves %s as %s", async (path, type) => {
    expect(await rawGet(server.origin, path)).toMatchObject({ status: 200, type });
  });

  it("sends text gzip-compressed only when asked to and when the client accepts it, as GitHub Pages does", async () => {
    const zipped = await serveStatic(root, { compress: true });
    try {
      const get = (path: string, encoding?: string, port = zipped.port) =>
        new Promise<{ encoding: string | undefined; vary: string | undefined; bytes: Buffer }>((done, fail) => {
          request({ hostname: "127.0.0.1", port, path, headers: encoding ? { "accept-encoding": encoding } : {} }, (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (c: Buffer) => chunks.push(c)).on("end", () => done({ encoding: response.headers["content-encoding"], vary: response.headers.vary, bytes: Buffer.concat(chunks) }));
          }).on("error", fail).end();
        });
      const page = await get("/dien-hinh/nguyen-van-a/", "gzip, deflate, br");
      expect(page.encoding).toBe("gzip");
      expect(page.vary).toBe("accept-encoding");
      expect(gunzipSync(page.bytes).toString("utf8")).toBe("<p>Nguyễn Văn A</p>");
      expect(await get("/dien-hinh/nguyen-van-a/")).toMatchObject({ encoding: undefined });
      expect((await get("/a.pdf", "gzip")).encoding).toBeUndefined(); // not text
      expect((await get("/logo.svg", "gzip")).encoding).toBe("gzip");
      expect(await get("/", "gzip", server.port)).toMatchObject({ encoding: undefined, bytes: Buffer.from("<p>trang chủ</p>") }); // off by default
    } finally {
      await zipped.close();
    }
  });

  it("answers a missing page with /404.html and status 404", async () => {
    expect(await rawGet(server.origin, "/khong-co/")).toMatchObject({ status: 404, body: "<p>Không tìm thấy trang</p>", type: "text/html; charset=utf-8" });
  });

  it("never serves a file outside the root", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/dien-hinh/..%2f..%2fsecret.txt"]) {
      const answer = await rawGet(server.origin, path);
      expect(answer.body).not.toBe("secret");
      expect([403, 404]).toContain(answer.status);
    }
  });

  it("logs every request with its status", () => {
    expect(server.log).toContainEqual({ path: "/khong-co/", status: 404 });
  });
});

describe("serveStatic under a path prefix, as GitHub Pages serves a project site", () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "gs-serve-prefix-"));
    mkdirSync(join(root, "dien-hinh"), { recursive: true });
    writeFileSync(join(root, "index.html"), "<p>trang chủ</p>");
    writeFileSync(join(root, "404.html"), "<p>Không tìm thấy trang</p>");
    writeFileSync(join(root, "dien-hinh", "index.html"), "<p>Điển hình</p>");
    server = await serveStatic(root, { prefix: "guong-sang" });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("serves the site under the prefix and names that base", async () => {
    expect(server.base).toBe(`${server.origin}/guong-sang`);
    expect((await rawGet(server.origin, "/guong-sang/")).body).toBe("<p>trang chủ</p>");
    expect((await rawGet(server.origin, "/guong-sang/dien-hinh/")).body).toBe("<p>Điển hình</p>");
  });

  it("redirects the bare prefix and folders to their slash", async () => {
    expect(await rawGet(server.origin, "/guong-sang")).toMatchObject({ status: 301, location: "/guong-sang/" });
    expect(await rawGet(server.origin, "/guong-sang/dien-hinh")).toMatchObject({ status: 301, location: "/guong-sang/dien-hinh/" });
  });

  it("finds nothing outside the prefix: a root-relative link that forgot it is a 404", async () => {
    expect(await rawGet(server.origin, "/dien-hinh/")).toMatchObject({ status: 404, body: "<p>Không tìm thấy trang</p>" });
    expect(await rawGet(server.origin, "/")).toMatchObject({ status: 404 });
  });
});
