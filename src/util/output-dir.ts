// The one guard for every folder a command writes and later replaces (`--out`): it never lets a command
// destroy what the project did not make. An output folder carries our marker file; anything else is
// refused before any work starts, with a Vietnamese message saying what would have been lost.
import { spawn } from "node:child_process";
import { copyFileSync, linkSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, readFile, realpath, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { homedir, hostname } from "node:os";
import path from "node:path";
import { UsageError } from "./cli.ts";
import { listTree, type Tree } from "./tree.ts";

/** The file inside every folder the project made and may replace. */
export const OUTPUT_MARKER = ".guong-sang-output";

const TOOL = "guong-sang";

export interface OutDirOptions {
  /** The working directory (relative paths resolve against it; it may not be replaced). */
  cwd: string;
  /** The content tree: the output may not be it, contain it or sit inside it. */
  contentDir?: string;
  /** The home folder (default: the user's); tests inject one. */
  home?: string;
  /** The option the user wrote, named in the message (default `--out`). */
  option?: string;
  /** A good value to suggest (default `_site`). */
  example?: string;
  /** What the folder is for, in the message (default "thư mục kết quả"). */
  what?: string;
  /** Accept a non-empty folder without our marker (the default cache folder of earlier versions, ours by its name). */
  ownedByName?: boolean;
}

/**
 * Throws a UsageError (exit 2, no usage text) when `outDir` may not be replaced: an existing file, a
 * non-empty folder without our marker, the content tree (or anything containing it or inside it), a
 * repository (a folder with package.json or .git) or anything containing one, the working directory
 * or anything containing it, the home folder or anything containing it, or the file-system root.
 * Symbolic links are followed: every comparison is between real paths.
 */
export async function assertSafeOutDir(outDir: string, options: OutDirOptions): Promise<void> {
  const problem = await findProblem(outDir, options);
  if (problem) throw new UsageError(problem, false);
}

/** The real path `outDir` names (symbolic links resolved, also in a part that does not exist yet). */
export async function resolveOutDir(outDir: string, cwd: string): Promise<string> {
  return realish(path.resolve(cwd, outDir));
}

/**
 * The build cache folder gets the same care as an output: the build prunes what it finds in its own subfolders,
 * so a folder named by GUONG_SANG_CACHE_DIR must be new, empty or marked as ours; then it is created and marked.
 * The default folder (`isDefault`) is ours by its name, also when an earlier version made it without a marker.
 */
export async function prepareCacheDir(dir: string, options: OutDirOptions & { isDefault: boolean }): Promise<void> {
  await assertSafeOutDir(dir, { option: "GUONG_SANG_CACHE_DIR", example: ".cache/guong-sang", what: "thư mục bộ đệm", ownedByName: options.isDefault, ...options });
  await mkdir(dir, { recursive: true });
  if (!(await isOutputDir(dir))) await markOutputDir(dir);
}

/** Marks `dir` (which exists) as an output of ours, so that a later run may replace it. */
export async function markOutputDir(dir: string): Promise<void> {
  await writeFile(path.join(dir, OUTPUT_MARKER), `${JSON.stringify({ tool: TOOL })}\n`);
}

/** True when `dir` is a real folder (not a link) holding our marker as a regular file. */
export async function isOutputDir(dir: string): Promise<boolean> {
  return (await readMarker(dir)) !== undefined;
}

/**
 * A fresh temporary folder beside `outDir` (same file system, so renames are atomic), named
 * `.<out>.<label>-<pid>-<hex>` and marked with the process and machine that own it, so that the next
 * run can tell a folder left by a run that died from one still in use.
 */
export async function makeTempBeside(outDir: string, label: TempLabel = "tmp"): Promise<string> {
  const dir = path.join(path.dirname(outDir), `.${path.basename(outDir)}.${label}-${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, OUTPUT_MARKER), `${JSON.stringify({ tool: TOOL, pid: process.pid, host: hostname() })}\n`);
  return dir;
}

export type TempLabel = "tmp" | "preview";

/**
 * Moves the finished `newDir` (made by makeTempBeside) to `outDir`, marked as ours. The previous
 * output is renamed aside first and removed only after the new one is in place, and only when it
 * carries our marker; if the second rename fails, the previous output is put back. An empty folder
 * is replaced; anything else is refused and left as it is.
 */
export async function swapInto(newDir: string, outDir: string, options: { removeOld?: "wait" | "background" } = {}): Promise<void> {
  await markOutputDir(newDir);
  await mkdir(path.dirname(outDir), { recursive: true });
  const info = await lstat(outDir).catch(() => undefined);
  if (!info) {
    await rename(newDir, outDir);
    return;
  }
  if (!(await isOutputDir(outDir))) {
    // Made empty by the user, or by another program since the check at the start: rmdir removes only an empty folder.
    const emptied = info.isDirectory() && (await rmdir(outDir).then(() => true, () => false));
    if (!emptied) {
      throw new UsageError(
        `Không thay được "${outDir}": trong lúc dựng, thư mục này đã bị thay bằng một thứ không do Gương Sáng tạo ra (không có tệp đánh dấu ${OUTPUT_MARKER}), nên được giữ nguyên. Hãy chỉ --out tới một thư mục mới rồi dựng lại.`,
        false,
      );
    }
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
  if (!(await isOutputDir(old))) return;
  if (options.removeOld === "background") removeInBackground(old);
  else await rm(old, { recursive: true, force: true });
}

/** Files `updateOutput` always renames into place rather than swap the folder for (a fraction of a second). */
const SMALL_UPDATE = 2000;

/**
 * Puts the finished `newDir` (made by makeTempBeside) in place of the previous output `outDir`, which keeps the files
 * named in `kept` (paths relative to it, `/`-separated: pages the build found unchanged and did not write again).
 *
 * When `outDir` is a folder of ours holding no symbolic link (we never make one), and the build kept more files than
 * it wrote or wrote few, `outDir` is updated in place, only once the whole build succeeded, like the swap: its files
 * that are neither kept nor in `newDir` are removed, then the folders left without any, then every file of `newDir`
 * is renamed over its namesake, and the rest of `newDir` (folders and marker) removed. No folder is made again and
 * nothing is linked or copied, whatever the size of the site. Should the process die midway (a fraction of a second),
 * the folder mixes both builds, and the next build, which finds its stamp broken, completes it.
 *
 * Otherwise (nothing kept, no previous output, an empty folder, a link inside, thousands of files written and fewer
 * kept) the kept files are linked into `newDir`, which is swapped in as `swapInto` does.
 *
 * Updated in place, the result carries what `outDir` now holds (so the build's stamp needs no second walk of it).
 */
export async function updateOutput(newDir: string, outDir: string, kept: readonly string[], options: { removeOld?: "wait" | "background" } = {}): Promise<{ how: "updated"; tree: Tree } | { how: "swapped" }> {
  // Nothing kept (a first build, a code change): nothing to gain in place, and the new tree need not even be listed.
  const ours = kept.length > 0 && (await isOutputDir(outDir));
  const incoming = ours ? listTree(newDir).files.filter((rel) => rel !== OUTPUT_MARKER) : [];
  // A rename over a file costs more than a link into a new folder (it frees the file replaced): when the build wrote
  // more files than it kept, and many, the swap is quicker (`npm run build` deletes the old folder in the background).
  const present = ours && incoming.length <= Math.max(kept.length, SMALL_UPDATE) ? listTree(outDir) : undefined;
  if (!present || present.others.length > 0) {
    for (const rel of kept) linkOrCopy(path.join(outDir, rel), path.join(newDir, rel));
    await swapInto(newDir, outDir, options);
    return { how: "swapped" };
  }
  const wanted = new Set([OUTPUT_MARKER, ...kept, ...incoming]);
  const folders = new Set<string>();
  for (const rel of wanted) for (let d = path.posix.dirname(rel); d !== "." && !folders.has(d); d = path.posix.dirname(d)) folders.add(d);
  for (const rel of present.files) if (!wanted.has(rel)) rmSync(path.join(outDir, rel), { force: true });
  // Deepest first, so that a folder's emptied subfolders are gone before it.
  for (const rel of present.folders.filter((d) => !folders.has(d)).sort((a, b) => b.length - a.length)) rmSync(path.join(outDir, rel), { recursive: true, force: true });
  const made = new Set(present.folders.filter((d) => folders.has(d)));
  for (const rel of incoming) {
    const dir = path.posix.dirname(rel);
    if (dir !== "." && !made.has(dir)) {
      mkdirSync(path.join(outDir, dir), { recursive: true });
      made.add(dir);
    }
    renameSync(path.join(newDir, rel), path.join(outDir, rel));
  }
  await rm(newDir, { recursive: true, force: true });
  return { how: "updated", tree: { files: [...wanted], folders: [...folders], others: [] } };
}

/** A hard link of `from` at `to` (its folder made), or a copy where links are refused. */
function linkOrCopy(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Removes a folder of ours in a detached process, so the command can end while a large previous output is deleted.
 * Should that process die, the folder keeps its marker and name and the next run's `removeDeadTemps` removes it.
 */
function removeInBackground(dir: string): void {
  const child = spawn(process.execPath, ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", dir], { detached: true, stdio: "ignore" });
  child.on("error", () => {});
  child.unref();
}

/**
 * Removes the temporary folders that runs which died left beside `outDir` (a build killed midway, a
 * preview server killed without Ctrl+C). Only ours: the name has our pattern, the folder (not a link)
 * holds our marker, it was made on this machine, and the process named in it is no longer alive here.
 * A folder without the marker is kept, unless it is empty. Returns the names removed.
 */
export async function removeDeadTemps(outDir: string): Promise<string[]> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const pattern = new RegExp(`^\\.${escapeRegExp(base)}\\.(?:tmp|preview)-(\\d+)-[0-9a-f]{8}(?:\\.old)?$`);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || isAlive(pid)) continue;
    const dir = path.join(parent, name);
    const info = await lstat(dir).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    const marker = await readMarker(dir);
    if (!marker) {
      // rmdir removes only an empty folder: a run that died before writing its marker.
      if (await rmdir(dir).then(() => true, () => false)) removed.push(name);
      continue;
    }
    if (marker.host !== undefined && marker.host !== hostname()) continue;
    await rm(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

async function readMarker(dir: string): Promise<{ tool: string; pid?: number; host?: string } | undefined> {
  const file = path.join(dir, OUTPUT_MARKER);
  try {
    if (!(await lstat(dir)).isDirectory()) return undefined;
    const info = await lstat(file);
    if (!info.isFile() || info.size > 4096) return undefined;
    const data = JSON.parse(await readFile(file, "utf8")) as unknown;
    if (typeof data !== "object" || data === null || (data as { tool?: unknown }).tool !== TOOL) return undefined;
    return data as { tool: string; pid?: number; host?: string };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The real path of `abs`: the longest existing prefix resolved by the system, the rest appended. */
async function realish(abs: string): Promise<string> {
  try {
    return await realpath(abs);
  } catch {
    const parent = path.dirname(abs);
    if (parent === abs) return abs;
    return path.join(await realish(parent), path.basename(abs));
  }
}

/** `inner` is `outer` or lies below it. */
function within(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** How a path is shown: relative to the working directory when inside it, otherwise absolute. */
function shown(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  if (rel === "") return ".";
  return rel.startsWith("..") || path.isAbsolute(rel) ? abs : rel;
}

async function isRepository(dir: string): Promise<string | undefined> {
  for (const name of ["package.json", ".git"]) {
    if (await lstat(path.join(dir, name)).then(() => true, () => false)) return name;
  }
  return undefined;
}

/** Folders at or above `start` that are repositories (package.json or .git). */
async function repositoriesAbove(start: string): Promise<string[]> {
  const out: string[] = [];
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (await isRepository(dir)) out.push(dir);
    if (path.dirname(dir) === dir) return out;
  }
}

async function findProblem(outDir: string, options: OutDirOptions): Promise<string | undefined> {
  const cwd = await realish(path.resolve(options.cwd));
  const out = await realish(path.resolve(options.cwd, outDir));
  const home = await realish(path.resolve(options.home ?? homedir()));
  const content = options.contentDir ? await realish(path.resolve(options.cwd, options.contentDir)) : undefined;
  const option = options.option ?? "--out";
  const example = options.example ?? "_site";
  const head = `Không dùng được "${outDir}" làm ${options.what ?? "thư mục kết quả"} (${option}): `;
  const todo = `Hãy chỉ ${option} tới một thư mục mới dành riêng cho ${options.what ? "việc này" : "kết quả"}, ví dụ ${example}.`;
  const info = await lstat(out).catch(() => undefined);

  if (path.dirname(out) === out) return `${head}đó là thư mục gốc của ổ đĩa. Dựng vào đó sẽ xoá mọi tệp trên máy. ${todo}`;
  if (info && !info.isDirectory()) return `${head}đó là một tệp đã có, không phải thư mục. Dựng vào đó sẽ xoá tệp này. ${todo}`;
  if (content !== undefined) {
    const c = shown(content, cwd);
    if (out === content) return `${head}đó chính là thư mục nội dung "${c}". Dựng vào đó sẽ xoá toàn bộ bài viết, kế hoạch và ảnh. ${todo}`;
  }
  if (out === home) return `${head}đó là thư mục nhà của bạn. Dựng vào đó sẽ xoá mọi tài liệu của bạn. ${todo}`;
  const repos = [...new Set([...(await repositoriesAbove(cwd)), ...(content ? await repositoriesAbove(content) : [])])];
  const ownRepo = info ? await isRepository(out) : undefined;
  if (ownRepo || repos.includes(out)) {
    return `${head}đó là thư mục gốc của một kho mã (có ${ownRepo ?? "package.json hoặc .git"}). Dựng vào đó sẽ xoá toàn bộ mã nguồn, nội dung và lịch sử của kho. ${todo}`;
  }
  if (out === cwd) return `${head}đó là thư mục đang làm việc. Dựng vào đó sẽ xoá mọi tệp trong thư mục này. ${todo}`;
  const repo = repos.find((r) => within(r, out));
  if (repo) return `${head}thư mục này chứa kho mã "${shown(repo, cwd)}". Dựng vào đó sẽ xoá cả kho ấy cùng lịch sử của nó. ${todo}`;
  if (content !== undefined && within(content, out)) {
    return `${head}thư mục này chứa thư mục nội dung "${shown(content, cwd)}". Dựng vào đó sẽ xoá toàn bộ nội dung cùng mọi tệp khác trong đó. ${todo}`;
  }
  if (within(home, out)) return `${head}thư mục này chứa thư mục nhà của bạn (${home}). Dựng vào đó sẽ xoá mọi tài liệu của bạn. ${todo}`;
  if (within(cwd, out)) return `${head}thư mục này chứa thư mục đang làm việc (${cwd}). Dựng vào đó sẽ xoá thư mục ấy cùng mọi tệp khác trong đó. ${todo}`;
  if (content !== undefined && within(out, content)) {
    return `${head}thư mục này nằm trong thư mục nội dung "${shown(content, cwd)}". Kết quả dựng sẽ lẫn vào nội dung và có thể ghi đè bài viết, ảnh. Hãy chỉ ${option} tới một thư mục ngoài thư mục nội dung, ví dụ ${example}.`;
  }
  if (info && !options.ownedByName && !(await isOutputDir(out))) {
    const entries = await readdir(out);
    if (entries.length > 0) {
      return (
        `${head}thư mục này đã có ${entries.length} tệp hoặc thư mục không do Gương Sáng tạo ra (không có tệp đánh dấu ${OUTPUT_MARKER}). ` +
        `Dựng vào đó sẽ xoá chúng. Hãy chỉ ${option} tới một thư mục mới hoặc trống, ví dụ ${example}; nếu đây là kết quả của một lần dựng cũ, hãy tự xoá thư mục này rồi chạy lại.`
      );
    }
  }
  return undefined;
}
