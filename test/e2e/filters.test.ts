// Exemplar filters in a real Chromium: the static facet pages without JavaScript, the same answers with it.
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, WatchedPage } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { apiExemplars, exemplarPath, siteDir, sitePath, type ApiExemplar } from "../helpers/site.ts";

const site = siteDir();
const exemplars = apiExemplars(site);

/** The value of one filter dimension for an exemplar, read from the API (not from the pages under test). */
function valueOf(e: ApiExemplar, dimension: string): string | undefined {
  if (dimension === "year") return typeof e.date === "string" ? e.date.slice(0, 4) : undefined;
  const v = e[dimension];
  return typeof v === "string" ? v : undefined;
}

function expectedPaths(dimension: string, id: string): string[] {
  return exemplars.filter((e) => valueOf(e, dimension) === id).map((e) => exemplarPath(e, site)).sort();
}

interface FacetLink { dimension: string; id: string; href: string; label: string }

let browser: Browser;
let server: StaticServer;
let noScript: WatchedPage;
let withScript: WatchedPage;
let facetLinks: FacetLink[];

const exemplarPathSet = new Set(exemplars.map((e) => exemplarPath(e, site)));

/** Exemplar links shown in the page's list (visible ones only), as site paths. */
async function shownExemplars(watched: WatchedPage): Promise<string[]> {
  const hrefs = await watched.page.$$eval("main a[href]", (links) =>
    links.filter((a) => (a as HTMLElement).offsetParent !== null && a.closest("nav") === null).map((a) => (a as HTMLAnchorElement).href));
  return [...new Set(hrefs.map((h) => sitePath(h)).filter((p): p is string => p !== undefined && exemplarPathSet.has(p)))].sort();
}

/** Follows the list's pager, if any, collecting the exemplars of every page. */
async function allPagesOf(watched: WatchedPage, path: string): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [path];
  const found = new Set<string>();
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const { status, problems } = await watched.visit(server.origin + next);
    expect(problems, next).toEqual([]);
    expect(status, next).toBe(200);
    for (const p of await shownExemplars(watched)) found.add(p);
    const pager = await watched.page.$$eval('nav.pager a[href], nav[aria-label="Trang"] a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of pager) queue.push(sitePath(href)!);
  }
  return [...found].sort();
}

beforeAll(async () => {
  server = await serveStatic(site);
  browser = await launchBrowser();
  noScript = await WatchedPage.open(browser, { javaScript: false });
  withScript = await WatchedPage.open(browser);
  await noScript.visit(server.origin + "/dien-hinh/");
  facetLinks = await noScript.page.$$eval("[data-dimension] a[href][data-id]", (links) =>
    links.map((a) => ({
      dimension: a.closest("[data-dimension]")!.getAttribute("data-dimension")!,
      id: a.getAttribute("data-id")!,
      href: (a as HTMLAnchorElement).href,
      label: (a.textContent ?? "").trim(),
    })));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("filters without JavaScript", () => {
  it("offers static links for kind, unit, ward, field and year", () => {
    const dimensions = new Set(facetLinks.map((l) => l.dimension));
    expect([...dimensions].sort()).toEqual(["field", "kind", "unit", "ward", "year"]);
  });

  it("lists every exemplar on /dien-hinh/ and its pages", async () => {
    expect(await allPagesOf(noScript, "/dien-hinh/")).toEqual([...exemplarPathSet].sort());
  });

  it("shows on each facet page exactly the exemplars with that value, as /api/exemplars.json says", async () => {
    const wrong: string[] = [];
    for (const link of facetLinks) {
      const shown = await allPagesOf(noScript, sitePath(link.href)!);
      const expected = expectedPaths(link.dimension, link.id);
      if (JSON.stringify(shown) !== JSON.stringify(expected)) {
        wrong.push(`${link.dimension}=${link.id} (${link.label}): shows ${shown.length}, expected ${expected.length}: ` +
          `missing ${expected.filter((p) => !shown.includes(p)).join(" ") || "none"}; extra ${shown.filter((p) => !expected.includes(p)).join(" ") || "none"}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives each facet link's count as the number of exemplars with that value", () => {
    const wrong = facetLinks
      .map((l) => ({ l, count: Number(/\((\d+)\)\s*$/.exec(l.label)?.[1]) }))
      .filter(({ l, count }) => count !== expectedPaths(l.dimension, l.id).length)
      .map(({ l, count }) => `${l.dimension}=${l.id}: says ${count}, has ${expectedPaths(l.dimension, l.id).length}`);
    expect(wrong).toEqual([]);
  });
});
