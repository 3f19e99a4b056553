// Long words (a URL, long runs of letters) in titles, bodies, tables, names and profile cards never make a 320 px phone scroll sideways, on any page.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { formatFinding } from "../../src/content/format.ts";
import { serveStatic, type StaticServer } from "../../src/print/serve.ts";
import { launchBrowser, WatchedPage } from "../helpers/browser.ts";
import { htmlPages, sitePrefix } from "../helpers/site.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/long-words");
/** The narrowest phone in use. */
const NARROW = { width: 320, height: 640, deviceScaleFactor: 1, isMobile: true, hasTouch: true } as const;

let root: string;
let server: StaticServer;
let browser: Browser;
let phone: WatchedPage;
let pages: string[];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "gs-long-words-"));
  const outDir = path.join(root, "_site");
  const result = await build({ contentDir: FIXTURE, outDir, pdf: false, drafts: false, cacheDir: null, now: new Date("2019-06-01T00:00:00+07:00") });
  if (result.status !== "built") throw new Error(`the long-words fixture does not build:\n${result.findings.map(formatFinding).join("\n")}`);
  // Print pages (…/in/) are A4 sheets for the PDF step, not pages for readers.
  pages = htmlPages(outDir).filter((p) => !p.endsWith("/in/"));
  server = await serveStatic(outDir, { prefix: sitePrefix(outDir) });
  browser = await launchBrowser();
  phone = await WatchedPage.open(browser, { viewport: NARROW, javaScript: false });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("a 320 px phone with long words everywhere", () => {
  it("builds every page type of the fixture", () => {
    for (const p of ["/", "/dien-hinh/", "/dien-hinh/co-giao-nguyen-thi-mai/", "/ke-hoach/05-kh-btg/", "/hoat-dong/", "/lich/", "/ban-tin/2019-01/", "/bao-cao/2019-q2/", "/bao-cao/2019/", "/loa/2019-q2/", "/tim-kiem/", "/404.html"]) {
      expect(pages).toContain(p);
    }
  });

  it("has no horizontal scroll on any page", async () => {
    const wide: string[] = [];
    for (const p of pages) {
      await phone.visit(server.base + p, { allowStatus: [404] });
      const overflow = await phone.page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
          .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== "fixed")
          .filter((el) => !el.parentElement?.closest('[role="region"][tabindex="0"]'))
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ").join(".") : ""}`);
        return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
      });
      if (overflow.scrollWidth > overflow.width) wide.push(`${p}: ${overflow.scrollWidth} px (${overflow.culprits.join(", ")})`);
    }
    expect(wide).toEqual([]);
  }, 240_000);
});
