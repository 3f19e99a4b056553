// The global data every page template receives as `gs`: the validated model, each section's data, navigation and URL helpers.
import type { ContentModel, SiteConfig } from "../content/model.ts";
import type { SiteContext, SiteSection } from "./section.ts";
import { absoluteUrl, makeUrl, normalisePrefix } from "../paths/url.ts";
import { SECTION_PATHS } from "../paths/paths.ts";
import type { PageAssets } from "./page-assets.ts";

export interface NavItem {
  /** Site path, e.g. `/dien-hinh/`. */
  path: string;
  label: string;
}

/** Every section in the navigation, including those whose pages other sections add. */
export const NAV: readonly NavItem[] = [
  { path: SECTION_PATHS.exemplars, label: "Điển hình" },
  { path: SECTION_PATHS.plans, label: "Kế hoạch" },
  { path: SECTION_PATHS.activities, label: "Hoạt động" },
  { path: SECTION_PATHS.bulletins, label: "Bản tin" },
  { path: SECTION_PATHS.reports, label: "Báo cáo" },
  { path: SECTION_PATHS.loudspeaker, label: "Loa truyền thanh" },
  { path: SECTION_PATHS.calendar, label: "Lịch" },
  { path: SECTION_PATHS.search, label: "Tìm kiếm" },
];

/**
 * `gs`. A class instance rather than a plain object on purpose: Eleventy deep-merges plain
 * objects in its data cascade, and copying a 10,000-entry model per template would be slow.
 */
export class SiteGlobals {
  readonly site: SiteConfig;
  readonly nav = NAV;
  readonly pathPrefix: string;
  /** Site path → URL readers follow (adds the path prefix). */
  readonly url: (path: string) => string;
  /** The inlined stylesheet, hashed asset URLs and preloaded fonts every page's <head> uses (src/site/assets.ts). */
  assets!: PageAssets;
  /** True when the build writes the bulk pages itself (src/site/stream.ts): their Eleventy templates then yield none. */
  streamed = false;

  constructor(
    readonly model: ContentModel,
    /** Each section's data by section id. */
    readonly sections: Record<string, unknown>,
    readonly drafts: boolean,
    readonly now: Date,
    pathPrefix: string,
  ) {
    this.site = model.site;
    this.pathPrefix = normalisePrefix(pathPrefix);
    this.url = makeUrl(this.pathPrefix);
  }

  /** Absolute URL on the published site (`site.baseUrl`), for feeds, sitemaps and calendars. */
  absoluteUrl(path: string): string {
    return absoluteUrl(this.site.baseUrl, path);
  }

  /** A section's data, typed by the caller (`gs.section<PortalData>("portal")`). */
  section<T>(id: string): T {
    if (!(id in this.sections)) throw new Error(`Section "${id}" is not registered in src/site/sections/index.ts`);
    return this.sections[id] as T;
  }
}

export interface GlobalsOptions {
  drafts: boolean;
  now: Date;
  pathPrefix: string;
  outputDir?: string;
  /** The build cache folder, for sections that keep work between builds. */
  cacheDir?: string;
  /** The build streams the bulk pages itself (sets `gs.streamed`). */
  streamed?: boolean;
  /** Derive each section's data when a page first reads it, not at once (the dev server: an edit then costs only what the page shown needs). */
  lazy?: boolean;
  /** The pages' assets; by default read from the sources (src/site/assets.ts). */
  assets?: PageAssets;
}

/**
 * Node-only module, imported by a name esbuild does not follow: this file is also bundled into the editor's
 * preview (for `NAV`), which never builds globals.
 */
const ASSETS_MODULE = "./assets.ts";

/** Runs every section's `prepare()` and `data()` once (or `data()` on first read when `lazy`) and assembles `gs`. */
export async function buildGlobals(
  model: ContentModel,
  sections: readonly SiteSection[],
  options: GlobalsOptions,
): Promise<SiteGlobals> {
  const ctx: SiteContext = { model, drafts: options.drafts, now: options.now, outputDir: options.outputDir, ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}) };
  const ids = new Set<string>();
  for (const section of sections) {
    if (ids.has(section.id)) throw new Error(`Two sections share the id "${section.id}"`);
    ids.add(section.id);
  }
  // One after the other, in registration order (a section may rely on an earlier one's files).
  const prepared: unknown[] = [];
  for (const section of sections) prepared.push(await section.prepare?.(ctx));
  const data: Record<string, unknown> = {};
  sections.forEach((section, i) => {
    const derive = () => section.data?.(ctx, prepared[i]);
    if (!options.lazy) {
      data[section.id] = derive();
      return;
    }
    let value: unknown;
    let done = false;
    Object.defineProperty(data, section.id, {
      enumerable: true,
      get() {
        if (!done) {
          value = derive();
          done = true;
        }
        return value;
      },
    });
  });
  const gs = new SiteGlobals(model, data, options.drafts, options.now, options.pathPrefix);
  gs.streamed = options.streamed ?? false;
  if (options.assets) gs.assets = options.assets;
  else {
    const { pageAssets, siteAssets } = (await import(ASSETS_MODULE)) as typeof import("./assets.ts");
    gs.assets = pageAssets(siteAssets(), gs.url);
  }
  return gs;
}

/** Every PDF job of every section. */
export function collectPdfJobs(model: ContentModel, sections: readonly SiteSection[], options: GlobalsOptions) {
  const ctx: SiteContext = { model, drafts: options.drafts, now: options.now, outputDir: options.outputDir };
  return sections.flatMap((s) => s.pdfJobs?.(ctx) ?? []);
}
