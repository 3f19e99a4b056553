// --fix: rewrites what can be fixed without judgement (Unicode NFC, trailing spaces), atomically, keeping BOM and line endings.
import { randomBytes } from "node:crypto";
import { chmod, lstat, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { crLineEnds, decodeUtf8 } from "./text.ts";

/**
 * The fixed text. Trailing spaces go, except a Markdown hard line break (two or more spaces before
 * a non-blank line in the body), which would change how the article reads.
 */
export function fixText(text: string, bodyStartLine?: number): string {
  // A file whose lines end with CR alone (old Mac) is written with LF.
  const crOnly = crLineEnds(text);
  const eol = !crOnly && text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(crOnly ? /\r\n?|\n/ : /\r?\n/);
  const out = lines.map((raw, index) => {
    const line = raw.normalize("NFC");
    const trimmed = line.replace(/[ \t]+$/u, "");
    if (trimmed === line) return line;
    const inBody = bodyStartLine !== undefined && index + 1 >= bodyStartLine;
    const next = lines[index + 1];
    const hardBreak = inBody && / {2,}$/.test(line) && trimmed !== "" && next !== undefined && next.trim() !== "";
    return hardBreak ? `${trimmed}  ` : trimmed;
  });
  return out.join(eol);
}

/** The first line after a closing `---` (front matter files) or undefined (site.yaml, no front matter). */
function bodyStart(text: string): number | undefined {
  const lines = text.split(crLineEnds(text) ? /\r\n?|\n/ : /\r?\n/);
  if (lines[0] !== "---") return undefined;
  const close = lines.indexOf("---", 1);
  return close > 0 ? close + 2 : undefined;
}

/** Fixes one file in place; returns true when it changed. Files that are not valid UTF-8 are never touched. */
export async function fixFile(absPath: string): Promise<boolean> {
  if ((await lstat(absPath)).isSymbolicLink()) return false;
  const bytes = await readFile(absPath);
  const decoded = decodeUtf8(bytes);
  if (decoded.text === undefined) return false;
  const fixed = fixText(decoded.text, bodyStart(decoded.text));
  if (fixed === decoded.text) return false;
  const out = Buffer.concat([decoded.hasBom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(fixed, "utf8")]);
  // Write beside the file then rename: a crash never leaves half a file.
  const temp = path.join(path.dirname(absPath), `.${path.basename(absPath)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, out, { flag: "wx" });
    await chmod(temp, (await stat(absPath)).mode & 0o7777);
    await rename(temp, absPath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return true;
}
