// Test helpers for src/github: a temporary Git repository with two commits and a simulated Actions environment.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runGit, TEST_GIT_ENV } from "../helpers/git.ts";

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/github-pr");

const GIT_ENV = {
  ...TEST_GIT_ENV,
  GIT_AUTHOR_DATE: "2019-06-01T08:00:00+07:00",
  GIT_COMMITTER_DATE: "2019-06-01T08:00:00+07:00",
};

export function git(dir: string, ...args: string[]): string {
  return runGit(GIT_ENV, dir, args);
}

export interface TwoCommitRepo {
  dir: string;
  base: string;
  head: string;
}

/** A repository whose first commit is `baseTree` and second is `headTree` (folders copied whole). */
export function twoCommitRepo(baseTree: string, headTree: string): TwoCommitRepo {
  const dir = mkdtempSync(path.join(tmpdir(), "gs-pr-"));
  git(dir, "init", "-q", "-b", "main");
  cpSync(baseTree, dir, { recursive: true });
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "Base");
  const base = git(dir, "rev-parse", "HEAD");
  git(dir, "checkout", "-q", "-b", "proposal");
  git(dir, "rm", "-q", "-r", "content");
  cpSync(headTree, dir, { recursive: true });
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "Head");
  const head = git(dir, "rev-parse", "HEAD");
  return { dir, base, head };
}

export interface ActionsEnv {
  dir: string;
  env: Record<string, string>;
  summary(): string;
  /** Outputs parsed from the `name<<DELIM` blocks written to GITHUB_OUTPUT. */
  outputs(): Record<string, string>;
  cleanup(): void;
}

/** Temp files for GITHUB_STEP_SUMMARY, GITHUB_OUTPUT and GITHUB_EVENT_PATH (with the given payload). */
export function actionsEnv(event: unknown, extra: Record<string, string> = {}): ActionsEnv {
  const dir = mkdtempSync(path.join(tmpdir(), "gs-actions-"));
  const files = {
    GITHUB_STEP_SUMMARY: path.join(dir, "step-summary.md"),
    GITHUB_OUTPUT: path.join(dir, "output.txt"),
    GITHUB_EVENT_PATH: path.join(dir, "event.json"),
  };
  writeFileSync(files.GITHUB_STEP_SUMMARY, "");
  writeFileSync(files.GITHUB_OUTPUT, "");
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(event));
  return {
    dir,
    env: { GITHUB_ACTIONS: "true", ...files, ...extra },
    summary: () => readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"),
    outputs: () => {
      const text = readFileSync(files.GITHUB_OUTPUT, "utf8");
      const out: Record<string, string> = {};
      const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2\n/gm;
      for (const m of text.matchAll(re)) out[m[1] as string] = m[3] as string;
      return out;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The pull_request event fixture with the given commits filled in. */
export function pullRequestEvent(base: string, head: string): unknown {
  const event = JSON.parse(readFileSync(path.join(FIXTURES, "event-pull_request.json"), "utf8")) as {
    pull_request: { base: { sha: string }; head: { sha: string } };
  };
  event.pull_request.base.sha = base;
  event.pull_request.head.sha = head;
  return event;
}

export interface Captured {
  stdout: string;
  stderr: string;
}

export function io(argv: string[], env: Record<string, string>, cwd: string): { io: import("../../src/github/cli.ts").CommandIO; out: Captured } {
  const out: Captured = { stdout: "", stderr: "" };
  return {
    out,
    io: { argv, env, cwd, stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) },
  };
}
