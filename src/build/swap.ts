// Replaces the output folder only when a new build is complete: temp folder beside it, then two renames.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { exists } from "../util/fs.ts";

/** A fresh temporary folder beside `outDir` (same file system, so renames are atomic). */
export async function makeTempBeside(outDir: string, label = "tmp"): Promise<string> {
  const dir = path.join(path.dirname(outDir), `.${path.basename(outDir)}.${label}-${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Moves `newDir` to `outDir`. The previous output is renamed aside first and removed only after
 * the new one is in place; if the second rename fails, the previous output is put back.
 */
export async function swapInto(newDir: string, outDir: string): Promise<void> {
  await mkdir(path.dirname(outDir), { recursive: true });
  if (!(await exists(outDir))) {
    await rename(newDir, outDir);
    return;
  }
  const old = `${newDir}.old`;
  await rename(outDir, old);
  try {
    await rename(newDir, outDir);
  } catch (error) {
    await rename(old, outDir);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}
