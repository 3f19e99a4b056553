// Link check over every HTML page of the built site: internal links, anchors and assets all resolve; external links are listed, never fetched.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { htmlPages, listFiles, siteDir, sitemapPaths, sitePrefix } from "../helpers/site.ts";

const site = siteDir();
/** A stand-in origin: pages are parsed, not loaded, so nothing is fetched. */
const ORIGIN = "http://127.0.0.1:9";
/** The path prefix the site was built for (`/guong-sang/` for a GitHub project site): pages live under it. */
const PREFIX = sitePrefix(site);
/** Where a page of the built tree (`/dien-hinh/`) is on the stand-in origin. */
const at = (sitePathname: string): string => ORIGIN + PREFIX + sitePathname.replace(/^\//, "");

interface Ref { attr: string; value: string }
interface Parsed { path: string; ids: string[]; refs: Ref[]; noindex: boolean }

let browser: Browser;
let page: Page;
let parsed: Map<string, Parsed>;

/** Parses pages with the browser's own HTML parser (DOMParser: no script runs, nothing loads). */
async function parsePages(paths: string[]): Promise<Parsed[]> {
  const out: Parsed[] = [];
  for (let i = 0; i < paths.length; i += 100) {
    const batch = paths.slice(i, i + 100).map((path) => {
      const file = join(site, path.endsWith("/") ? path + "index.html" : path);
      return { path, html: readFileSync(file, "utf8") };
    });
    out.push(...(await page.evaluate((pages: { path: string; html: string }[]) => {
      const parser = new DOMParser();
      const selectors: [string, string][] = [
        ["a[href]", "href"], ["area[href]", "href"], ["link[href]", "href"], ["img[src]", "src"], ["img[srcset]", "srcset"],
        ["source[src]", "src"], ["source[srcset]", "srcset"], ["script[src]", "src"], ["iframe[src]", "src"],
        ["video[src]", "src"], ["video[poster]", "poster"], ["audio[src]", "src"], ["track[src]", "src"],
        ["object[data]", "data"], ["form[action]", "action"], ["use[href]", "href"],
      ];
      return pages.map(({ path, html }) => {
        const doc = parser.parseFromString(html, "text/html");
        const ids = [...doc.querySelectorAll("[id]")].map((el) => el.id)
          .concat([...doc.querySelectorAll("a[name]")].map((el) => el.getAttribute("name") ?? ""));
        const refs: { attr: string; value: string }[] = [];
        for (const [selector, attr] of selectors) {
          for (const el of doc.querySelectorAll(selector)) {
            const raw = el.getAttribute(attr) ?? "";
            const values = attr === "srcset" ? raw.split(",").map((part) => part.trim().split(/\s+/)[0] ?? "").filter(Boolean) : [raw];
            for (const value of values) refs.push({ attr: `${el.tagName.toLowerCase()}[${attr}]`, value });
          }
        }
        const noindex = /noindex/i.test(doc.querySelector('meta[name="robots"]')?.getAttribute("content") ?? "");
        return { path, ids, refs, noindex };
      });
    }, batch)));
  }
  return out;
}

const files = new Set(listFiles(site));

/** Where a URL path (`/guong-sang/dien-hinh/`) lands in the built tree, or why it does not. */
function target(urlPath: string): { file?: string; error?: string } {
  if (!urlPath.startsWith(PREFIX)) return { error: `outside the site's path prefix ${PREFIX}` };
  const pathname = urlPath.slice(PREFIX.length - 1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { error: "bad percent-encoding" };
  }
  const rel = decoded.replace(/^\//, "");
  if (decoded.endsWith("/")) {
    return files.has(rel + "index.html") ? { file: rel + "index.html" } : { error: "no such page" };
  }
  if (files.has(rel)) return { file: rel };
  if (existsSync(join(site, rel)) && statSync(join(site, rel)).isDirectory()) return { error: "folder linked without its trailing slash" };
  return { error: "no such file" };
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setJavaScriptEnabled(true);
  parsed = new Map((await parsePages(htmlPages(site))).map((p) => [p.path, p]));
});
afterAll(async () => {
  await browser?.close();
});

describe("links over every page of the built site", () => {
  it("parses every HTML page", () => {
    expect(parsed.size).toBe(htmlPages(site).length);
    expect(parsed.size).toBeGreaterThan(10);
  });

  it("finds no broken internal link, anchor or missing asset; lists external links without fetching them", () => {
    // Broken references grouped by what they point at, so one missing file is one line, with where it is used.
    const broken = new Map<string, string[]>();
    const report = (path: string, attr: string, value: string, reason: string): void => {
      const key = `${attr}="${value}" → ${reason}`;
      broken.set(key, [...(broken.get(key) ?? []), path]);
    };
    const external = new Map<string, number>();
    for (const { path, refs } of parsed.values()) {
      for (const { attr, value } of refs) {
        if (value.trim() === "") {
          report(path, attr, value, "empty");
          continue;
        }
        let url: URL;
        try {
          url = new URL(value, at(path));
        } catch {
          report(path, attr, value, "not a URL");
          continue;
        }
        if (url.origin !== ORIGIN) {
          if (url.protocol === "http:" || url.protocol === "https:") external.set(url.host, (external.get(url.host) ?? 0) + 1);
          else if (!["mailto:", "tel:", "data:"].includes(url.protocol)) report(path, attr, value, `unsafe or unknown scheme ${url.protocol}`);
          continue;
        }
        const { file, error } = target(url.pathname);
        if (error !== undefined) {
          report(path, attr, value, error);
          continue;
        }
        const fragment = url.hash.slice(1);
        if (fragment !== "" && fragment !== "top" && file!.endsWith(".html")) {
          const ids = parsed.get("/" + file!.replace(/(^|\/)index\.html$/, "$1"))?.ids ?? [];
          let id = fragment;
          try { id = decodeURIComponent(fragment); } catch { /* keep raw */ }
          if (!ids.includes(id)) report(path, attr, value, `no element with id "${id}"`);
        }
      }
    }
    if (external.size > 0) {
      const hosts = [...external].sort((a, b) => b[1] - a[1]).map(([host, n]) => `${host} (${n})`);
      console.info(`external links (not fetched): ${hosts.join(", ")}`);
    }
    const lines = [...broken].map(([key, pages]) => `${key} — on ${pages.length} page(s): ${pages.slice(0, 3).join(", ")}${pages.length > 3 ? ", …" : ""}`);
    expect(lines).toEqual([]);
  });

  it("gives every element id once per page", () => {
    const duplicates: string[] = [];
    for (const { path, ids } of parsed.values()) {
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id)) duplicates.push(`${path}: #${id}`);
        seen.add(id);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it("finds every asset a stylesheet refers to", () => {
    const missing: string[] = [];
    for (const css of [...files].filter((f) => f.endsWith(".css") && !f.startsWith("pagefind/"))) {
      const text = readFileSync(join(site, css), "utf8");
      for (const match of text.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
        const value = match[2] ?? match[4] ?? "";
        if (value.startsWith("data:") || value.startsWith("#")) continue;
        const url = new URL(value, at(css));
        if (url.origin !== ORIGIN) {
          missing.push(`${css}: ${value} → another host (the site must not load anything from elsewhere)`);
          continue;
        }
        const { error } = target(url.pathname);
        if (error !== undefined) missing.push(`${css}: ${value} → ${error}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("lists in sitemap.xml only pages that exist, and every page not marked noindex", () => {
    const listed = sitemapPaths(site);
    expect(listed.filter((p) => target(new URL(at(p)).pathname).error !== undefined)).toEqual([]);
    const pages = [...parsed.values()].filter((p) => !p.noindex && p.path !== "/404.html").map((p) => p.path);
    expect(pages.filter((p) => !listed.includes(p))).toEqual([]);
  });
});
