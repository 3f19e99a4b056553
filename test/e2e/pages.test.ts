// Every page type of the built site loads in a real Chromium with no console error, no failed or off-site request, and fits a phone.
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, PHONE, WatchedPage } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../../src/print/serve.ts";
import { pageTypes, siteDir, sitePrefix } from "../helpers/site.ts";

const site = siteDir();
const types = pageTypes(site);

let browser: Browser;
let server: StaticServer;
let desktop: WatchedPage;
let phone: WatchedPage;
let noScript: WatchedPage;

beforeAll(async () => {
  server = await serveStatic(site, { prefix: sitePrefix(site) });
  browser = await launchBrowser();
  [desktop, phone, noScript] = await Promise.all([
    WatchedPage.open(browser, { viewport: DESKTOP }),
    WatchedPage.open(browser, { viewport: PHONE }),
    WatchedPage.open(browser, { viewport: DESKTOP, javaScript: false }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(types)("$name ($path)", ({ name, path }) => {
  it("loads with JavaScript: status 200, Vietnamese, a title and one h1, no console error, no failed or off-site request", async () => {
    const { status, problems } = await desktop.visit(server.base + path);
    expect(problems).toEqual([]);
    expect(status).toBe(200);
    const facts = await desktop.page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title.trim(),
      h1: document.querySelectorAll("h1").length,
      main: document.querySelectorAll("main").length,
    }));
    expect(facts.lang).toBe("vi");
    expect(facts.title).not.toBe("");
    expect(facts.h1, `${name} should have exactly one h1`).toBe(1);
    expect(facts.main).toBe(1);
  });

  it("loads without JavaScript with no failed request and shows its content", async () => {
    const { status, problems } = await noScript.visit(server.base + path);
    expect(problems).toEqual([]);
    expect(status).toBe(200);
    const text = await noScript.page.$eval("main", (main) => (main as HTMLElement).innerText.trim());
    expect(text.length).toBeGreaterThan(0);
  });

  it("has no horizontal scroll on a 360 px phone", async () => {
    const { problems } = await phone.visit(server.base + path);
    expect(problems).toEqual([]);
    const overflow = await phone.page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll<HTMLElement>("body *")]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== "fixed")
        .filter((el) => !el.closest("pre, table, [data-scroll], .table-scroll") || el.matches("pre, table"))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ").join(".") : ""} right=${Math.round(el.getBoundingClientRect().right)}`);
      return { scrollWidth: document.documentElement.scrollWidth, width, wide };
    });
    expect(overflow.scrollWidth, `wider than the phone: ${overflow.wide.join(", ")}`).toBeLessThanOrEqual(overflow.width);
  });
});

describe("not-found and files beside the pages", () => {
  it("answers a missing URL with the 404 page and status 404, without other errors", async () => {
    const { status, problems } = await desktop.visit(server.base + "/khong-co-trang-nay/", { allowStatus: [404] });
    expect(status).toBe(404);
    expect(problems).toEqual([]);
    expect(await desktop.page.evaluate(() => document.documentElement.lang)).toBe("vi");
  });

  it("serves the feed, sitemap, calendar and API with their types", async () => {
    const expectations: [string, string, RegExp][] = [
      ["/feed.xml", "application/xml", /<feed[\s>]/],
      ["/sitemap.xml", "application/xml", /<urlset[\s>]/],
      ["/lich.ics", "text/calendar", /^BEGIN:VCALENDAR\r?\n/],
      ["/api/exemplars.json", "application/json", /^[[{]/],
    ];
    for (const [path, type, body] of expectations) {
      const response = await fetch(server.base + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toContain(type);
      expect(await response.text(), path).toMatch(body);
    }
  });

  it("links a bulletin issue page to its PDF, which is a real PDF", async () => {
    const issue = types.find((t) => t.name === "bulletin issue")!;
    await desktop.visit(server.base + issue.path);
    const hrefs = await desktop.page.$$eval('a[href$=".pdf"]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    const response = await fetch(hrefs[0]!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
