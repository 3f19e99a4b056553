// The content-hash build cache kept between runs (and between CI runs with actions/cache): the generic store, keyed by
// file hash + code version. Its two users: the validator's per-file cache (parse-cache.ts) and the page store (page-store.ts).
//
// Layout: <dir>/<namespace>.json, two lines: a header {format, namespace, version, sha256, count} and the entries as one
// JSON array of [key, value]. A file whose header, version or checksum does not match, or that does not parse, is ignored
// whole (a cold run, never a wrong one); a value that fails its namespace's shape check is a miss.
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Bump when the file layout changes. */
export const CACHE_FORMAT = 3;

/** Environment variable naming the cache folder; `off` (or `0`, `false`) disables the cache. */
export const CACHE_ENV = "GUONG_SANG_CACHE_DIR";

/** Default folder, relative to the working directory: what CI keeps with actions/cache. */
export const DEFAULT_CACHE_DIR = ".cache/guong-sang";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The cache folder for this run, or undefined when caching is off. */
export function resolveCacheDir(cwd: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const value = env[CACHE_ENV];
  if (value !== undefined && /^(off|0|false|no)$/i.test(value.trim())) return undefined;
  return path.resolve(cwd, value && value.trim() ? value : DEFAULT_CACHE_DIR);
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const names = (await readdir(dir, { recursive: true, withFileTypes: true })) as import("node:fs").Dirent[];
    return names
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath ?? (d as unknown as { path: string }).path, d.name))
      .sort();
  } catch {
    return [];
  }
}

let versionMemo: Promise<string> | undefined;

/**
 * The code version: a hash of package-lock.json, every file under src/ and schemas/, and the cache format.
 * Any change to the code, a dependency or a schema starts a fresh cache.
 */
export function codeVersion(root: string = REPO_ROOT): Promise<string> {
  if (root === REPO_ROOT && versionMemo) return versionMemo;
  const compute = async (): Promise<string> => {
    const hash = createHash("sha256").update(`format ${CACHE_FORMAT}\n`);
    const files = [path.join(root, "package-lock.json"), ...(await listFiles(path.join(root, "src"))), ...(await listFiles(path.join(root, "schemas")))];
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        continue; // a missing lock file hashes as absent
      }
      hash.update(`${path.relative(root, file)}\n${bytes.length}\n`).update(bytes);
    }
    return hash.digest("hex").slice(0, 32);
  };
  const result = compute();
  if (root === REPO_ROOT) versionMemo = result;
  return result;
}

export interface StoreStats {
  /** Entries read from disk. */
  loaded: number;
  hits: number;
  misses: number;
  /** Why the file on disk was not used, if it was not. */
  discarded?: "missing" | "corrupt" | "stale";
}

interface Header {
  format: number;
  namespace: string;
  version: string;
  sha256: string;
  count: number;
}

function isHeader(value: unknown): value is Header {
  if (!value || typeof value !== "object") return false;
  const h = value as Record<string, unknown>;
  return typeof h.format === "number" && typeof h.namespace === "string" && typeof h.version === "string" && typeof h.sha256 === "string" && typeof h.count === "number";
}

/**
 * One namespace of the cache: a map from key to value, loaded whole, written whole.
 * Only entries read or written during this run are saved, so deleted files drop out.
 */
export class CacheStore<V> {
  readonly stats: StoreStats = { loaded: 0, hits: 0, misses: 0 };
  private readonly old = new Map<string, unknown>();
  private readonly next = new Map<string, V>();
  private dirty = false;

  private constructor(
    readonly file: string,
    readonly namespace: string,
    readonly version: string,
    private readonly isValue: (value: unknown) => value is V,
  ) {}

  /** Opens `<dir>/<namespace>.json`; a missing, stale or corrupt file gives an empty store. */
  static async open<V>(dir: string, namespace: string, version: string, isValue: (value: unknown) => value is V): Promise<CacheStore<V>> {
    const store = new CacheStore<V>(path.join(dir, `${namespace}.json`), namespace, version, isValue);
    await store.load();
    return store;
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch {
      this.stats.discarded = "missing";
      return;
    }
    const newline = text.indexOf("\n");
    try {
      const header: unknown = JSON.parse(newline < 0 ? text : text.slice(0, newline));
      if (!isHeader(header) || header.format !== CACHE_FORMAT || header.namespace !== this.namespace) {
        this.stats.discarded = "corrupt";
        return;
      }
      if (header.version !== this.version) {
        this.stats.discarded = "stale";
        return;
      }
      const payload = text.slice(newline + 1);
      if (createHash("sha256").update(payload).digest("hex") !== header.sha256) {
        this.stats.discarded = "corrupt";
        return;
      }
      const entries: unknown = JSON.parse(payload);
      if (!Array.isArray(entries) || entries.length !== header.count) {
        this.stats.discarded = "corrupt";
        return;
      }
      for (const pair of entries) {
        if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string") this.old.set(pair[0], pair[1]);
      }
      this.stats.loaded = this.old.size;
    } catch {
      this.old.clear();
      this.stats.discarded = "corrupt";
    }
  }

  get(key: string): V | undefined {
    const fresh = this.next.get(key);
    if (fresh !== undefined) {
      this.stats.hits++;
      return fresh;
    }
    const value = this.old.get(key);
    if (value !== undefined && this.isValue(value)) {
      this.stats.hits++;
      this.next.set(key, value);
      return value;
    }
    this.stats.misses++;
    return undefined;
  }

  set(key: string, value: V): void {
    this.next.set(key, value);
    this.dirty = true;
  }

  /** Writes the entries used in this run, atomically (temporary file, then rename). */
  async save(): Promise<void> {
    if (!this.dirty && this.next.size === this.old.size) return;
    const payload = JSON.stringify([...this.next]);
    const header: Header = {
      format: CACHE_FORMAT,
      namespace: this.namespace,
      version: this.version,
      sha256: createHash("sha256").update(payload).digest("hex"),
      count: this.next.size,
    };
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(header)}\n${payload}`);
    await rename(tmp, this.file);
  }
}

/** Removes the cache folder (what `rm -rf .cache/guong-sang` does). */
export async function clearCache(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** sha256 of bytes, hex: the content half of every cache key. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
