// The built sample site for end-to-end tests: where it is, which pages it has, and one page of each type.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { inject } from "vitest";

let built: string | undefined;

/**
 * The folder of the built sample site, which `test/global-setup.ts` builds once per run and provides
 * as `siteDir` (or takes from `GUONG_SANG_SITE` to test an existing build).
 */
export function siteDir(): string {
  if (built !== undefined) return built;
  const dir = inject("siteDir");
  if (typeof dir !== "string" || dir === "") throw new Error("no built site: test/global-setup.ts provides siteDir");
  if (!existsSync(join(dir, "index.html"))) throw new Error(`the built site ${dir} has no index.html`);
  return (built = dir);
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL path a reader uses for a built HTML file: `dien-hinh/index.html` → `/dien-hinh/`. */
export function urlPathOf(file: string): string {
  return "/" + file.replace(/(^|\/)index\.html$/, "$1");
}

/** Every HTML page of the built site as URL paths, except Pagefind's own files. */
export function htmlPages(dir: string = siteDir()): string[] {
  return listFiles(dir)
    .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"))
    .map(urlPathOf);
}

export interface ApiExemplar {
  /** Absolute URL on the published site. */
  url: string;
  /** Path inside the site, when the API gives it. */
  path?: string;
  slug?: string;
  title: string;
  kind?: string;
  unit?: string;
  ward?: string;
  field?: string;
  date?: string;
  subject?: { name?: string };
  [key: string]: unknown;
}

/** `/api/exemplars.json`, whatever its wrapping (a bare array or `{ exemplars: [...] }`). */
export function apiExemplars(dir: string = siteDir()): ApiExemplar[] {
  const data = JSON.parse(readFileSync(join(dir, "api", "exemplars.json"), "utf8")) as unknown;
  const list = Array.isArray(data) ? data : (data as { exemplars?: unknown }).exemplars;
  if (!Array.isArray(list)) throw new Error("/api/exemplars.json holds no list of exemplars");
  return list as ApiExemplar[];
}

/** A site URL (absolute or path) as a path inside the site, or undefined when it points elsewhere (another host, or outside the path prefix). */
export function sitePath(url: string): string | undefined {
  const parsed = new URL(url, "http://127.0.0.1/");
  const prefix = sitePrefix();
  if (parsed.hostname !== "127.0.0.1" || !parsed.pathname.startsWith(prefix)) return undefined;
  return parsed.pathname.slice(prefix.length - 1);
}

/** The path prefix the built site was built for, from its published base (`/guong-sang/`); tests serve it there. */
export function sitePrefix(dir: string = siteDir()): string {
  return new URL(publishedBase(dir)).pathname;
}

function sitemapLocs(dir: string): string[] {
  const xml = readFileSync(join(dir, "sitemap.xml"), "utf8");
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

/** The published site's base URL (e.g. `https://example.vn/guong-sang/`): the shortest URL in the sitemap, the home page. */
export function publishedBase(dir: string = siteDir()): string {
  const home = sitemapLocs(dir).sort((a, b) => a.length - b.length)[0];
  if (home === undefined) throw new Error("sitemap.xml lists no page");
  return home;
}

/** A URL on the published site (`https://example.vn/guong-sang/dien-hinh/x/`) as a path in the built tree (`/dien-hinh/x/`). */
export function publishedToSitePath(url: string, dir: string = siteDir()): string {
  const base = publishedBase(dir);
  if (!url.startsWith(base)) throw new Error(`${url} is not under the published base ${base}`);
  return "/" + url.slice(base.length);
}

/** The path of an exemplar's page in the built tree. */
export function exemplarPath(e: ApiExemplar, dir: string = siteDir()): string {
  // The API's `path` is the URL path readers follow, with the site's path prefix (`/guong-sang/dien-hinh/x/`).
  if (typeof e.path !== "string") return publishedToSitePath(e.url, dir);
  const prefix = sitePrefix(dir);
  if (!e.path.startsWith(prefix)) throw new Error(`${e.path} is not under the site's path prefix ${prefix}`);
  return e.path.slice(prefix.length - 1);
}

/** The pages `sitemap.xml` lists, as paths in the built tree. */
export function sitemapPaths(dir: string = siteDir()): string[] {
  return sitemapLocs(dir).map((loc) => publishedToSitePath(loc, dir));
}

export interface PageType {
  /** A short English name for test titles. */
  name: string;
  path: string;
}

/**
 * One page of each type, found in the built tree rather than hard-coded (the first in path order); each
 * type must exist.
 */
export function pageTypes(dir: string = siteDir()): PageType[] {
  const pages = new Set(htmlPages(dir));
  const exemplarPaths = new Set(apiExemplars(dir).map((e) => exemplarPath(e, dir)));
  const firstUnder = (prefix: string, test: (p: string) => boolean = () => true): string | undefined =>
    [...pages].filter((p) => p.startsWith(prefix) && p !== prefix && test(p)).sort()[0];
  const required = (name: string, path: string | undefined): PageType => {
    if (path === undefined || !pages.has(path)) throw new Error(`the built site has no ${name} page (${path ?? "none found"})`);
    return { name, path };
  };

  const exemplar = [...exemplarPaths].sort()[0];
  const facet = firstUnder("/dien-hinh/", (p) => !exemplarPaths.has(p));
  const plan = [...pages].find((p) => p.startsWith("/ke-hoach/") && p !== "/ke-hoach/" &&
    readFileSync(join(dir, p.slice(1), "index.html"), "utf8").includes("08-KH/BTG"));

  const types: PageType[] = [
    required("home", "/"),
    required("exemplar list", "/dien-hinh/"),
    required("exemplar facet", facet),
    required("exemplar", exemplar),
    required("plan list", "/ke-hoach/"),
    required("plan 08-KH/BTG", plan),
    required("activities", "/hoat-dong/"),
    required("activities of a year", firstUnder("/hoat-dong/", (p) => /^\/hoat-dong\/\d{4}\/$/.test(p))),
    required("calendar", "/lich/"),
    required("search", "/tim-kiem/"),
    required("not found", "/404.html"),
    required("bulletin archive", "/ban-tin/"),
    required("bulletin issue", firstUnder("/ban-tin/", (p) => /^\/ban-tin\/\d{4}-\d{2}\/$/.test(p))),
    required("report index", "/bao-cao/"),
    required("quarter report", firstUnder("/bao-cao/", (p) => /^\/bao-cao\/\d{4}-q[1-4]\/$/.test(p))),
    required("year report", firstUnder("/bao-cao/", (p) => /^\/bao-cao\/\d{4}\/$/.test(p))),
    required("loudspeaker index", "/loa/"),
    required("loudspeaker quarter", firstUnder("/loa/", (p) => /^\/loa\/\d{4}-q[1-4]\/$/.test(p))),
    required("loudspeaker script", firstUnder("/loa/", (p) => /^\/loa\/\d{4}-q[1-4]\/[^/]+\/$/.test(p))),
  ];
  return types;
}
