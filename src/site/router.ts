// Every page of the site by its path, rendered on request from `gs`: the route the dev server uses (src/build/dev.ts).
//
// The pages are the same modules the build gives Eleventy (src/site/pages/**/*.11ty.ts) and the same bulk families the
// build streams (src/site/families.ts), read by one rule: a family's members through `member()`, any other template
// through its own `data` (a permalink, or a pagination of size 1 over a path into `gs`, Eleventy's contract as our
// templates use it) and its own `render`. Nothing is rendered until a path is asked for, and a template's paths are
// worked out only when no earlier template had the path, so showing one exemplar does not derive the reports.
// test/site/router.test.ts proves that every route renders the very bytes the build writes.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { SiteGlobals } from "./globals.ts";
import { PAGE_FAMILIES } from "./families.ts";
import type { PageFamily } from "./family.ts";
import { PAGES_DIR } from "./plugin.ts";
import { outputFile } from "./stream.ts";

/** What a template's `render` may return: text, or bytes (Word files), possibly later. */
export type Rendered = string | Uint8Array;

export interface Route {
  /** The output file under the site folder, `dien-hinh/x/index.html`. */
  file: string;
  render(): Promise<Rendered>;
  /** The content file the page shows, when there is one (named if rendering fails). */
  source?: string;
}

interface Pagination {
  data: string;
  size: number;
  alias: string;
}

/** A page module as Eleventy reads it (`*.11ty.ts`). */
export interface TemplateModule {
  data?: { permalink?: string | ((d: Record<string, unknown>) => string); pagination?: Pagination; [key: string]: unknown };
  render(data: Record<string, unknown>): Rendered | Promise<Rendered>;
  family?: PageFamily<unknown>;
}

/** Every template file under the pages folder, sorted (relative paths). */
export function templateFiles(dir: string = PAGES_DIR): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".11ty.ts"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

/** Loads the templates that are not bulk families (those are routed through the registry). */
export async function loadTemplates(dir: string = PAGES_DIR): Promise<{ file: string; module: TemplateModule }[]> {
  const families = new Set<unknown>(PAGE_FAMILIES);
  const loaded = await Promise.all(templateFiles(dir).map(async (file) => ({ file, module: (await import(pathToFileURL(path.join(dir, file)).href)) as TemplateModule })));
  return loaded.filter(({ module }) => !(module.family && families.has(module.family)));
}

/** `a.b.c` of an object, as Eleventy resolves a pagination's `data`. */
function at(data: Record<string, unknown>, dotted: string): unknown {
  let value: unknown = data;
  for (const key of dotted.split(".")) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
  return value;
}

/** A request path (`/`, `/dien-hinh/x/`, `/feed.xml`) → the output file it serves, or undefined for a path outside the site. */
export function fileOfRequest(sitePath: string): string | undefined {
  const p = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
  try {
    return outputFile(p);
  } catch {
    return undefined;
  }
}

/** A family key's output file, remembered: the dev server makes a router per edit and each maps ten thousand keys. */
const keyFiles = new Map<string, string>();
function fileOfKey(key: string): string {
  let file = keyFiles.get(key);
  if (file === undefined) {
    if (keyFiles.size > 500_000) keyFiles.clear();
    keyFiles.set(key, (file = outputFile(key)));
  }
  return file;
}

/**
 * The routes of one `gs`. `find(file)` resolves one output file; `all()` lists every route (for tests and tools).
 * Paths are worked out lazily and kept for the life of this router: make a new router for a new `gs`.
 */
export function createRouter(gs: SiteGlobals, templates: readonly { file: string; module: TemplateModule }[]) {
  const familyMaps = new Map<PageFamily<unknown>, Map<string, unknown>>();
  const familyRoute = (family: PageFamily<unknown>, file: string): Route | undefined => {
    let byFile = familyMaps.get(family);
    if (!byFile) {
      byFile = new Map(family.items(gs).map((item) => [fileOfKey(family.key(item)), item]));
      familyMaps.set(family, byFile);
    }
    if (!byFile.has(file)) return undefined;
    const page = family.page(gs, byFile.get(file));
    return { file, render: async () => page.render(), ...(page.source ? { source: page.source } : {}) };
  };

  type TemplateRoutes = Map<string, () => Promise<Rendered>>;
  const templateMaps = new Map<TemplateModule, TemplateRoutes>();
  const routesOf = (module: TemplateModule): TemplateRoutes => {
    let routes = templateMaps.get(module);
    if (routes) return routes;
    routes = new Map();
    const base: Record<string, unknown> = { ...module.data, gs };
    const add = (data: Record<string, unknown>) => {
      const permalink = module.data?.permalink;
      const url = typeof permalink === "function" ? permalink(data) : permalink;
      if (typeof url !== "string") return;
      routes!.set(outputFile(url), async () => module.render(data));
    };
    const pagination = module.data?.pagination;
    if (pagination) {
      if (pagination.size !== 1) throw new Error(`Pagination of size ${pagination.size} is not routed (only size 1 is used)`);
      const items = at(base, pagination.data);
      for (const item of Array.isArray(items) ? items : []) add({ ...base, [pagination.alias]: item });
    } else add(base);
    templateMaps.set(module, routes);
    return routes;
  };

  /** The templates' pages only (the few hundred pages that are not members of a bulk family). */
  function* templateRoutes(): Generator<Route> {
    for (const { module } of templates) for (const [file, render] of routesOf(module)) yield { file, render };
  }

  return {
    find(file: string): Route | undefined {
      for (const family of PAGE_FAMILIES) {
        const route = familyRoute(family, file);
        if (route) return route;
      }
      for (const { module } of templates) {
        const render = routesOf(module).get(file);
        if (render) return { file, render };
      }
      return undefined;
    },
    /** Every route: the families' members, then the templates' pages. */
    *all(): Generator<Route> {
      for (const family of PAGE_FAMILIES) {
        for (const item of family.items(gs)) yield familyRoute(family, fileOfKey(family.key(item)))!;
      }
      yield* templateRoutes();
    },
    templateRoutes,
  };
}

export type Router = ReturnType<typeof createRouter>;
