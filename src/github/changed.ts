// Changed files between two commits (git diff --name-status -z, renames kept) and which of them are content entries.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { CONTENT_TYPES, type ContentType } from "../content/model.ts";
import { entryPagePath } from "../paths/paths.ts";

export type ChangeStatus = "added" | "modified" | "deleted" | "renamed" | "copied" | "type-changed";

/** One line of `git diff --name-status`: paths relative to the repository root, forward slashes. */
export interface ChangedFile {
  status: ChangeStatus;
  path: string;
  /** The path before a rename or copy. */
  oldPath?: string;
}

const STATUS: Record<string, ChangeStatus> = {
  A: "added",
  M: "modified",
  D: "deleted",
  R: "renamed",
  C: "copied",
  T: "type-changed",
};

/**
 * Parses the NUL-separated output of `git diff --name-status -z`: `M\0path\0`, and for renames and
 * copies `R100\0old\0new\0`. Unmerged or unknown statuses are rejected rather than guessed.
 */
export function parseNameStatus(output: string): ChangedFile[] {
  const parts = output.split("\0");
  if (parts[parts.length - 1] === "") parts.pop();
  const files: ChangedFile[] = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++] ?? "";
    const status = STATUS[code.charAt(0)];
    if (!status) throw new Error(`Unexpected git status "${code}" in git diff output`);
    if (status === "renamed" || status === "copied") {
      const oldPath = parts[i++];
      const newPath = parts[i++];
      if (oldPath === undefined || newPath === undefined) throw new Error("Truncated rename in git diff output");
      files.push({ status, path: newPath, oldPath });
    } else {
      const file = parts[i++];
      if (file === undefined) throw new Error("Truncated git diff output");
      files.push({ status, path: file });
    }
  }
  return files;
}

export type GitRunner = (args: string[], cwd: string) => string;

const runGit: GitRunner = (args, cwd) =>
  execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });

/** Files changed on `head` since it forked from `base` (three-dot diff), renames detected. */
export function changedFiles(repoDir: string, base: string, head: string, git: GitRunner = runGit): ChangedFile[] {
  for (const rev of [base, head]) {
    // A revision never starts with "-": git must not read it as an option.
    if (!/^[\w./~^@{}-]+$/.test(rev) || rev.startsWith("-")) throw new Error(`Not a commit: ${rev}`);
  }
  const output = git(["-c", "core.quotePath=false", "diff", "--name-status", "-z", "-M", "--no-color", `${base}...${head}`, "--"], repoDir);
  return parseNameStatus(output);
}

/** A changed file that is one content entry (an exemplar, plan, activity or bulletin). */
export interface EntryChange {
  type: ContentType;
  slug: string;
  status: ChangeStatus;
  /** Path relative to the repository root. */
  path: string;
  /** For a rename within the content entries: where it was, and its slug there. */
  oldPath?: string;
  oldSlug?: string;
}

/** The year folder of an entry's path (`content/activities/2019/x.md` → 2019), where its page is placed. */
export function folderYear(entryPath: string): number | undefined {
  const m = /\/(\d{4})\/[^/]+\.md$/.exec(entryPath);
  return m ? Number(m[1]) : undefined;
}

/** The page readers open for a changed entry and, when a rename moves it, the page that disappears. */
export function changePages(change: EntryChange): { pagePath: string; oldPagePath?: string } {
  const pagePath = entryPagePath(change.type, change.slug, folderYear(change.path));
  if (change.oldSlug === undefined) return { pagePath };
  const oldPagePath = entryPagePath(change.type, change.oldSlug, folderYear(change.oldPath ?? change.path));
  return oldPagePath === pagePath ? { pagePath } : { pagePath, oldPagePath };
}

export interface ContentChanges {
  /** Changed entries, in the order of the content types then by path. */
  entries: EntryChange[];
  /** Other changed files inside the content folder (site.yaml, images), by path. */
  otherContent: ChangedFile[];
  /** True when a change can affect other entries (site.yaml, a schema, a removed or renamed slug): validate everything. */
  validateAll: boolean;
  /** Existing entry files to validate, relative to the repository root. */
  filesToValidate: string[];
}

const TYPE_ORDER = Object.keys(CONTENT_TYPES) as ContentType[];

/** Which entry a path inside the content folder is (`exemplars/2019/ten-tep.md` → exemplar `ten-tep`), if any. */
export function entryOfPath(pathInContent: string): { type: ContentType; slug: string } | undefined {
  if (!pathInContent.endsWith(".md")) return undefined;
  const [folder, ...rest] = pathInContent.split("/");
  if (rest.length === 0) return undefined;
  const type = TYPE_ORDER.find((t) => CONTENT_TYPES[t].folder === folder);
  if (!type) return undefined;
  return { type, slug: path.posix.basename(pathInContent, ".md") };
}

function insideDir(file: string, dir: string): string | undefined {
  const prefix = dir === "" || dir === "." ? "" : `${dir.replace(/\/+$/, "")}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
}

/**
 * Maps changed files to content entries. `contentDir` is the content folder relative to the
 * repository root (usually `content`). A rename out of the content entries counts as a deletion,
 * a rename into them as an addition.
 */
export function contentChanges(files: readonly ChangedFile[], contentDir = "content"): ContentChanges {
  const dir = path.posix.normalize(contentDir.replace(/\\/g, "/")).replace(/^\.\/?/, "").replace(/\/+$/, "");
  const entries: EntryChange[] = [];
  const otherContent: ChangedFile[] = [];
  let validateAll = false;
  for (const file of files) {
    if (file.path.startsWith("schemas/") || (file.oldPath?.startsWith("schemas/") ?? false)) validateAll = true;
    const inContent = insideDir(file.path, dir);
    const oldInContent = file.oldPath !== undefined ? insideDir(file.oldPath, dir) : undefined;
    const entry = inContent !== undefined ? entryOfPath(inContent) : undefined;
    const oldEntry = oldInContent !== undefined ? entryOfPath(oldInContent) : undefined;
    if (inContent === "site.yaml" || oldInContent === "site.yaml") validateAll = true;
    if (entry && file.status === "renamed" && oldEntry) {
      entries.push({ ...entry, status: "renamed", path: file.path, oldPath: file.oldPath as string, oldSlug: oldEntry.slug });
      continue;
    }
    if (oldEntry && file.status === "renamed") {
      entries.push({ ...oldEntry, status: "deleted", path: file.oldPath as string });
    }
    if (entry) {
      const status = file.status === "renamed" || file.status === "copied" ? "added" : file.status;
      entries.push({ ...entry, status, path: file.path });
    } else if (inContent !== undefined || (oldInContent !== undefined && !oldEntry)) {
      otherContent.push(file);
    }
  }
  entries.sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || compareText(a.path, b.path));
  otherContent.sort((a, b) => compareText(a.path, b.path));
  // A removed or renamed slug can break references from files the PR did not touch: check them all.
  if (entries.some((e) => e.status === "deleted" || (e.oldSlug !== undefined && e.oldSlug !== e.slug))) validateAll = true;
  const filesToValidate = entries.filter((e) => e.status !== "deleted").map((e) => e.path);
  return { entries, otherContent, validateAll, filesToValidate };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
