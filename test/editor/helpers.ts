// Helpers for the editor tests: a temporary repository holding a copy of the sample content, and `npm run editor` on it.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runGit, TEST_GIT_ENV } from "../helpers/git.ts";

export const REPO = path.resolve(import.meta.dirname, "../..");

const GIT_ENV = TEST_GIT_ENV;

export function git(dir: string, ...args: string[]): string {
  return runGit(GIT_ENV, dir, args);
}

/** A git repository (branch main, one commit) with a copy of the sample content. */
export function sampleRepository(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "gs-editor-"));
  cpSync(path.join(REPO, "content"), path.join(dir, "content"), { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "Nội dung mẫu");
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface EditorProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Runs `npm run editor -- --repo DIR --port 0` as a clerk would, and waits for the address it prints. */
export function runEditorCommand(repoDir: string): Promise<EditorProcess> {
  const child: ChildProcess = spawn("npm", ["run", "--silent", "editor", "--", "--repo", repoDir, "--port", "0"], {
    cwd: REPO,
    env: { ...GIT_ENV, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      // The whole group: npm, tsx and node.
      process.kill(-(child.pid as number), "SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Trình soạn thảo đang chạy tại (http:\/\/127\.0\.0\.1:\d+\/quan-tri\/)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve({ url: m[1] as string, output: () => out, stop });
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`npm run editor exited ${child.exitCode}:\n${out}`));
      }
    }, 100);
  });
}
