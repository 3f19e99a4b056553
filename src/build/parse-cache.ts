// The validator's per-file cache: what `parseFile` computes for one content file, kept in the build cache (cache.ts)
// under the file's hash, so an unchanged file is not parsed again.
import { readFileSync, statSync } from "node:fs";
import { deferPositions, parseFile, positionsFromText, positionsPending, type FileRef, type LocalFinding, type ParsedDoc } from "../content/parse.ts";
import { decodeUtf8 } from "../content/text.ts";
import type { NodePos, Pos } from "../content/yaml.ts";
import { CacheStore, codeVersion, contentHash } from "./cache.ts";

/** What is kept of one parsed file: everything `parseFile` computes except the text, which is re-read from disk. */
export interface CachedDoc {
  data: Record<string, unknown> | null;
  /**
   * Flat: pointer, value line, value column, key line, key column (0 when the node has no key), repeated.
   * `null` when they were never computed (a valid file on the validator's fast path): recomputed from the text on demand.
   */
  positions: (string | number)[] | null;
  bodyLine: number;
  /** The body is `text.slice(bodyStart)` when it is the text's tail; otherwise `body` holds it. */
  bodyStart?: number;
  body?: string;
  draft: boolean;
  schemaValid: boolean;
  hasText: boolean;
  problems: LocalFinding[];
}

/** Shape check of a cached document: anything else is a miss, parsed afresh. */
export function isCachedDoc(value: unknown): value is CachedDoc {
  if (!value || typeof value !== "object") return false;
  const d = value as Record<string, unknown>;
  if (d.data !== null && (typeof d.data !== "object" || Array.isArray(d.data))) return false;
  if (typeof d.bodyLine !== "number" || typeof d.draft !== "boolean" || typeof d.schemaValid !== "boolean" || typeof d.hasText !== "boolean") return false;
  if (d.bodyStart !== undefined && typeof d.bodyStart !== "number") return false;
  if (d.body !== undefined && typeof d.body !== "string") return false;
  if (d.bodyStart === undefined && d.body === undefined) return false;
  if (d.positions === null) return d.hasText === true;
  if (!Array.isArray(d.positions) || d.positions.length % 5 !== 0) return false;
  for (let i = 0; i < d.positions.length; i += 5) {
    if (typeof d.positions[i] !== "string") return false;
    for (let k = 1; k < 5; k++) if (typeof d.positions[i + k] !== "number") return false;
  }
  return isProblemList(d.problems);
}

function isProblemList(value: unknown): value is LocalFinding[] {
  if (!Array.isArray(value)) return false;
  return value.every((p) => {
    const f = p as LocalFinding;
    return !!f && typeof f.file === "string" && typeof f.line === "number" && typeof f.column === "number" && (f.severity === "error" || f.severity === "warning") && typeof f.rule === "string" && typeof f.message === "string";
  });
}

/** The cache key of one file: where it sits and what it holds. */
export function docKey(ref: FileRef, hash: string): string {
  return `${ref.kind}\u0000${ref.type ?? ""}\u0000${ref.file}\u0000${hash}`;
}

function flatPositions(positions: Map<string, NodePos>): (string | number)[] {
  const out: (string | number)[] = [];
  for (const [pointer, { value, key }] of positions) out.push(pointer, value.line, value.column, key?.line ?? 0, key?.column ?? 0);
  return out;
}

function positionMap(flat: (string | number)[]): Map<string, NodePos> {
  const map = new Map<string, NodePos>();
  for (let i = 0; i < flat.length; i += 5) {
    const value: Pos = { line: flat[i + 1] as number, column: flat[i + 2] as number };
    const keyLine = flat[i + 3] as number;
    map.set(flat[i] as string, keyLine ? { value, key: { line: keyLine, column: flat[i + 4] as number } } : { value });
  }
  return map;
}

