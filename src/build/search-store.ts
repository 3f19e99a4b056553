// Where search bundles live between builds: <cache>/search/<key>/ holds one Pagefind bundle exactly as Pagefind wrote it,
// plus a marker written last. A bundle is reused only when its marker names its key and its file count matches; anything
// else is a miss and the bundle is indexed again (a slower build, never a wrong one).
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/** Written last into a finished bundle folder: what it is and how many files Pagefind wrote. */
export const BUNDLE_MARKER = "gs-bundle.json";

interface Marker {
  key: string;
  files: number;
}

/** Every file below `dir`, relative, with forward slashes, sorted; the marker excluded. */
export async function bundleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath ?? (d as unknown as { path: string }).path, d.name)).split(path.sep).join("/"))
    .filter((f) => f !== BUNDLE_MARKER)
    .sort();
}

/** The folder of a finished bundle with this key in `storeDir`, or undefined when it is absent or incomplete. */
export async function findBundle(storeDir: string, key: string): Promise<string | undefined> {
  const dir = path.join(storeDir, key);
  try {
    const marker = JSON.parse(await readFile(path.join(dir, BUNDLE_MARKER), "utf8")) as Partial<Marker>;
    if (marker.key !== key || typeof marker.files !== "number") return undefined;
    if ((await bundleFiles(dir)).length !== marker.files) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Makes `work` (a folder Pagefind has just written) the stored bundle `key`: marker, then rename into place.
 * Returns the folder to place from (the stored one; or `work` itself when another build stored the same key first).
 */
export async function storeBundle(storeDir: string, key: string, work: string): Promise<string> {
  const files = await bundleFiles(work);
  await writeFile(path.join(work, BUNDLE_MARKER), JSON.stringify({ key, files: files.length } satisfies Marker));
  const dir = path.join(storeDir, key);
  try {
    await rm(dir, { recursive: true, force: true });
    await rename(work, dir);
    return dir;
  } catch {
    return work;
  }
}

/** Files a bundle merged into the primary one does not need (Pagefind's own UIs; our client is `assets/search.js`). */
const UI_FILE = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/**
 * Puts the bundle in `from` at `to`: hard links when `link` (the cache and the site share a disk), else copies; or moves
 * the whole folder when `move`. Pagefind's UI files are left out of merged bundles (`primary` false).
 */
export async function placeBundle(from: string, to: string, mode: "link" | "move", primary: boolean): Promise<number> {
  const files = (await bundleFiles(from)).filter((f) => primary || !UI_FILE.test(f));
  if (mode === "move") {
    try {
      if (primary) {
        // The primary bundle's folder may already hold merged bundles: move file by file.
        for (const f of files) {
          await mkdir(path.dirname(path.join(to, f)), { recursive: true });
          await rename(path.join(from, f), path.join(to, f));
        }
      } else {
        await mkdir(path.dirname(to), { recursive: true });
        const keep = new Set(files);
        for (const f of (await bundleFiles(from)).filter((x) => !keep.has(x))) await rm(path.join(from, f));
        await rename(from, to);
      }
      return files.length;
    } catch (error) {
      // The work folder is on another disk than the site (EXDEV on the first rename): copy instead.
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    }
  }
  const dirs = new Set(files.map((f) => path.dirname(path.join(to, f))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  let linked = true;
  for (const f of files) {
    const src = path.join(from, f);
    const dest = path.join(to, f);
    if (linked) {
      try {
        await link(src, dest);
        continue;
      } catch (error) {
        // Another disk (EXDEV) or a file system without hard links: copy this and every following file.
        if ((error as NodeJS.ErrnoException).code === "ENOENT") throw error;
        linked = false;
      }
    }
    await copyFile(src, dest);
  }
  return files.length;
}

/** Removes stored bundles not used by this build, so the store holds one site's worth. */
export async function pruneStore(storeDir: string, keep: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(storeDir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => !keep.has(n)).map((n) => rm(path.join(storeDir, n), { recursive: true, force: true }).catch(() => {})));
}

/** Removes work folders (`<name>.<pid>.<n>`) older than a day: left by builds that were killed. */
export async function pruneWork(workDir: string, now = Date.now()): Promise<void> {
  let names: string[];
  try {
    names = await readdir(workDir);
  } catch {
    return;
  }
  for (const n of names) {
    const full = path.join(workDir, n);
    try {
      if (now - (await stat(full)).mtimeMs > 86_400_000) await rm(full, { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}
