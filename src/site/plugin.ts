// The Eleventy plugin: our TypeScript page templates only, the validated model as global data `gs`, assets, no template engine for content.
import { isNoindex, isSearchable } from "../render/markers.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ContentModel, Finding } from "../content/model.ts";
import { writeFile } from "node:fs/promises";
import { makeUrl, normalisePrefix } from "../paths/url.ts";
import { buildGlobals, type SiteGlobals } from "./globals.ts";
import { sitemapPaths, sitemapXml } from "./sitemap.ts";
import { streamedPages, writeStreamedPages, type PageStore, type StreamResult } from "./stream.ts";
import type { SiteSection } from "./section.ts";
import { sections as registeredSections } from "./sections/index.ts";
import { pageAssets, siteAssets, writeAssets, type AssetManifest } from "./assets.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Eleventy's input folder: our page templates, never the content tree. */
export const PAGES_DIR = path.join(here, "pages");
/** The only template format Eleventy is allowed to read: our TypeScript page modules. */
export const TEMPLATE_FORMATS = ["11ty.ts"];
/** Any other file in the pages folder is never a template, whatever its extension. */
const IGNORED_TEMPLATES = ["**/*.{md,markdown,html,htm,liquid,njk,hbs,mustache,ejs,pug,haml,11ty.js,11ty.cjs,11ty.mjs,json,yaml,yml}"];

/** Loads and validates a content tree; the build passes its own result instead. */
export type ContentLoader = (dir: string, options: { drafts: boolean }) => Promise<{ model: ContentModel; findings: Finding[] }>;

export interface GuongSangOptions {
  /** The validated model. When absent the plugin loads `contentDir` itself on every build. */
  model?: ContentModel;
  /** Content tree to load when no model is given (default `content`). */
  contentDir?: string;
  /** Loader used when no model is given (default: the validator's `loadContent`). */
  load?: ContentLoader;
  /** Called with the findings of each load (for `npm start` to print them). */
  onFindings?: (findings: Finding[]) => void;
  /**
   * When a reload finds errors, keep showing the last valid content instead of failing the build
   * (`npm start`: a typo while editing prints its findings and the server keeps running).
   */
  keepLastGoodModel?: boolean;
  /** Show drafts, marked "Bản nháp" (`--drafts`, `npm start`). */
  drafts?: boolean;
  /** The build's clock (tests pass a fixed one). */
  now?: Date;
  /** URL path the site is published under (default `/`). */
  pathPrefix?: string;
  /** Receives every written HTML page that marks content `data-pagefind-body` (the build indexes it). */
  onSearchablePage?: (url: string, html: string) => void;
  /** Sections to render (default: the barrel `src/site/sections/index.ts`). */
  sections?: readonly SiteSection[];
  /**
   * The build: write the bulk pages (exemplar pages, exemplar lists) outside Eleventy, one at a time, after
   * Eleventy's own pages (src/site/stream.ts); with `store`, unchanged pages of the previous output are not written
   * but listed in the result's `kept`, for the caller to keep.
   */
  stream?: { store?: PageStore; onResult?: (result: StreamResult) => void };
  /** The build cache folder: processed images are kept there between builds (src/site/images.ts). */
  cacheDir?: string;
}

/** Minimal typing of the Eleventy 3 configuration API we use. */
export interface EleventyConfig {
  addExtension(ext: string[], options: { key: string }): void;
  setTemplateFormats(formats: string[]): void;
  addTemplateFormats(formats: string[]): void;
  ignores: Set<string>;
  setFrontMatterParsingOptions(options: object): void;
  setDataFileSuffixes(suffixes: string[]): void;
  setUseGitIgnore(enabled: boolean): void;
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(target: string): void;
  on(event: string, listener: (arg: any) => unknown): void;
  addTransform(name: string, transform: (this: any, content: string) => string): void;
  setQuietMode(quiet: boolean): void;
  directories: { output: string; input: string };
  [key: string]: unknown;
}

function refuseFrontMatterEngine(language: string) {
  return () => {
    throw new Error(`Front matter "---${language}" is not allowed: only YAML front matter is read.`);
  };
}

