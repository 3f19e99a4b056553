// Reading a source's files: size limit, retries with backoff only where trying again can help, time-outs, and a folder
// source that cannot be left, each failure in the Vietnamese words the page and the exit summary show.
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { folderReader, httpReader, mapPool } from "../../src/aggregate/fetch.ts";

let server: Server;
let origin: string;
const hits = new Map<string, number>();
const LIMITS = { timeoutMs: 400, maxBytes: 1024 * 1024, retries: 2, backoffMs: 10 };

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = request.url ?? "/";
  const n = (hits.get(url) ?? 0) + 1;
  hits.set(url, n);
  if (url === "/lon.json") return void response.end("x".repeat(1.5 * 1024 * 1024));
  if (url === "/lon-tung-khuc.json") {
    // No content-length: the limit must hold while the body streams in.
    response.writeHead(200, { "transfer-encoding": "chunked" });
    for (let i = 0; i < 24; i++) response.write("x".repeat(64 * 1024));
    return void response.end();
  }
  if (url === "/chap-chon.json") {
    if (n < 3) return void response.writeHead(503).end();
    return void response.end('{"ok":true}');
  }
  if (url === "/cham.json") return void setTimeout(() => response.end("{}"), 2000);
  response.writeHead(404).end();
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

describe("httpReader", () => {
  it("refuses a file above the size limit", async () => {
    await expect(httpReader(origin, LIMITS)("lon.json")).rejects.toThrow("lon.json: tệp lớn 1,5 MB, quá giới hạn 1 MB.");
  });

  it("stops reading a body without content-length once it passes the limit", async () => {
    await expect(httpReader(origin, LIMITS)("lon-tung-khuc.json")).rejects.toThrow("lon-tung-khuc.json: tệp lớn hơn giới hạn 1 MB.");
  });

  it("retries a 503 with backoff and then reads the file", async () => {
    const bytes = await httpReader(origin, LIMITS)("chap-chon.json");
    expect(new TextDecoder().decode(bytes)).toBe('{"ok":true}');
    expect(hits.get("/chap-chon.json")).toBe(3);
  });

  it("does not retry a 404", async () => {
    await expect(httpReader(origin, LIMITS)("khong-co.json")).rejects.toThrow("khong-co.json: máy chủ trả lời HTTP 404 (không có tệp này).");
    expect(hits.get("/khong-co.json")).toBe(1);
  });

  it("gives up after the time-out of each attempt, retried", async () => {
    await expect(httpReader(origin, LIMITS)("cham.json")).rejects.toThrow("cham.json: quá thời gian chờ (0,4 giây).");
    expect(hits.get("/cham.json")).toBe(3);
  });

  it("refuses a path that leaves the site or names a scheme", async () => {
    await expect(httpReader(origin, LIMITS)("../bi-mat.json")).rejects.toThrow('Đường dẫn "../bi-mat.json" không hợp lệ');
    await expect(httpReader(origin, LIMITS)("javascript:alert(1)")).rejects.toThrow("không hợp lệ");
  });
});

describe("folderReader", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "gs-folder-"));
    await mkdir(path.join(dir, "site/api"), { recursive: true });
    await writeFile(path.join(dir, "site/api/site.json"), "{}");
    await writeFile(path.join(dir, "bi-mat.json"), "{}");
    await symlink(path.join(dir, "bi-mat.json"), path.join(dir, "site/api/lien-ket.json"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a file inside the folder and refuses one reached through a link out of it", async () => {
    const read = folderReader(path.join(dir, "site"), LIMITS);
    expect(new TextDecoder().decode(await read("api/site.json"))).toBe("{}");
    await expect(read("api/lien-ket.json")).rejects.toThrow("api/lien-ket.json: tệp nằm ngoài thư mục nguồn.");
    await expect(read("api/khong-co.json")).rejects.toThrow("api/khong-co.json: không có tệp này trong thư mục");
  });
});

describe("mapPool", () => {
  it("keeps the input order and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const out = await mapPool([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, n * 5));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});
