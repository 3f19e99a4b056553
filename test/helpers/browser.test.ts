// The watched page catches what the end-to-end tests rely on it to catch, and nothing leaves the machine.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, WatchedPage } from "./browser.ts";
import { serveStatic, type StaticServer } from "../../src/print/serve.ts";

let dir: string;
let server: StaticServer;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gs-watch-"));
  const page = (body: string): string => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>t</title></head><body>${body}</body></html>`;
  writeFileSync(join(dir, "clean.html"), page("<p>Sạch</p>"));
  writeFileSync(join(dir, "noisy.html"), page(`<img src="/missing.png" alt="">
<img src="https://example.com/a.png" alt="">
<script>console.error("hỏng rồi"); setTimeout(() => { throw new Error("lỗi chưa bắt"); });</script>`));
  writeFileSync(join(dir, "worker.js"), `fetch("https://example.com/from-worker").then(() => postMessage("reached"), () => postMessage("blocked"));`);
  writeFileSync(join(dir, "worker.html"), page(`<p id="out"></p><script>new Worker("/worker.js").onmessage = (e) => { out.textContent = e.data; };</script>`));
  writeFileSync(join(dir, "404.html"), page("<p>Không có</p>"));
  server = await serveStatic(dir);
  browser = await launchBrowser();
  watched = await WatchedPage.open(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("WatchedPage", () => {
  it("reports nothing on a clean page", async () => {
    expect(await watched.visit(server.origin + "/clean.html")).toEqual({ status: 200, problems: [] });
  });

  it("reports console errors, uncaught exceptions, missing files and requests to other hosts", async () => {
    const { problems } = await watched.visit(server.origin + "/noisy.html");
    await new Promise((done) => setTimeout(done, 100));
    const all = [...problems, ...watched.takeProblems()].join("\n");
    expect(all).toContain(`HTTP 404: ${server.origin}/missing.png`);
    expect(all).toContain("request to another host: https://example.com/a.png");
    expect(all).toContain("console error: hỏng rồi");
    expect(all).toContain("uncaught exception: lỗi chưa bắt");
  });

  it("lets no request leave the machine, even from a web worker", async () => {
    await watched.visit(server.origin + "/worker.html");
    await watched.page.waitForFunction(() => document.getElementById("out")?.textContent !== "", { timeout: 10_000 });
    expect(await watched.page.$eval("#out", (p) => p.textContent)).toBe("blocked");
  });

  it("allows a status only when asked, for the page itself", async () => {
    expect((await watched.visit(server.origin + "/nowhere/")).problems).toContain(`HTTP 404: ${server.origin}/nowhere/`);
    expect(await watched.visit(server.origin + "/nowhere/", { allowStatus: [404] })).toEqual({ status: 404, problems: [] });
  });
});