/** Thrown when content loaded by the plugin itself has errors (direct `eleventy` use). */
export class ContentErrorsError extends Error {
  constructor(readonly findings: Finding[]) {
    super(`Nội dung có ${findings.filter((f) => f.severity === "error").length} lỗi; sửa rồi chạy lại.`);
  }
}

async function defaultLoad(dir: string, options: { drafts: boolean }) {
  const { loadContent } = await import("../content/load.ts");
  return loadContent(dir, options);
}

/** The plugin. `.eleventy.js` adds it without options; the build passes the validated model. */
export default function guongSang(eleventyConfig: EleventyConfig, options: GuongSangOptions = {}): void {
  const drafts = options.drafts ?? false;
  const sections = options.sections ?? registeredSections;
  const pathPrefix = options.pathPrefix ?? "/";

  // Our page templates are TypeScript modules with the 11ty.js contract (tsx provides the loader).
  // Eleventy reads template formats before plugins run, so the caller restricts them to
  // TEMPLATE_FORMATS (see runEleventy and .eleventy.js); here we add ours and ignore every other kind.
  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats(TEMPLATE_FORMATS);
  for (const glob of IGNORED_TEMPLATES) eleventyConfig.ignores.add(glob);
  // Nothing Eleventy reads may carry executable front matter or data files.
  eleventyConfig.setFrontMatterParsingOptions({
    language: "yaml",
    engines: {
      javascript: refuseFrontMatterEngine("javascript"),
      js: refuseFrontMatterEngine("js"),
      jsLegacy: refuseFrontMatterEngine("js"),
      json: refuseFrontMatterEngine("json"),
    },
  });
  eleventyConfig.setDataFileSuffixes([]);
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.setQuietMode(true);

  // The stylesheet, scripts, icon and fonts under content-hashed names (src/site/assets.ts), read afresh each build.
  let assets: AssetManifest | undefined;

  let model = options.model;
  const contentDir = path.resolve(options.contentDir ?? "content");
  if (!model) eleventyConfig.addWatchTarget(contentDir);

  if (options.onSearchablePage) {
    const onPage = options.onSearchablePage;
    eleventyConfig.addTransform("gs-search", function (this: { page: { url: string | false; outputPath: string | false } }, content: string) {
      const { url, outputPath } = this.page;
      if (typeof url === "string" && typeof outputPath === "string" && outputPath.endsWith(".html") && isSearchable(content)) onPage(url, content);
      return content;
    });
  }

  let globals: SiteGlobals | undefined;
  // The sitemap lists what Eleventy actually wrote, so every section's pages (all pagination pages
  // included, which `collections.all` would not give) are in it without any template opting in.
  eleventyConfig.on("eleventy.after", async ({ results }: { results: { url?: string | false; content?: string }[] }) => {
    if (!globals) return;
    const out = path.resolve(eleventyConfig.directories.output);
    if (assets) await writeAssets(assets, out);
    // Pages that ask not to be indexed (print pages of PDFs) stay out of the sitemap too.
    const listed: (string | false | undefined)[] = results.filter((r) => !(r.content && isNoindex(r.content))).map((r) => r.url);
    if (options.stream) {
      const streamed = await writeStreamedPages(globals, out, streamedPages(globals), { store: options.stream.store, onSearchablePage: options.onSearchablePage });
      listed.push(...streamed.listed);
      options.stream.onResult?.(streamed);
    }
    await writeFile(path.join(out, "sitemap.xml"), sitemapXml(sitemapPaths(listed), (p) => globals!.absoluteUrl(p)));
  });

  eleventyConfig.addGlobalData("gs", async (): Promise<SiteGlobals> => {
    if (!options.model) {
      const load = options.load ?? defaultLoad;
      const result = await load(contentDir, { drafts });
      options.onFindings?.(result.findings);
      if (!result.findings.some((f) => f.severity === "error")) model = result.model;
      else if (!(options.keepLastGoodModel && model)) throw new ContentErrorsError(result.findings);
    }
    assets = siteAssets();
    const manifest = assets;
    globals = await buildGlobals(model as ContentModel, sections, {
      assets: pageAssets(manifest, makeUrl(normalisePrefix(pathPrefix))),
      drafts,
      now: options.now ?? new Date(),
      pathPrefix,
      outputDir: path.resolve(eleventyConfig.directories.output),
      streamed: Boolean(options.stream),
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    });
    return globals;
  });
}
