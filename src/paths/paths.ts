// Every public URL of the site, in one place: the site paths pages are written to and linked by (before the path
// prefix, which `url.ts` adds), and the path segments the site uses for its own pages, which no content slug may take.
// Change a URL here and nowhere else. Imports only src/vi, so the validator can refuse reserved slugs.
import { type Quarter, quarterSlug } from "../vi/quarter.ts";
import { slugify } from "../vi/text.ts";

/** The sections' list pages, as the navigation links them. */
export const SECTION_PATHS = {
  exemplars: "/dien-hinh/",
  plans: "/ke-hoach/",
  activities: "/hoat-dong/",
  bulletins: "/ban-tin/",
  reports: "/bao-cao/",
  loudspeaker: "/loa/",
  calendar: "/lich/",
  search: "/tim-kiem/",
} as const;

/** Single files and assets the pages link to. */
export const FILE_PATHS = {
  home: "/",
  feed: "/feed.xml",
  calendarIcs: "/lich.ics",
  exemplarsApi: "/api/exemplars.json",
  /** The site's own summary for aggregators. */
  siteApi: "/api/site.json",
  /** The filter script's index of every exemplar's facets. */
  exemplarIndex: "/dien-hinh/chi-muc.json",
  sitemap: "/sitemap.xml",
  notFound: "/404.html",
  /**
   * The site's own assets, by their source names. Readers get them under content-hashed names
   * (`hashedAssetPath`): pages link them through `gs.assets.url`, never by these paths.
   */
  siteCss: "/assets/site.css",
  icon: "/assets/icon.svg",
  filterScript: "/assets/filter.js",
  searchScript: "/assets/search.js",
  /** The site's web fonts (Be Vietnam Pro, Noto Serif), hashed like the other assets. */
  fonts: "/assets/fonts/",
  pagefind: "/pagefind/pagefind.js",
  /** Responsive exemplar images. */
  images: "/img/",
  /** Images sized for print. */
  printImages: "/img/in/",
  /** Noto Serif for print pages. */
  printFonts: "/assets/print/fonts/",
} as const;

/**
 * The long-lived name of an asset: its content hash before the extension (`/assets/site.css` with hash
 * `0123abcd` → `/assets/site.0123abcd.css`). A changed file gets a new name, so hosts may cache names forever.
 */
export function hashedAssetPath(path: string, hash: string): string {
  if (!/^[0-9a-f]{8}$/.test(hash)) throw new Error(`Asset hash must be 8 hex digits: ${hash}`);
  const dot = path.lastIndexOf(".");
  if (dot <= path.lastIndexOf("/")) throw new Error(`Asset path without extension: ${path}`);
  return `${path.slice(0, dot)}.${hash}${path.slice(dot)}`;
}

/** The filters of the exemplar list, in the order the filter bar shows them. */
export type FacetDimension = "kind" | "unit" | "ward" | "field" | "year";

/** URL segment of each filter: `/dien-hinh/loai/ca-nhan/`. */
export const FACET_SEGMENTS: Readonly<Record<FacetDimension, string>> = {
  kind: "loai",
  unit: "don-vi",
  ward: "phuong",
  field: "linh-vuc",
  year: "nam",
};

/** The segment of a list's second and later pages: `/dien-hinh/trang-2/`. */
export const PAGE_SEGMENT_PREFIX = "trang-";
/** The segment of a print page under the page it prints: `/ban-tin/2019-01/in/`. */
export const PRINT_SEGMENT = "in";

export function exemplarPath(slug: string): string {
  return `${SECTION_PATHS.exemplars}${slug}/`;
}

export function planPath(slug: string): string {
  return `${SECTION_PATHS.plans}${slug}/`;
}

/** A plan's page and its Word file. */
export function planPaths(slug: string): { page: string; docx: string } {
  return { page: planPath(slug), docx: `${SECTION_PATHS.plans}${slug}.docx` };
}

/** The anchor of one activity on the activities page (`hd-<slug>`). */
export function activityAnchor(slug: string): string {
  return `hd-${slug}`;
}

/** One year's activities (the year of their date in Vietnam): `/hoat-dong/<yyyy>/`. */
export function activityYearPath(year: number): string {
  return `${SECTION_PATHS.activities}${year}/`;
}

/** An activity's place on its year's page: `/hoat-dong/<yyyy>/#hd-<slug>`. */
export function activityPath(slug: string, year: number): string {
  return `${activityYearPath(year)}#${activityAnchor(slug)}`;
}

/** An export schema published beside the exports (`/api/schemas/<file>`). */
export function apiSchemaPath(file: string): string {
  return `/api/schemas/${file}`;
}

