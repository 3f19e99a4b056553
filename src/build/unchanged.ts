// "Nothing changed": the build's stamp of what an output folder was made from, so a rebuild whose inputs are the
// same, into an output nobody touched, writes nothing at all (no page rendered, no file rewritten, no folder made).
//
// The inputs are everything the output depends on: the code version (src/, schemas/, package-lock.json), the
// options (PDFs, drafts, path prefix, content folder, the editor's backend), the Vietnamese calendar day (the home
// page's coming anniversaries and the current quarter depend on it), every published entry's file hash and
// site.yaml, the size and time of every image an entry names, and the git commit (approval records). The output is
// checked too: the path, size, time and inode of every file in it must be those recorded after the last build, so a
// file edited or removed by hand is noticed and the build runs.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync } from "node:fs";
import { lstat, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ContentModel, Entry } from "../content/model.ts";
import { isoDate, todayInVietnam } from "../vi/date.ts";
import { codeVersion } from "./cache.ts";
import { listTree, type Tree } from "../util/tree.ts";

export interface InputOptions {
  pdf: boolean;
  drafts: boolean;
  pathPrefix: string;
  now: Date;
  contentDir: string;
  cwd: string;
  /** What else the output shows that the options above do not (the editor's backend). */
  extra: unknown;
}

/** What the stamp keeps of one build into one output folder. */
export interface BuildStamp {
  inputs: string;
  tree: string;
  pages: number;
  pdfs: number;
  searchPages: number;
}

function gitHead(dir: string): Promise<string> {
  return new Promise((resolve) => {
    execFile("git", ["rev-parse", "HEAD", "--is-shallow-repository"], { cwd: dir, encoding: "utf8" }, (error, stdout) => resolve(error ? "no git" : stdout.trim()));
  });
}

async function fileStamp(file: string): Promise<string> {
  try {
    const st = await lstat(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return "none";
  }
}

/** The hash of every input of a build. */
export async function inputsKey(model: ContentModel, o: InputOptions): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`code ${await codeVersion()}\n`);
  hash.update(`${JSON.stringify({ pdf: o.pdf, drafts: o.drafts, pathPrefix: o.pathPrefix, content: path.relative(o.cwd, o.contentDir), extra: o.extra })}\n`);
  hash.update(`day ${isoDate(todayInVietnam(o.now))}\n`);
  hash.update(`site ${JSON.stringify(model.site)}\n`);
  const entries: Entry[] = [...model.exemplars, ...model.plans, ...model.activities, ...model.bulletins];
  const images: string[] = [];
  for (const e of entries) {
    hash.update(`${e.type}\0${e.file}\0${e.hash}\0${e.draft}\n`);
    const src = (e.data as { image?: { src?: unknown } }).image?.src;
    if (typeof src === "string") images.push(path.resolve(path.dirname(e.absPath), src));
  }
  const stamps = await Promise.all(images.map(fileStamp));
  images.forEach((file, i) => hash.update(`image ${file}\0${stamps[i]}\n`));
  hash.update(`git ${await gitHead(model.dir)}\n`);
  return hash.digest("hex");
}

/**
 * The hash of what is in a folder now: every folder's path, and every file's path, size, time and inode (nothing is
 * read). `tree`: what the folder holds, when the caller has just made it so (`updateOutput`); otherwise it is walked.
 */
export async function treeKey(dir: string, tree: Tree = listTree(dir)): Promise<string> {
  const hash = createHash("sha256");
  for (const rel of tree.folders.sort()) hash.update(`${rel}\0d\n`);
  // Synchronous on purpose: tens of thousands of lstat calls are several times cheaper without a promise each.
  for (const rel of [...tree.files, ...tree.others].sort()) {
    const st = lstatSync(path.join(dir, rel), { throwIfNoEntry: false });
    hash.update(st ? `${rel}\0${st.size}\0${st.mtimeMs}\0${st.ino}\n` : `${rel}\0gone\n`);
  }
  return hash.digest("hex");
}

function stampFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, "builds", `${createHash("sha256").update(path.resolve(outDir)).digest("hex").slice(0, 32)}.json`);
}

function isStamp(value: unknown): value is BuildStamp {
  const s = value as BuildStamp;
  return !!s && typeof s.inputs === "string" && typeof s.tree === "string" && [s.pages, s.pdfs, s.searchPages].every((n) => typeof n === "number");
}

/** The stamp of the last build into `outDir`, when there is a readable one. */
export async function readStamp(cacheDir: string, outDir: string): Promise<BuildStamp | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(stampFile(cacheDir, outDir), "utf8"));
    return isStamp(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function writeStamp(cacheDir: string, outDir: string, stamp: BuildStamp): Promise<void> {
  const file = stampFile(cacheDir, outDir);
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(stamp));
  await rename(tmp, file);
}
