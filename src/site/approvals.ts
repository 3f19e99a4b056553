// When each content file entered the published record: read from git history in ONE `git log` call for the whole tree.
import { execFile } from "node:child_process";
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

/**
 * Approval records of every committed file under `contentDir`, keyed by path relative to it.
 * Empty (never an error) outside a git checkout, without git, or for uncommitted files.
 */
export function readApprovals(contentDir: string): Promise<Map<string, ApprovalRecord>> {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["-c", "core.quotePath=false", "log", "--first-parent", "--diff-merges=first-parent", "--name-only", "--relative", `--format=${RECORD}%H${FIELD}%cI${FIELD}%s`, "--", "."],
      { cwd: contentDir, maxBuffer: 512 * 1024 * 1024, encoding: "utf8" },
      (error, stdout) => resolve(error ? new Map() : parseGitLog(stdout)),
    );
  });
}
