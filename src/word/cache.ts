// A cache hook for Word files: a document is a pure function of its spec (the same bytes every build), so the bytes
// made for a spec can be kept and given back for an equal spec. The build lends a store kept in its cache folder
// (src/build/word-cache.ts); without one, every document is made afresh.
import { createHash } from "node:crypto";

export interface BytesStore {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array): Promise<void>;
}

let store: BytesStore | undefined;

/** Lends (or, with undefined, takes back) the store every Word document is looked up in. */
export function useWordStore(next: BytesStore | undefined): void {
  store = next;
}

/** The bytes for `spec`: from the store when an equal spec was made before, else made and kept. */
export async function cachedDocument(kind: string, spec: unknown, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  if (!store) return make();
  const key = createHash("sha256").update(`${kind}\n`).update(JSON.stringify(spec)).digest("hex");
  const kept = await store.get(key);
  if (kept) return kept;
  const bytes = await make();
  await store.set(key, bytes);
  return bytes;
}
