// Pagefind search in a real Chromium: Vietnamese queries found with and without diacritics, words taken from the built content.
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, WatchedPage } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../../src/print/serve.ts";
import { apiExemplars, exemplarPath, siteDir, sitePath, type ApiExemplar, sitePrefix } from "../helpers/site.ts";

const site = siteDir();

/** Lower case without diacritics, đ as d: what a reader types on a keyboard without Vietnamese input. */
function plain(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

const words = (text: string): string[] => text.normalize("NFC").split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * An exemplar and two neighbouring words of its title that carry diacritics and are rarest across all
 * titles, so the query points at that exemplar (e.g. "Nghĩa Đô"), preferring a pair with đ.
 */
function pickQuery(exemplars: ApiExemplar[]): { exemplar: ApiExemplar; query: string } {
  const frequency = new Map<string, number>();
  for (const e of exemplars) for (const w of new Set(words(e.title).map((x) => x.toLowerCase()))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  let best: { exemplar: ApiExemplar; query: string; score: number } | undefined;
  for (const exemplar of exemplars) {
    const ws = words(exemplar.title);
    for (let i = 0; i + 1 < ws.length; i++) {
      const [a, b] = [ws[i]!, ws[i + 1]!];
      if (a.length < 2 || b.length < 2 || plain(a) === a.toLowerCase() || plain(b) === b.toLowerCase()) continue;
      // Rarest first; among equals prefer a pair with đ, which Unicode folding alone does not turn into d.
      const score = (frequency.get(a.toLowerCase()) ?? 0) + (frequency.get(b.toLowerCase()) ?? 0) - (/[đĐ]/.test(a + b) ? 0.5 : 0);
      if (best === undefined || score < best.score) best = { exemplar, query: `${a} ${b}`, score };
    }
  }
  if (best === undefined) throw new Error("no exemplar title has two neighbouring words with diacritics");
  return { exemplar: best.exemplar, query: best.query };
}

let browser: Browser;
let server: StaticServer;
let watched: WatchedPage;

beforeAll(async () => {
  server = await serveStatic(site, { prefix: sitePrefix(site) });
  browser = await launchBrowser();
  watched = await WatchedPage.open(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Types `query` into the search page's box and returns the site paths of the results shown. */
async function search(query: string): Promise<string[]> {
  const { problems } = await watched.visit(server.base + "/tim-kiem/");
  expect(problems).toEqual([]);
  const page = watched.page;
  const box = await page.waitForSelector('main input[type="search"], main [role="searchbox"], main input[name="q"]', { timeout: 10_000 });
  await box!.click();
  await page.keyboard.type(query, { delay: 10 });
  // Pagefind debounces and loads its index lazily; wait for result links to appear and settle.
  await page.waitForFunction(
    () => [...document.querySelectorAll("main a[href]")].some((a) => /\/dien-hinh\/[^/]+\/|\/ke-hoach\/|\/hoat-dong\//.test((a as HTMLAnchorElement).pathname) && a.closest("form, nav") === null),
    { timeout: 15_000 },
  );
  await watched.settle();
  const hrefs = await page.$$eval("main a[href]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
  expect(watched.takeProblems()).toEqual([]);
  return hrefs.map((href) => sitePath(href)).filter((p): p is string => p !== undefined);
}

describe("search (Pagefind)", () => {
  const exemplars = apiExemplars(site);
  const { exemplar, query } = pickQuery(exemplars);
  const target = exemplarPath(exemplar, site);

  it(`finds "${query}" typed with diacritics`, async () => {
    expect(await search(query)).toContain(target);
  });

  it(`finds "${plain(query)}" typed without diacritics`, async () => {
    expect(await search(plain(query))).toContain(target);
  });

  it("shows the result in correct Vietnamese: the title as written, the query's words marked with their diacritics", async () => {
    expect(await search(plain(query))).toContain(target);
    const shown = await watched.page.$$eval("main li", (items) =>
      items.map((li) => ({ href: li.querySelector("a")?.getAttribute("href") ?? "", title: li.querySelector("a")?.textContent ?? "", text: li.textContent ?? "", marks: [...li.querySelectorAll("mark")].map((m) => m.textContent ?? "") })),
    );
    const result = shown.find((r) => r.title === exemplar.title);
    expect(result, `a result titled "${exemplar.title}"`).toBeDefined();
    // đ is indexed as d + U+0335 (src/build/search.ts); the reader never sees the mark, always đ.
    expect(shown.filter((r) => /\u0335/.test(r.text))).toEqual([]);
    const marked = new Set(result!.marks.map((m) => words(m)[0]?.toLowerCase()));
    for (const w of words(query)) expect([...marked]).toContain(w.toLowerCase());
  });

  it("finds an exemplar by its subject's full name", async () => {
    const named = exemplars.find((e) => typeof e.subject?.name === "string" && e.subject.name.split(" ").length >= 3);
    expect(named, "an exemplar whose subject has a full name of three words or more").toBeDefined();
    expect(await search(named!.subject!.name!)).toContain(exemplarPath(named!, site));
  });
});
