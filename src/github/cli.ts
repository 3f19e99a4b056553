// The CI commands (changed files, PR summary, PR comment) as functions of argv and environment, so tests can run them.
import { execFileSync } from "node:child_process";
import { lstatSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadContent } from "../content/load.ts";
import { appendStepSummary, type Env, pullRequestOf, readEvent, setOutputs, workflowRunOf } from "./actions.ts";
import { restApi, upsertComment, type GitHubApi } from "./api.ts";
import { ArtifactError, identityProblem, MAX_ARTIFACT_BYTES, parseSummaryArtifact, SUMMARY_FILE } from "./artifact.ts";
import { changedFiles, contentChanges, type ContentChanges } from "./changed.ts";
import { renderComment, renderSummary } from "./markdown.ts";
import { buildSummary, type PrSummary } from "./summary.ts";
import { argsOrExit, parseCommandArgs, PROCESS_STREAMS, UsageError, type CommandStreams } from "../util/cli.ts";

export interface CommandIO {
  argv: string[];
  env: Env;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function defaultIO(argv = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): CommandIO {
  return {
    argv,
    env: process.env,
    cwd: process.cwd(),
    stdout: (t) => streams.stdout.write(t),
    stderr: (t) => streams.stderr.write(t),
  };
}

/** The command's writers as the streams `argsOrExit` writes to. */
export function streamsOf(io: CommandIO): CommandStreams {
  return { stdout: { write: io.stdout }, stderr: { write: io.stderr } };
}

const RANGE_USAGE = `  --content THƯ_MỤC  thư mục nội dung (mặc định: content)
  --base SHA         bản gốc của pull request (mặc định: lấy từ sự kiện pull_request)
  --head SHA         bản mới nhất của pull request (mặc định: lấy từ sự kiện pull_request)`;

export const CHANGED_FILES_USAGE = `Cách dùng: npx tsx scripts/changed-files.ts [--content THƯ_MỤC] [--base SHA --head SHA] [--list TỆP]

Liệt kê các tệp nội dung mà pull request thay đổi và cần kiểm tra (dùng trong GitHub Actions).
${RANGE_USAGE}
  --list TỆP         ghi danh sách vào TỆP, ngăn bằng ký tự NUL (mặc định: in mỗi tệp một dòng)

Mã thoát: 0 xong, 2 sai cách dùng.
`;

export const PR_SUMMARY_USAGE = `Cách dùng: npx tsx scripts/pr-summary.ts [--content THƯ_MỤC] [--base SHA --head SHA --pr SỐ] [--out TỆP]

Lập bảng các mục pull request thay đổi, kết quả kiểm tra và những gì người đọc sẽ thấy (dùng trong GitHub Actions).
${RANGE_USAGE}
  --pr SỐ            số của pull request (mặc định: lấy từ sự kiện pull_request)
  --out TỆP          ghi thêm bảng dạng JSON vào TỆP cho bước bình luận

Mã thoát: 0 xong, 2 sai cách dùng.
`;

export const PR_COMMENT_USAGE = `Cách dùng: npx tsx scripts/pr-comment.ts --artifact THƯ_MỤC

Đọc bảng tóm tắt (pr-summary.json) trong THƯ_MỤC, kiểm tra nó thuộc đúng pull request, rồi tạo hoặc sửa
bình luận của dự án trên pull request đó (dùng trong GitHub Actions, sự kiện workflow_run).

Mã thoát: 0 xong hoặc không có gì để đăng, 1 tệp tóm tắt bị từ chối, 2 sai cách dùng.
`;

function gitRoot(cwd: string): string {
  return execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

interface Range {
  root: string;
  contentDir: string;
  contentRel: string;
  base: string;
  head: string;
  pr: number;
  changes: ContentChanges;
}

const RANGE_OPTIONS = {
  content: { type: "string" },
  base: { type: "string" },
  head: { type: "string" },
  pr: { type: "string" },
} as const;

/** Base, head and PR number from flags, else from the pull_request event; then the content changes between them. */
function resolveRange(io: CommandIO, values: { content?: string; base?: string; head?: string; pr?: string }): Range {
  const event = pullRequestOf(readEvent(io.env));
  const base = values.base ?? event?.baseSha;
  const head = values.head ?? event?.headSha;
  if (!base || !head) throw new UsageError("Cần --base và --head, hoặc chạy trong sự kiện pull_request (GITHUB_EVENT_PATH).");
  const pr = values.pr !== undefined ? Number(values.pr) : (event?.number ?? 0);
  if (!Number.isInteger(pr) || pr < 0) throw new UsageError(`Số PR không hợp lệ: ${values.pr}`);
  const root = gitRoot(io.cwd);
  const contentDir = path.resolve(io.cwd, values.content ?? "content");
  const contentRel = path.relative(root, contentDir).split(path.sep).join("/");
  if (contentRel.startsWith("..")) throw new UsageError(`Thư mục nội dung ${values.content ?? "content"} nằm ngoài kho Git.`);
  const changes = contentChanges(changedFiles(root, base, head), contentRel);
  return { root, contentDir, contentRel, base, head, pr, changes };
}

function usageExit(io: CommandIO, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr(`${error.message}\n`);
    return 2;
  }
  throw error;
}

/**
 * `changed-files [--content DIR] [--base SHA --head SHA] [--list FILE]`: the content files a PR
 * changed. Writes the existing entry files to validate, NUL-separated, to FILE (or one per line to
 * stdout) and sets the outputs `count` and `validate-all`.
 */
export function runChangedFiles(io: CommandIO): number {
  const parsed = argsOrExit(() => parseCommandArgs(io.argv, { ...RANGE_OPTIONS, list: { type: "string" } }).values, CHANGED_FILES_USAGE, streamsOf(io));
  if ("exit" in parsed) return parsed.exit;
  const values = parsed.args;
  try {
    const { changes, root } = resolveRange(io, values);
    const files = changes.filesToValidate.map((f) => path.relative(io.cwd, path.join(root, f)).split(path.sep).join("/"));
    if (values.list) writeFileSync(path.resolve(io.cwd, values.list), files.map((f) => `${f}\0`).join(""));
    else io.stdout(files.map((f) => `${f}\n`).join(""));
    setOutputs(io.env, { count: String(files.length), "validate-all": String(changes.validateAll) });
    return 0;
  } catch (error) {
    return usageExit(io, error);
  }
}

/**
 * `pr-summary [--content DIR] [--base SHA --head SHA --pr N] [--out FILE]`: the table of changed
 * entries with their validation result and what readers will see, appended to the job summary and
 * written as JSON to FILE for the comment workflow. Always exits 0 once it ran: the validate step
 * is what fails the check.
 */
export async function runPrSummary(io: CommandIO): Promise<number> {
  let range: Range;
  let out: string | undefined;
  const parsed = argsOrExit(() => parseCommandArgs(io.argv, { ...RANGE_OPTIONS, out: { type: "string" } }).values, PR_SUMMARY_USAGE, streamsOf(io));
  if ("exit" in parsed) return parsed.exit;
  const values = parsed.args;
  try {
    range = resolveRange(io, values);
    out = values.out;
  } catch (error) {
    return usageExit(io, error);
  }
  const { changes, root } = range;
  const loaded = await loadContent(range.contentDir, {
    drafts: true,
    cwd: root,
    ...(changes.validateAll ? {} : { files: changes.filesToValidate.map((f) => path.join(root, f)) }),
  });
  const summary: PrSummary = buildSummary({
    pr: range.pr,
    headSha: range.head,
    baseSha: range.base,
    changes: changes.entries,
    otherFiles: changes.otherContent.map((f) => f.path),
    model: loaded.model,
    findings: loaded.findings,
    cwd: root,
  });
  const markdown = renderSummary(summary);
  if (!appendStepSummary(io.env, markdown)) io.stdout(markdown);
  if (out) writeFileSync(path.resolve(io.cwd, out), `${JSON.stringify(summary, null, 2)}\n`);
  return 0;
}

/** Problems that only mean the comment is out of date, not that anything is wrong. */
const STALE = ["the pull request has moved on to a newer commit", "the pull request is no longer open"];

/**
 * `pr-comment --artifact DIR`: in the workflow_run job, reads DIR/pr-summary.json as untrusted
 * data, checks it belongs to the run's PR and commit, and creates or updates our one comment.
 */
export async function runPrComment(io: CommandIO, api?: GitHubApi): Promise<number> {
  const parsed = argsOrExit(
    () => {
      const { values } = parseCommandArgs(io.argv, { artifact: { type: "string" } });
      if (!values.help && !values.artifact) throw new UsageError("Cần --artifact THƯ_MỤC.");
      return values;
    },
    PR_COMMENT_USAGE,
    streamsOf(io),
  );
  if ("exit" in parsed) return parsed.exit;
  const dir = path.resolve(io.cwd, parsed.args.artifact as string);
  const run = workflowRunOf(readEvent(io.env));
  if (!run) {
    io.stderr("Not a workflow_run event.\n");
    return 2;
  }
  const file = path.join(dir, SUMMARY_FILE);
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    io.stdout(`No ${SUMMARY_FILE} in the artifact: nothing to post.\n`);
    return 0;
  }
  if (!stat.isFile() || stat.size > MAX_ARTIFACT_BYTES) {
    io.stderr(`::error::Rejected artifact: ${SUMMARY_FILE} is not a regular file of at most ${MAX_ARTIFACT_BYTES} bytes\n`);
    return 1;
  }
  let summary: PrSummary;
  try {
    summary = parseSummaryArtifact(readFileSync(file, "utf8"));
  } catch (error) {
    if (!(error instanceof ArtifactError)) throw error;
    io.stderr(`::error::Rejected artifact: ${error.message}\n`);
    return 1;
  }
  const github =
    api ??
    restApi({
      apiUrl: io.env.GITHUB_API_URL ?? "https://api.github.com",
      repository: io.env.GITHUB_REPOSITORY ?? "",
      token: io.env.GITHUB_TOKEN ?? "",
    });
  const pull = await github.getPull(summary.pr);
  const problem = identityProblem(summary, run, pull);
  if (problem) {
    if (STALE.includes(problem)) {
      io.stdout(`Not posting: ${problem}.\n`);
      return 0;
    }
    io.stderr(`::error::Rejected artifact: ${problem}\n`);
    return 1;
  }
  const result = await upsertComment(github, summary.pr, renderComment(summary, { runUrl: run.htmlUrl }));
  io.stdout(`Comment ${result.id} ${result.action} on #${summary.pr}.\n`);
  return 0;
}
