// The content-hash build cache kept between runs (and between CI runs with actions/cache): the generic store, keyed by
// file hash + code version. Its two users: the validator's per-file cache (parse-cache.ts) and the page store (page-store.ts).
//
// Layout: <dir>/<namespace>.json: a header line {format, namespace, version, sha256, count}; an index line, the JSON array
// of [key, byte length] of every entry; then the entries' values as JSON texts one after another, in the index's order.
// A value is parsed only when it is asked for, so a run that needs a few entries of a large store (`npm run validate --
// FILE`) does not parse the rest. A file whose header, version, checksum or index does not match is ignored whole (a cold
// run, never a wrong one); a value that does not parse or fails its namespace's shape check is a miss.
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Bump when the file layout changes. */
export const CACHE_FORMAT = 4;

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
 * One namespace of the cache: a map from key to value, loaded whole, parsed entry by entry, written whole.
 * Only entries read, kept or written during this run are saved, so deleted files drop out.
 */
export class CacheStore<V> {
  readonly stats: StoreStats = { loaded: 0, hits: 0, misses: 0 };
  /** The file's bytes and where each old entry's JSON text lies in them. */
  private bytes: Buffer = Buffer.alloc(0);
  private readonly old = new Map<string, { start: number; end: number }>();
  /** Values used or written in this run. */
  private readonly next = new Map<string, V>();
  /** Old entries carried to the next save without being parsed (`keep`). */
  private readonly kept = new Set<string>();
  /** Entries of `next` parsed from the old bytes and not set since: saved as those bytes, not stringified again. */
  private readonly asRead = new Set<string>();
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
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch {
      this.stats.discarded = "missing";
      return;
    }
    try {
      const headerEnd = bytes.indexOf(0x0a);
      const indexEnd = headerEnd < 0 ? -1 : bytes.indexOf(0x0a, headerEnd + 1);
      const header: unknown = JSON.parse(bytes.toString("utf8", 0, headerEnd < 0 ? bytes.length : headerEnd));
      if (!isHeader(header) || header.format !== CACHE_FORMAT || header.namespace !== this.namespace || indexEnd < 0) {
        this.stats.discarded = "corrupt";
        return;
      }
      if (header.version !== this.version) {
        this.stats.discarded = "stale";
        return;
      }
      // Bytes, not text: hashing a Buffer skips re-encoding a string.
      if (createHash("sha256").update(bytes.subarray(headerEnd + 1)).digest("hex") !== header.sha256) {
        this.stats.discarded = "corrupt";
        return;
      }
      const index: unknown = JSON.parse(bytes.toString("utf8", headerEnd + 1, indexEnd));
      if (!Array.isArray(index) || index.length !== header.count) {
        this.stats.discarded = "corrupt";
        return;
      }
      let at = indexEnd + 1;
      for (const pair of index) {
        if (!Array.isArray(pair) || typeof pair[0] !== "string" || !Number.isSafeInteger(pair[1]) || pair[1] < 0) throw new Error("index");
        this.old.set(pair[0], { start: at, end: at + (pair[1] as number) });
        at += pair[1] as number;
      }
      if (at !== bytes.length) throw new Error("length");
      this.bytes = bytes;
      this.stats.loaded = this.old.size;
    } catch {
      this.old.clear();
      this.stats.discarded = "corrupt";
    }
  }

  /** Every key the store holds, old and new. */
  keys(): string[] {
    return [...new Set([...this.old.keys(), ...this.next.keys()])];
  }

  /** Whether `key` has a value, without parsing it; a found entry is carried to the next save. */
  keep(key: string): boolean {
    if (this.next.has(key)) return true;
    if (!this.old.has(key)) return false;
    this.kept.add(key);
    return true;
  }

  get(key: string): V | undefined {
    const fresh = this.next.get(key);
    if (fresh !== undefined) {
      this.stats.hits++;
      return fresh;
    }
    const slot = this.old.get(key);
    if (slot) {
      let value: unknown;
      try {
        value = JSON.parse(this.bytes.toString("utf8", slot.start, slot.end));
      } catch {
        value = undefined;
      }
      if (value !== undefined && this.isValue(value)) {
        this.stats.hits++;
        this.next.set(key, value);
        this.asRead.add(key);
        this.kept.delete(key);
        return value;
      }
    }
    this.stats.misses++;
    return undefined;
  }

  /** Forgets `key`: the next save leaves it out. */
  delete(key: string): void {
    if (this.next.delete(key) || this.kept.delete(key) || this.old.has(key)) this.dirty = true;
    this.asRead.delete(key);
    this.old.delete(key);
  }

  set(key: string, value: V): void {
    this.next.set(key, value);
    this.asRead.delete(key);
    this.kept.delete(key);
    this.dirty = true;
  }

  /**
   * Writes the entries used in this run, atomically (temporary file, then rename). Values are the store's, not the
   * reader's: an entry read and not set again is written as the bytes it was read from (a rebuild that changed one
   * file does not stringify ten thousand entries again, and a reader changing what it got cannot change the store).
   */
  async save(): Promise<void> {
    if (!this.dirty && this.next.size + this.kept.size === this.old.size) return;
    const index: [string, number][] = [];
    const parts: Buffer[] = [];
    for (const [key, value] of this.next) {
      const slot = this.asRead.has(key) ? this.old.get(key) : undefined;
      const json = slot ? this.bytes.subarray(slot.start, slot.end) : Buffer.from(JSON.stringify(value));
      index.push([key, json.length]);
      parts.push(json);
    }
    for (const key of this.kept) {
      const slot = this.old.get(key) as { start: number; end: number };
      index.push([key, slot.end - slot.start]);
      parts.push(this.bytes.subarray(slot.start, slot.end));
    }
    const payload = Buffer.concat([Buffer.from(`${JSON.stringify(index)}\n`), ...parts]);
    const header: Header = {
      format: CACHE_FORMAT,
      namespace: this.namespace,
      version: this.version,
      sha256: createHash("sha256").update(payload).digest("hex"),
      count: index.length,
    };
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
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
