// Every URL of the city section, in one place: site paths (from "/"), made into links with the path prefix by `url`.
import { slugify } from "../vi/text.ts";

export type Dimension = "source" | "kind" | "field" | "year";

/** The URL segment of each filter dimension. */
export const DIMENSION_SEGMENTS: Readonly<Record<Dimension, string>> = { source: "don-vi", kind: "loai", field: "linh-vuc", year: "nam" };

export const PATHS = {
  home: "/",
  exemplars: "/dien-hinh/",
  reports: "/bao-cao/",
  search: "/tim-kiem/",
  notFound: "/404.html",
  stylesheet: "/assets/site.css",
  cityStylesheet: "/assets/tong-hop.css",
  searchScript: "/assets/tim-kiem.js",
  icon: "/assets/icon.svg",
  fonts: "/assets/fonts/",
  schemas: "/api/schemas/",
  pagefind: "/pagefind/",
} as const;

/** Page `n` (1-based) of a list whose first page is `base`. */
export function pagePath(base: string, n: number): string {
  return n <= 1 ? base : `${base}trang-${n}/`;
}

/** A filter page: `/dien-hinh/loai/ca-nhan/`. `value` is the id (kind: its label, slugified as the unit sites do). */
export function filterPath(dimension: Dimension, value: string): string {
  return `${PATHS.exemplars}${DIMENSION_SEGMENTS[dimension]}/${slugify(value)}/`;
}

export function quarterPath(period: string): { page: string; json: string } {
  const slug = period.toLowerCase();
  return { page: `${PATHS.reports}${slug}/`, json: `${PATHS.reports}${slug}.json` };
}

export function yearPath(year: string): { page: string; json: string } {
  return { page: `${PATHS.reports}${year}/`, json: `${PATHS.reports}${year}.json` };
}

/** Where a copied local source's search index goes (same origin as the city section). */
export function sourceIndexPath(id: string): string {
  return `/nguon/${id}/pagefind/`;
}

/** `/dien-hinh/` → `/tong-hop/dien-hinh/` under a path prefix. */
export function makeUrl(prefix: string): (sitePath: string) => string {
  const p = `/${prefix.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  return (sitePath) => p + sitePath.replace(/^\/+/, "");
}

/** The file a site path is written to: `/dien-hinh/` → `dien-hinh/index.html`. */
export function fileOf(sitePath: string): string {
  const rel = sitePath.replace(/^\/+/, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}
