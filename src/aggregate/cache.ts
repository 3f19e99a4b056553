// The last good copy of each source: its files as read, in the site's own layout, under <cache>/<id>/, replaced only
// after a complete, valid read. A folder is only ever replaced or removed when it carries our marker file.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { exists } from "../util/fs.ts";
import { folderReader, type FetchLimits } from "./fetch.ts";
import type { SourceSnapshot } from "./model.ts";
import { readSnapshot } from "./read.ts";

/** Default cache folder, relative to the working directory. */
export const DEFAULT_CACHE_DIR = ".cache/guong-sang-aggregate";
/** Marks a folder as a copy this command wrote: { readAt, location }. */
export const CACHE_MARKER = ".guong-sang-aggregate.json";

interface Marker {
  readAt: string;
  location: string;
}

async function readMarker(dir: string): Promise<Marker | undefined> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, CACHE_MARKER), "utf8")) as Partial<Marker>;
    return typeof m.readAt === "string" && typeof m.location === "string" ? { readAt: m.readAt, location: m.location } : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a complete copy of one source, then swaps it in place of the previous copy. */
export async function saveCopy(cacheDir: string, id: string, files: ReadonlyMap<string, Uint8Array>, marker: Marker): Promise<void> {
  const target = path.join(cacheDir, id);
  if ((await exists(target)) && !(await readMarker(target))) {
    throw new Error(`${target} exists and was not written by npm run aggregate; it is left alone`);
  }
  const temp = path.join(cacheDir, `.${id}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(temp, { recursive: true });
  try {
    for (const [relative, bytes] of files) {
      const file = path.join(temp, relative);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    }
    await writeFile(path.join(temp, CACHE_MARKER), `${JSON.stringify(marker)}\n`);
    const old = `${temp}.old`;
    const had = await exists(target);
    if (had) await rename(target, old);
    await rename(temp, target);
    if (had) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** The last good copy of a source, checked again against the contract, or undefined when there is none (or it no longer reads). */
export async function loadCopy(cacheDir: string, id: string, home: string | undefined, limits: FetchLimits): Promise<SourceSnapshot | undefined> {
  const dir = path.join(cacheDir, id);
  const marker = await readMarker(dir);
  if (!marker) return undefined;
  try {
    const snapshot = await readSnapshot(id, folderReader(dir, limits), home, () => undefined);
    return { ...snapshot, readAt: marker.readAt };
  } catch {
    return undefined;
  }
}
