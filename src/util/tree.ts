// What a folder holds, read once: every file and folder below it by relative path. Used where a whole output is
// compared or updated (src/util/output-dir.ts, src/build/unchanged.ts), so it is one walk of `readdirSync` per
// folder with the entry types the directory already gives: no `stat`, no absolute path per entry.
import { readdirSync } from "node:fs";

export interface Tree {
  /** Regular files, relative to the folder, `/`-separated. */
  files: string[];
  /** Folders below it, the same way. */
  folders: string[];
  /** Anything else: symbolic links, sockets, devices. The project never makes one in its outputs. */
  others: string[];
}

export function listTree(dir: string): Tree {
  const tree: Tree = { files: [], folders: [], others: [] };
  const pending = [""];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    for (const entry of readdirSync(rel === "" ? dir : `${dir}/${rel}`, { withFileTypes: true })) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        tree.folders.push(child);
        pending.push(child);
      } else if (entry.isFile()) tree.files.push(child);
      else tree.others.push(child);
    }
  }
  return tree;
}