/** A filter page of the exemplar list. The kind filter reads its label (`ca-nhan`); the others use ids. */
export function facetPath(dimension: FacetDimension, id: string, label: string): string {
  return `${SECTION_PATHS.exemplars}${FACET_SEGMENTS[dimension]}/${dimension === "kind" ? slugify(label) : id}/`;
}

/** Page `n` (1-based) of a paginated list whose first page is `base`. */
export function listPagePath(base: string, n: number): string {
  return n === 1 ? base : `${base}${PAGE_SEGMENT_PREFIX}${n}/`;
}

/** A bulletin issue's id and file name (without `.md`): `<yyyy>-<nn>`, the number zero-padded to two digits. */
export function bulletinId(year: number, number: number): string {
  return `${year}-${String(number).padStart(2, "0")}`;
}

/** The page, print page, PDF and Word file of one bulletin issue (`<yyyy>-<nn>`). */
export function bulletinPaths(id: string): { page: string; print: string; pdf: string; docx: string } {
  const base = SECTION_PATHS.bulletins;
  return { page: `${base}${id}/`, print: `${base}${id}/${PRINT_SEGMENT}/`, pdf: `${base}${id}.pdf`, docx: `${base}${id}.docx` };
}

/** The URLs of one period's report: its page, print page and the files it is published as. */
export interface ReportPaths {
  page: string;
  print: string;
  json: string;
  csv: string;
  pdf: string;
  docx: string;
}

function reportPaths(slug: string): ReportPaths {
  const base = SECTION_PATHS.reports;
  return {
    page: `${base}${slug}/`,
    print: `${base}${slug}/${PRINT_SEGMENT}/`,
    json: `${base}${slug}.json`,
    csv: `${base}${slug}.csv`,
    pdf: `${base}${slug}.pdf`,
    docx: `${base}${slug}.docx`,
  };
}

/** The URLs of one quarter's report (`/bao-cao/2019-q1/`…). */
export function quarterReportPaths(q: Quarter): ReportPaths {
  return reportPaths(quarterSlug(q));
}

/** The URLs of one year's report (`/bao-cao/2019/`…). */
export function yearReportPaths(year: number): ReportPaths {
  return reportPaths(String(year));
}

export function yearReportPath(year: number): string {
  return yearReportPaths(year).page;
}

/** A quarter's loudspeaker page: `/loa/2019-q2/`. */
export function loudspeakerQuarterPath(q: Quarter): string {
  return `${SECTION_PATHS.loudspeaker}${quarterSlug(q)}/`;
}

/**
 * A ward's script for a quarter, or for one scheduled broadcast: the page (`/loa/2019-q2/<ward>/` or
 * `/loa/2019-q2/<ward>/<activity>/`) and its plain text (`… .txt` beside it).
 */
export function loudspeakerScriptPaths(q: Quarter, ward: string, activity?: string): { page: string; text: string } {
  const base = `${SECTION_PATHS.loudspeaker}${quarterSlug(q)}/${ward}`;
  const path = activity ? `${base}/${activity}` : base;
  return { page: `${path}/`, text: `${path}.txt` };
}

/**
 * Path segments the site uses for its own pages: a content slug equal to one of them would make a page the
 * site already writes (an exemplar `loai` would be `/dien-hinh/loai/`, the kind filters' folder). Derived from
 * the routes above, never listed by hand.
 */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  ...Object.values(FACET_SEGMENTS),
  ...Object.values(SECTION_PATHS).map((p) => p.split("/")[1] as string),
  ...[...Object.values(FILE_PATHS)].map((p) => p.split("/")[1] as string).filter(Boolean),
  PRINT_SEGMENT,
]);

const PAGE_SEGMENT = new RegExp(`^${PAGE_SEGMENT_PREFIX}\\d+$`);

/** True for `trang-2`, `trang-10`…: a list's later pages. */
export function isPageSegment(segment: string): boolean {
  return PAGE_SEGMENT.test(segment);
}

/**
 * The page readers open for a content file of each type. Activities are listed on the page of their year: `year`
 * is that year (the folder's, which the validator checks against the date); without it, the activities page.
 */
export function entryPagePath(type: "exemplar" | "plan" | "activity" | "bulletin", slug: string, year?: number): string {
  switch (type) {
    case "exemplar":
      return exemplarPath(slug);
    case "plan":
      return planPath(slug);
    case "activity":
      return year === undefined ? SECTION_PATHS.activities : activityYearPath(year);
    case "bulletin":
      return bulletinPaths(slug).page;
  }
}