function toCached(doc: ParsedDoc): CachedDoc {
  const text = doc.text;
  const tail = text !== undefined && text.endsWith(doc.body);
  return {
    data: doc.data ?? null,
    positions: positionsPending(doc) ? null : flatPositions(doc.positions),
    bodyLine: doc.bodyLine,
    ...(tail ? { bodyStart: (text as string).length - doc.body.length } : { body: doc.body }),
    draft: doc.draft,
    schemaValid: doc.schemaValid,
    hasText: text !== undefined,
    problems: doc.problems,
  };
}

function fromCached(ref: FileRef, bytes: Uint8Array, hash: string, c: CachedDoc): ParsedDoc | undefined {
  const text = c.hasText ? decodeUtf8(bytes).text : undefined;
  if (c.hasText && text === undefined) return undefined;
  const body = c.bodyStart !== undefined ? (text ?? "").slice(c.bodyStart) : (c.body as string);
  const doc: ParsedDoc = {
    ...ref,
    data: c.data ?? undefined,
    positions: c.positions ? positionMap(c.positions) : new Map(),
    body,
    bodyLine: c.bodyLine,
    draft: c.draft,
    hash,
    schemaValid: c.schemaValid,
    ...(text !== undefined ? { text } : {}),
    problems: c.problems,
  };
  if (c.positions === null && text !== undefined) deferPositions(doc, () => positionsFromText(ref.kind, text));
  return doc;
}

/** `parseFile` through the cache: a hit skips YAML, schema and text checks; a miss parses and records. */
export function cachedParseFile(store: CacheStore<CachedDoc>, parse: typeof parseFile = parseFile): typeof parseFile {
  return (ref, bytes) => {
    const hash = contentHash(bytes);
    const key = docKey(ref, hash);
    const hit = store.get(key);
    if (hit) {
      const doc = fromCached(ref, bytes, hash, hit);
      if (doc) return doc;
    }
    const doc = parse(ref, bytes);
    store.set(key, toCached(doc));
    return doc;
  };
}

/**
 * What a file looked like when it was last parsed: its size, modification time and inode, the hash of its bytes, and
 * what the loader needs of every document at once (draft, schema validity, its own findings). A file that still matches
 * is taken from the cache without being read (what git's index and make do); the rest of its parsed form is fetched from
 * the parse store only if a check asks for it.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
  hash: string;
  bodyLine: number;
  draft: boolean;
  schemaValid: boolean;
  problems: LocalFinding[];
}

export function isFileStamp(value: unknown): value is FileStamp {
  if (!value || typeof value !== "object") return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.size === "number" &&
    typeof s.mtimeMs === "number" &&
    typeof s.ino === "number" &&
    typeof s.hash === "string" &&
    typeof s.bodyLine === "number" &&
    typeof s.draft === "boolean" &&
    typeof s.schemaValid === "boolean" &&
    isProblemList(s.problems)
  );
}

/**
 * A file changed less than this before its stamp was taken could change again within the same time stamp without
 * its size changing ("racy git"): such a stamp is not recorded, and the file is read and hashed next time.
 */
export const STAMP_SETTLE_MS = 2000;

/** The stamp of a file just parsed, or undefined when it is too fresh to trust (or gone). */
function stampOf(doc: ParsedDoc, now: number): FileStamp | undefined {
  try {
    const st = statSync(doc.absPath);
    if (st.mtimeMs > now - STAMP_SETTLE_MS) return undefined;
    return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, hash: doc.hash, bodyLine: doc.bodyLine, draft: doc.draft, schemaValid: doc.schemaValid, problems: doc.problems };
  } catch {
    return undefined;
  }
}

/**
 * The document of an unchanged file, built from its stamp. Its data comes from the parse store the first time a check
 * reads it; its text, body and positions from the whole document, made then as `cachedParseFile` makes it (the stored
 * entry and the file's bytes, or a fresh parse should the entry be unusable). A class, not an object with getters of
 * its own, so that ten thousand of them share one shape.
 */
