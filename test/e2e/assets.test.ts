// Fast for readers: every asset a page names has a content-hashed name that resolves to exactly that content, the
// stylesheet is inlined (no request blocks the first paint), and the web fonts arriving move nothing on the page.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/print/serve.ts";
import { launchBrowser, PHONE } from "../helpers/browser.ts";
import { htmlPages, pageTypes, siteDir, sitePrefix } from "../helpers/site.ts";

const hash8 = (data: Buffer): string => createHash("sha256").update(data).digest("hex").slice(0, 8);

/** Reader pages: print pages (…/in/) are A4 sheets for the PDF step, with their own print fonts. */
const readerPages = (): string[] => htmlPages().filter((p) => !p.endsWith("/in/") && !p.startsWith("/quan-tri/"));
const fileOf = (p: string): string => path.join(siteDir(), p.endsWith("/") ? `${p}index.html` : p);

/** Every URL under the site's /assets/ a page names: href, src and CSS url(). */
function assetUrls(html: string): string[] {
  const prefix = sitePrefix();
  const urls = [...html.matchAll(/(?:href|src)="([^"]+)"|url\("([^"]+)"\)/g)].map((m) => (m[1] ?? m[2])!);
  return urls.filter((u) => u.startsWith(`${prefix}assets/`));
}

describe("asset names", () => {
  it("every asset a reader page names carries the hash of its content, and the file is there", () => {
    const checked = new Set<string>();
    const problems: string[] = [];
    for (const page of readerPages()) {
      const html = readFileSync(fileOf(page), "utf8");
      for (const url of assetUrls(html)) {
        if (checked.has(url)) continue;
        checked.add(url);
        const m = /\.([0-9a-f]{8})\.[a-z0-9]+$/.exec(url);
        const file = path.join(siteDir(), url.slice(sitePrefix().length));
        if (!m) problems.push(`${page}: ${url} has no content hash in its name`);
        else if (!existsSync(file)) problems.push(`${page}: ${url} does not resolve`);
        else if (hash8(readFileSync(file)) !== m[1]) problems.push(`${page}: ${url} holds other content than its name says`);
      }
    }
    expect(problems).toEqual([]);
    // The icon, the fonts and the two scripts at least.
    expect([...checked].filter((u) => u.endsWith(".woff2")).length).toBeGreaterThanOrEqual(14);
    expect([...checked].some((u) => /\/assets\/icon\.[0-9a-f]{8}\.svg$/.test(u))).toBe(true);
    expect([...checked].some((u) => /\/assets\/filter\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
    expect([...checked].some((u) => /\/assets\/search\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
  });

  it("no reader page waits for a stylesheet: the site's styles are inlined", () => {
    for (const page of readerPages()) {
      const html = readFileSync(fileOf(page), "utf8");
      expect(html, page).not.toMatch(/<link[^>]+rel="stylesheet"/);
      expect(html, page).toMatch(/<style>@font-face\{font-family:"Be Vietnam Pro"/);
    }
  });

  it("the stylesheet file the editor's preview loads names the fonts by their hashed names, relative to itself", () => {
    const editor = readFileSync(path.join(siteDir(), "quan-tri", "index.html"), "utf8");
    const href = /"stylesheet":"([^"]+)"/.exec(editor)?.[1];
    expect(href).toMatch(/\/assets\/site\.[0-9a-f]{8}\.css$/);
    const css = readFileSync(path.join(siteDir(), href!.slice(sitePrefix().length)));
    expect(hash8(css)).toBe(/\.([0-9a-f]{8})\.css$/.exec(href!)![1]);
    const fonts = [...css.toString("utf8").matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(fonts.length).toBe(14);
    for (const f of fonts) expect(existsSync(path.join(siteDir(), "assets", f)), f).toBe(true);
  });
});

describe("web fonts on a phone", () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveStatic(siteDir(), { prefix: sitePrefix() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("no layout shift on any page type, and the page is set in Be Vietnam Pro", async () => {
    const shifts: string[] = [];
    for (const { name, path: p } of pageTypes()) {
      // A fresh page, cold cache, slow line: the first view of a reader who has never been here.
      const page = await browser.newPage();
      try {
        await page.setCacheEnabled(false);
        await page.setViewport(PHONE);
        // Lighthouse's mobile line (150 ms, 1.6 Mbit/s): fonts arrive well after the first paint.
        await page.emulateNetworkConditions({ download: 1.6e6 / 8, upload: 750e3 / 8, latency: 150 });
        await page.evaluateOnNewDocument(() => {
          (window as unknown as { __cls: number }).__cls = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
          }).observe({ type: "layout-shift", buffered: true });
        });
        await page.goto(server.base + p, { waitUntil: "load" });
        const result = await page.evaluate(async () => {
          await document.fonts.ready;
          await new Promise((r) => setTimeout(r, 300));
          const loaded = [...document.fonts].filter((f) => f.status === "loaded").map((f) => `${f.family.replace(/"/g, "")} ${f.weight}`);
          return { cls: (window as unknown as { __cls: number }).__cls, loaded };
        });
        if (result.cls > 0.01) shifts.push(`${name} ${p}: CLS ${result.cls.toFixed(3)}`);
        expect(result.loaded, `${name} ${p}`).toContain("Be Vietnam Pro 400");
      } finally {
        await page.close();
      }
    }
    expect(shifts).toEqual([]);
  });
});
