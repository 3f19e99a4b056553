// Work on a file kept for the life of the process, keyed by the file's path, size, time and inode: the dev server's
// next reload (src/build/dev.ts) does not decode or convert an unchanged image again. A file that cannot be read is
// never kept: the work runs and reports it.
import { statSync, type Stats } from "node:fs";

/** A memo of async work per file (and per `extra`, the options the work depends on). */
export function fileMemo<V>(limit = 100_000): (file: string, extra: string, work: () => Promise<V>) => Promise<V> {
  const known = new Map<string, V>();
  return async (file, extra, work) => {
    // Synchronous on purpose: one stat is a few microseconds, a promise round trip through the thread pool ten times that.
    let st: Stats | undefined;
    try {
      st = statSync(file, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (!st) return work();
    const key = `${file}\0${st.size}\0${st.mtimeMs}\0${st.ino}\0${extra}`;
    if (known.has(key)) return known.get(key) as V;
    const value = await work();
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}
