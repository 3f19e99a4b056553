// Where a value sits in an entry's file, found again after validation: for a message about a failure later in the
// pipeline (an image the library cannot read) that must still name the file and the line.
import { readFile } from "node:fs/promises";
import type { Entry } from "./model.ts";
import { positionOf, positionsFromText } from "./parse.ts";
import type { FileContext } from "../util/errors.ts";

/** The 1-based line of the value at `pointer` (`/image/src`) in the entry's front matter, or of its nearest parent. */
export async function lineOf(entry: Pick<Entry, "absPath" | "type">, pointer: string): Promise<number | undefined> {
  const text = (await readFile(entry.absPath, "utf8")).replace(/^\uFEFF/, "");
  const pos = positionOf(positionsFromText(entry.type, text), pointer, false, { line: 0, column: 0 });
  return pos.line > 0 ? pos.line : undefined;
}

/** The context of work on the image an entry names at `pointer`: the entry's file, the line, the image. */
export function imageContext(entry: Pick<Entry, "absPath" | "type">, image: string, pointer = "/image/src"): () => Promise<FileContext> {
  return async () => ({ file: entry.absPath, line: await lineOf(entry, pointer).catch(() => undefined), image });
}
