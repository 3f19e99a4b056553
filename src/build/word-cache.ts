// The Word files' store in the build cache (src/word/cache.ts): `<cacheDir>/word/<code version>/<key>.docx`. Files
// not used by a build are removed after it, and so are the folders of other code versions.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BytesStore } from "../word/cache.ts";
import { codeVersion } from "./cache.ts";

export interface OpenWordStore extends BytesStore {
  /** Removes what this build did not use. */
  prune(): Promise<void>;
}

export async function openWordStore(cacheDir: string): Promise<OpenWordStore> {
  const root = path.join(cacheDir, "word");
  const version = await codeVersion();
  const dir = path.join(root, version);
  await mkdir(dir, { recursive: true });
  const used = new Set<string>();
  const file = (key: string) => path.join(dir, `${key}.docx`);
  return {
    async get(key) {
      try {
        const bytes = await readFile(file(key));
        used.add(key);
        return bytes;
      } catch {
        return undefined;
      }
    },
    async set(key, bytes) {
      const tmp = `${file(key)}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file(key));
      used.add(key);
    },
    async prune() {
      for (const name of await readdir(root)) if (name !== version) await rm(path.join(root, name), { recursive: true, force: true });
      for (const name of await readdir(dir)) if (!used.has(name.replace(/\.docx$/, ""))) await rm(path.join(dir, name), { force: true });
    },
  };
}
