// Git for tests: no user or system configuration, a fixed author, output trimmed.
import { execFileSync } from "node:child_process";

/** The environment of every git the tests run: nothing from the machine's configuration, one test author. */
export const TEST_GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "Người Thử",
  GIT_AUTHOR_EMAIL: "thu@example.vn",
  GIT_COMMITTER_NAME: "Người Thử",
  GIT_COMMITTER_EMAIL: "thu@example.vn",
};

/** Runs git in `dir` with `env` and returns its trimmed output. */
export function runGit(env: NodeJS.ProcessEnv, dir: string, args: readonly string[]): string {
  return execFileSync("git", [...args], { cwd: dir, env, encoding: "utf8" }).trim();
}
