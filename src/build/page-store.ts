// The page store: what the build remembers of the pages it wrote into the previous output (src/site/stream.ts), kept
// in the build cache (cache.ts), so an unchanged page is linked instead of rendered.
import type { PageRecord, PageStore } from "../site/stream.ts";
import { CacheStore, codeVersion, type StoreStats } from "./cache.ts";
import path from "node:path";

/** Shape check of a page record: anything else is a miss, and the page renders. */
export function isPageRecord(value: unknown): value is PageRecord {
  if (!value || typeof value !== "object") return false;
  const r = value as Record<string, unknown>;
  return typeof r.key === "string" && typeof r.size === "number" && typeof r.mtimeMs === "number" && typeof r.ino === "number" && typeof r.noindex === "boolean";
}

/** The page store of one output folder; save it only once the new output is in place at `outDir`. */
export interface OpenPageStore extends PageStore {
  readonly stats: StoreStats;
  save(): Promise<void>;
}

/**
 * Opens the record of the pages written into `outDir` by the previous build (namespace `pages`, keyed by the
 * output folder and the page's site path). Its version is the code version, so a code change re-renders all.
 */
export async function openPageStore(dir: string, outDir: string, version?: string): Promise<OpenPageStore> {
  const store = await CacheStore.open(dir, "pages", version ?? (await codeVersion()), isPageRecord);
  const prefix = `${path.resolve(outDir)}\u0000`;
  return {
    previousDir: path.resolve(outDir),
    stats: store.stats,
    get: (sitePath) => store.get(prefix + sitePath),
    set: (sitePath, record) => store.set(prefix + sitePath, record),
    save: () => store.save(),
  };
}