class StampedDoc {
  readonly kind: ParsedDoc["kind"];
  readonly type: ParsedDoc["type"];
  readonly slug: string;
  readonly file: string;
  readonly absPath: string;
  readonly hash: string;
  readonly bodyLine: number;
  readonly draft: boolean;
  readonly schemaValid: boolean;
  readonly problems: LocalFinding[];
  /** The stored entry: `null` until first looked up, undefined when the store has none usable. */
  private entry: CachedDoc | undefined | null = null;
  private whole: ParsedDoc | undefined;

  constructor(
    private readonly ref: FileRef,
    stamp: FileStamp,
    private readonly store: CacheStore<CachedDoc>,
    private readonly parse: typeof parseFile,
  ) {
    this.kind = ref.kind;
    this.type = ref.type;
    this.slug = ref.slug;
    this.file = ref.file;
    this.absPath = ref.absPath;
    this.hash = stamp.hash;
    this.bodyLine = stamp.bodyLine;
    this.draft = stamp.draft;
    this.schemaValid = stamp.schemaValid;
    this.problems = stamp.problems;
  }

  private stored(): CachedDoc | undefined {
    if (this.entry === null) this.entry = this.store.get(docKey(this.ref, this.hash));
    return this.entry;
  }

  private doc(): ParsedDoc {
    if (!this.whole) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(this.absPath);
      } catch {
        bytes = new Uint8Array(0); // gone since it was listed: the next run reports it
      }
      const entry = this.stored();
      this.whole = (entry && fromCached(this.ref, bytes, this.hash, entry)) ?? this.parse(this.ref, bytes);
    }
    return this.whole;
  }

  get data(): Record<string, unknown> | undefined {
    const entry = this.stored();
    return entry ? (entry.data ?? undefined) : this.doc().data;
  }

  get text(): string | undefined {
    return this.doc().text;
  }

  get body(): string {
    return this.doc().body;
  }

  get positions(): Map<string, NodePos> {
    return this.doc().positions;
  }
}

/**
 * The validator's two hooks over the cache, for `loadContent`'s `reuse` and `parse`: a file whose stamp still matches is
 * reused without reading it; any other file is read, parsed through the cache (`cachedParseFile`) and stamped.
 */
export function stampedParse(stamps: CacheStore<FileStamp>, store: CacheStore<CachedDoc>, now: () => number = Date.now): {
  reuse: (ref: FileRef) => ParsedDoc | undefined;
  parse: typeof parseFile;
} {
  const parse = cachedParseFile(store);
  return {
    reuse: (ref) => {
      const stamp = stamps.get(ref.absPath);
      if (!stamp) return undefined;
      let st;
      try {
        st = statSync(ref.absPath);
      } catch {
        return undefined; // read as usual, which reports it
      }
      if (st.size !== stamp.size || st.mtimeMs !== stamp.mtimeMs || st.ino !== stamp.ino || !store.keep(docKey(ref, stamp.hash))) {
        stamps.delete(ref.absPath); // changed: read and parsed as usual, stamped again once it has settled
        return undefined;
      }
      return new StampedDoc(ref, stamp, store, parse) as unknown as ParsedDoc;
    },
    parse: (ref, bytes) => {
      const doc = parse(ref, bytes);
      const stamp = stampOf(doc, now());
      if (stamp) stamps.set(ref.absPath, stamp);
      return doc;
    },
  };
}

/** Opens the stamps of the files the validator read, in `dir`, for the current code version. */
export async function openStampCache(dir: string, version?: string): Promise<CacheStore<FileStamp>> {
  return CacheStore.open(dir, "stamps", version ?? (await codeVersion()), isFileStamp);
}

/** Opens the validator's store in `dir` for the current code version. */
export async function openParseCache(dir: string, version?: string): Promise<CacheStore<CachedDoc>> {
  return CacheStore.open(dir, "parse", version ?? (await codeVersion()), isCachedDoc);
}

