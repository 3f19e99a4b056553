// Exemplar filters in a real Chromium: the static facet pages without JavaScript, the same answers with it.
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, WatchedPage } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../../src/print/serve.ts";
import { apiExemplars, exemplarPath, siteDir, sitePath, type ApiExemplar, sitePrefix } from "../helpers/site.ts";

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
    // The load event is enough here: every page type's late requests are checked in pages.test.ts.
    const { status, problems } = await watched.visit(server.base + next, { settle: false });
    expect(problems, next).toEqual([]);
    expect(status, next).toBe(200);
    for (const p of await shownExemplars(watched)) found.add(p);
    const pager = await watched.page.$$eval('nav.pager a[href], nav[aria-label="Trang"] a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of pager) queue.push(sitePath(href)!);
  }
  return [...found].sort();
}

beforeAll(async () => {
  server = await serveStatic(site, { prefix: sitePrefix(site) });
  browser = await launchBrowser();
  noScript = await WatchedPage.open(browser, { javaScript: false });
  withScript = await WatchedPage.open(browser);
  await noScript.visit(server.base + "/dien-hinh/");
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

describe("filters with JavaScript", () => {
  /** Sets the filter selects (others back to "Tất cả") and returns the exemplars then shown, without leaving the page. */
  async function filterInPlace(values: Record<string, string>): Promise<string[]> {
    const page = withScript.page;
    const before = page.url();
    await page.$eval("[data-filter-bar] form", (form) => {
      (form as HTMLFormElement).reset();
      const status = document.querySelector("[data-filter-status]");
      if (status) status.textContent = "";
    });
    for (const [dimension, id] of Object.entries(values)) await page.select(`[data-filter-bar] select[name="${dimension}"]`, id);
    await page.waitForFunction(() => (document.querySelector("[data-filter-status]")?.textContent ?? "") !== "", { timeout: 10_000 });
    expect(page.url()).toBe(before);
    return shownExemplars(withScript);
  }

  beforeAll(async () => {
    const { problems } = await withScript.visit(server.base + "/dien-hinh/");
    expect(problems).toEqual([]);
  });

  it("turns the facet links into one select per filter", async () => {
    const names = await withScript.page.$$eval("[data-filter-bar] select", (selects) => selects.map((s) => (s as HTMLSelectElement).name).sort());
    expect(names).toEqual(["field", "kind", "unit", "ward", "year"]);
  });

  it("shows, for the largest value of each filter, exactly the exemplars with that value", async () => {
    const wrong: string[] = [];
    for (const dimension of ["kind", "unit", "ward", "field", "year"]) {
      const options = facetLinks.filter((l) => l.dimension === dimension);
      const largest = options.sort((a, b) => expectedPaths(b.dimension, b.id).length - expectedPaths(a.dimension, a.id).length)[0];
      if (largest === undefined) {
        wrong.push(`${dimension}: no value`);
        continue;
      }
      const shown = await filterInPlace({ [dimension]: largest.id });
      const expected = expectedPaths(dimension, largest.id);
      if (JSON.stringify(shown) !== JSON.stringify(expected)) wrong.push(`${dimension}=${largest.id}: shows ${shown.join(" ")}; expected ${expected.join(" ")}`);
    }
    expect(wrong).toEqual([]);
    expect(watched()).toEqual([]);
  });

  it("combines filters: kind and year of an exemplar give the exemplars with both", async () => {
    const first = exemplars[0]!;
    const kind = valueOf(first, "kind")!;
    const year = valueOf(first, "year")!;
    const expected = expectedPaths("kind", kind).filter((p) => expectedPaths("year", year).includes(p));
    expect(expected).toContain(exemplarPath(first, site));
    expect(await filterInPlace({ kind, year })).toEqual(expected);
  });

  it("says so when nothing matches, and shows everything again on reset", async () => {
    // A unit and a ward with no exemplar in common (the sample has many).
    const units = facetLinks.filter((l) => l.dimension === "unit");
    const wards = facetLinks.filter((l) => l.dimension === "ward");
    const pair = units.flatMap((u) => wards.map((w) => [u, w] as const))
      .find(([u, w]) => !expectedPaths("unit", u.id).some((p) => expectedPaths("ward", w.id).includes(p)));
    expect(pair, "the sample should have a unit and a ward with no exemplar in common").toBeDefined();
    expect(await filterInPlace({ unit: pair![0].id, ward: pair![1].id })).toEqual([]);
    const status = await withScript.page.$eval("[data-filter-status]", (s) => s.textContent);
    expect(status).not.toBe("");
    await withScript.page.$eval("[data-filter-bar] form", (form) => (form as HTMLFormElement).reset());
    await withScript.page.waitForFunction(() => (document.querySelector("[data-filter-status]")?.textContent ?? "x") === "", { timeout: 5_000 });
    const firstPage = await shownExemplars(withScript);
    expect(firstPage.length).toBeGreaterThan(0);
    expect(watched()).toEqual([]);
  });
});

function watched(): string[] {
  return withScript.takeProblems();
}
