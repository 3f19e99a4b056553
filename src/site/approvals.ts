// When each content file entered the published record: read from git history in ONE `git log` call for the whole tree.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { vietnamDayOfTimestamp } from "../vi/date.ts";

export interface Approval {
  /** Full hash of the commit on the main line that brought the file in (a merge commit for a PR). */
  commit: string;
  /** Calendar date of that commit, `YYYY-MM-DD`, in Asia/Ho_Chi_Minh. */
  date: string;
  /** Pull request number, when the commit message names one (`Merge pull request #12`, `… (#12)`). */
  pr?: number;
  subject: string;
}

export interface ApprovalRecord {
  /** The commit that first brought the file in. */
  entered: Approval;
  /** The last commit that changed it, when different. */
  updated?: Approval;
}

const FIELD = "\x1f";
const RECORD = "\x1e";

/** Pull request number from a commit subject, if any. */
export function prNumber(subject: string): number | undefined {
  const m = /(?:pull request|PR) #(\d+)|\(#(\d+)\)\s*$/i.exec(subject);
  const n = m ? Number(m[1] ?? m[2]) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Parses `git log --first-parent --name-only --format=<RS>%H<US>%cI<US>%s` output (newest first).
 * Files are paths relative to the content directory (`--relative`).
 */
export function parseGitLog(output: string): Map<string, ApprovalRecord> {
  const records = new Map<string, ApprovalRecord>();
  for (const chunk of output.split(RECORD)) {
    if (!chunk.trim()) continue;
    const [header = "", ...files] = chunk.split("\n");
    const [commit = "", iso = "", subject = ""] = header.split(FIELD);
    const approval: Approval = { commit, date: vietnamDayOfTimestamp(iso), subject, pr: prNumber(subject) };
    if (approval.pr === undefined) delete approval.pr;
    for (const raw of files) {
      const file = raw.trim();
      if (!file) continue;
      const known = records.get(file);
      // Newest first: the first sighting is the latest change, the last one is when it entered.
      if (!known) records.set(file, { entered: approval });
      else {
        known.updated ??= known.entered;
        known.entered = approval;
      }
    }
  }
  return records;
}

/** A history cut short (`git clone --depth`): the first commit seen is not when a file entered the record. */
export class ShallowHistoryError extends Error {
  constructor() {
    super(
      "Lịch sử git của kho bị cắt ngắn (shallow clone), nên không biết mỗi tệp được duyệt công bố qua đề nghị thay đổi nào. " +
        "Trong quy trình GitHub Actions, đặt `fetch-depth: 0` cho bước actions/checkout; trên máy mình, chạy `git fetch --unshallow`.",
    );
    this.name = "ShallowHistoryError";
  }
}

/** Running in CI: `CI=true` (most CI systems) or GitHub Actions. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  return env["CI"] === "true" || env["GITHUB_ACTIONS"] === "true";
}

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", args, { cwd, maxBuffer: 512 * 1024 * 1024, encoding: "utf8" }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

/** Stops a CI build whose history is shallow (before any page is made); elsewhere a shallow history only hides the records. */
export async function checkHistory(contentDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (inCi(env) && (await git(contentDir, ["rev-parse", "--is-shallow-repository"]))?.trim() === "true") throw new ShallowHistoryError();
}

/**
 * A record the page may state: the file entered through a merge that names its pull request, and its
 * last change (if any) did too. A file committed straight to the main line has no approval to show.
 */
export function provable(record: ApprovalRecord): boolean {
  return record.entered.pr !== undefined && (record.updated === undefined || record.updated.pr !== undefined);
}

/**
 * Approval records of every committed file under `contentDir` that entered (and last changed) through a
 * pull request, keyed by path relative to it. Empty (never an error) outside a git checkout or without
 * git; files without a findable merge are left out, so their pages say nothing about approval. A shallow
 * history proves nothing: empty, and in CI (`CI=true`, GitHub Actions) a `ShallowHistoryError`.
 */
export async function readApprovals(contentDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Map<string, ApprovalRecord>> {
  // Outside any checkout there is nothing to read, and no git process to wait for.
  if (!env["GIT_DIR"] && !insideCheckout(contentDir)) return new Map();
  const known = remembered.get(contentDir);
  if (known && historyKey(known.gitDir, known.commonDir) === known.key) return new Map(known.records);
  const head = (await git(contentDir, ["rev-parse", "--is-shallow-repository", "--absolute-git-dir", "--git-common-dir"]))?.split("\n");
  if (head === undefined) return new Map();
  if (head[0]?.trim() === "true") {
    if (inCi(env)) throw new ShallowHistoryError();
    return new Map();
  }
  const gitDir = head[1]?.trim() ?? "";
  const commonDir = path.resolve(contentDir, head[2]?.trim() ?? "");
  const key = historyKey(gitDir, commonDir); // taken before the log: a commit during it makes the next call read again
  const log = await git(contentDir, ["-c", "core.quotePath=false", "log", "--first-parent", "--diff-merges=first-parent", "--name-only", "--relative", `--format=${RECORD}%H${FIELD}%cI${FIELD}%s`, "--", "."]);
  if (log === undefined) return new Map();
  const records = new Map([...parseGitLog(log)].filter(([, record]) => provable(record)));
  if (key !== undefined) remembered.set(contentDir, { gitDir, commonDir, key, records });
  return new Map(records);
}

/** The last history read per content folder, with the state of the checkout it was read from (`npm start` reads it after every edit). */
const remembered = new Map<string, { gitDir: string; commonDir: string; key: string; records: Map<string, ApprovalRecord> }>();

/** Whether `dir` or a folder above it holds `.git` (a folder, or a file for a worktree). */
function insideCheckout(dir: string): boolean {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (existsSync(path.join(at, ".git"))) return true;
    if (path.dirname(at) === at) return false;
  }
}

/**
 * What the history's tip is, read from git's own files without starting git: HEAD, the branch it names (loose, or the
 * packed refs' size and time), and the shallow marker. A commit, merge, pull, checkout or reset changes it. Undefined
 * when a file cannot be read: the history is then read again every time.
 */
function historyKey(gitDir: string, commonDir: string): string | undefined {
  try {
    const head = readFileSync(path.join(gitDir, "HEAD"), "utf8").trim();
    const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
    const stamp = (file: string): string => {
      try {
        const st = statSync(file);
        return `${st.size}:${st.mtimeMs}:${st.ino}`;
      } catch {
        return "-";
      }
    };
    let tip = head;
    if (ref) {
      const loose = path.join(commonDir, ref);
      tip = existsSync(loose) ? readFileSync(loose, "utf8").trim() : `packed ${stamp(path.join(commonDir, "packed-refs"))}`;
    }
    return `${head}\n${tip}\n${stamp(path.join(commonDir, "shallow"))}`;
  } catch {
    return undefined;
  }
}
