// The validator's per-file cache: what `parseFile` computes for one content file, kept in the build cache (cache.ts)
// under the file's hash, so an unchanged file is not parsed again.
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
  if (!Array.isArray(d.problems)) return false;
  return d.problems.every((p) => {
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

/** Opens the validator's store in `dir` for the current code version. */
export async function openParseCache(dir: string, version?: string): Promise<CacheStore<CachedDoc>> {
  return CacheStore.open(dir, "parse", version ?? (await codeVersion()), isCachedDoc);
}

