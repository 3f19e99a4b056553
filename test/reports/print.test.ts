// The quarter page in a real Chromium: charts stand alone on screen, their tables appear in print.
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, WatchedPage } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../../src/print/serve.ts";
import { siteDir, sitePrefix } from "../helpers/site.ts";

let browser: Browser;
let server: StaticServer;
let watched: WatchedPage;

beforeAll(async () => {
  server = await serveStatic(siteDir(), { prefix: sitePrefix() });
  browser = await launchBrowser();
  watched = await WatchedPage.open(browser, { javaScript: false });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** For each chart: is its table laid out at a readable size, and is the site header shown? */
async function layout(): Promise<{ tables: boolean[]; header: boolean; charts: number }> {
  return watched.page.evaluate(() => {
    const readable = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 50 && r.height > 20 && getComputedStyle(el.parentElement as Element).clipPath === "none";
    };
    const figures = [...document.querySelectorAll("figure.chart")];
    const header = document.querySelector(".site-header");
    return {
      charts: figures.length,
      tables: figures.map((f) => readable(f.querySelector("table") as Element)),
      header: header ? getComputedStyle(header).display !== "none" : false,
    };
  });
}

describe("quarter page, screen and print", () => {
  it("shows the charts on screen with their tables only for screen readers, and the tables in print", async () => {
    const { status, problems } = await watched.visit(`${server.base}/bao-cao/2019-q1/`);
    expect(status).toBe(200);
    expect(problems).toEqual([]);
    await watched.page.emulateMediaType("screen");
    const screen = await layout();
    expect(screen.charts).toBeGreaterThanOrEqual(6);
    expect(screen.tables.every((t) => !t)).toBe(true);
    expect(screen.header).toBe(true);
    await watched.page.emulateMediaType("print");
    const print = await layout();
    expect(print.tables.every((t) => t)).toBe(true);
    expect(print.header).toBe(false);
  });
});
