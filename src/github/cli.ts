// The CI commands (changed files, PR summary, PR comment) as functions of argv and environment, so tests can run them.
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { loadContent } from "../content/load.ts";
import { appendStepSummary, type Env, pullRequestOf, readEvent, setOutputs, workflowRunOf } from "./actions.ts";
import { restApi, upsertComment, type GitHubApi } from "./api.ts";
import { ArtifactError, identityProblem, MAX_ARTIFACT_BYTES, parseSummaryArtifact, SUMMARY_FILE } from "./artifact.ts";
import { changedFiles, contentChanges, type ContentChanges } from "./changed.ts";
import { escapeMarkdown, code, renderComment, renderSummary, isLinkableUrl } from "./markdown.ts";
import { INDEX_FILE, PREVIEW_ARTIFACT, previewItems, writePreview, type PreviewResult, type PreviewItem } from "./preview.ts";
import { assertSafeOutDir, makeTempBeside, resolveOutDir, swapInto } from "../util/output-dir.ts";
import { pathPrefixFor } from "../paths/url.ts";
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

export const PREVIEW_USAGE = `Cách dùng: npm run preview -- [--content THƯ_MỤC] [--site THƯ_MỤC] [--out THƯ_MỤC] [--base SHA --head SHA --pr SỐ] [--path-prefix P]
       npm run preview -- --link ĐỊA_CHỈ

Sau npm run build, làm bản xem thử tự chứa (mỗi trang một tệp HTML, mở được từ đĩa) các trang mà pull request thay đổi.
${RANGE_USAGE}
  --pr SỐ            số của pull request (mặc định: lấy từ sự kiện pull_request)
  --site THƯ_MỤC     bản dựng đã có (mặc định: _site)
  --out THƯ_MỤC      nơi ghi bản xem thử (mặc định: _preview)
  --path-prefix P    tiền tố đường dẫn của bản dựng (mặc định: theo baseUrl trong site.yaml)
  --link ĐỊA_CHỈ     chỉ ghi đường dẫn tải gói xem thử vào bản tóm tắt của lượt chạy

Mã thoát: 0 xong, 1 không đọc được nội dung, 2 sai cách dùng hoặc thiếu bản dựng.
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
  // The preview's address comes from the API and the event, never from the artifact; without it the comment still posts.
  const previewId = await github.findArtifact(run.runId, PREVIEW_ARTIFACT).catch(() => undefined);
  const previewUrl = previewId !== undefined && run.htmlUrl ? `${run.htmlUrl}/artifacts/${previewId}` : undefined;
  const result = await upsertComment(github, summary.pr, renderComment(summary, { runUrl: run.htmlUrl, ...(previewUrl ? { previewUrl } : {}) }));
  io.stdout(`Comment ${result.id} ${result.action} on #${summary.pr}.\n`);
  return 0;
}

/** The job summary's section on the preview: what it holds, and what it left out. */
export function previewSummary(items: readonly PreviewItem[], result: PreviewResult): string {
  const lines = ["### Gương Sáng: bản xem thử", ""];
  const made = result.files.filter((f) => f.file);
  if (items.length === 0) {
    lines.push("PR này không thay đổi trang nào: bản xem thử chỉ có trang danh sách.");
    return `${lines.join("\n")}\n`;
  }
  const mb = (result.totalBytes / 1_000_000).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
  lines.push(`${made.length} tệp (${mb} MB) trong gói \`${PREVIEW_ARTIFACT}\`: tải về, giải nén, mở \`${INDEX_FILE}\`. Mỗi trang mở được riêng, không cần mạng.`, "");
  for (const item of items) {
    const title = item.title ? escapeMarkdown(item.title) : code(item.file);
    const page = result.files.find((f) => f.sitePath === item.pagePath);
    const where =
      item.status === "deleted" ? `đã xóa, trang ${code(item.pagePath)} sẽ không còn`
      : item.draft ? "bản nháp, không có trong bản dựng"
      : page?.file ? code(page.file)
      : page?.missing === "too-large" ? "bỏ qua vì vượt giới hạn dung lượng"
      : `không có ${code(item.pagePath)} trong bản dựng`;
    const pdf = item.pdfPath !== undefined && item.status !== "deleted" ? result.files.find((f) => f.sitePath === item.pdfPath)?.file : undefined;
    lines.push(`- ${escapeMarkdown(item.kindLabel)}: ${title}: ${where}${pdf ? `, ${code(pdf)}` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `preview [--content DIR] [--site DIR] [--out DIR] [--base SHA --head SHA --pr N] [--path-prefix P]`: after
 * `npm run build`, writes the reviewers' preview of the pages the PR changed into DIR (default `_preview`) and
 * lists them in the job summary. `preview --link URL` only appends the link to the uploaded preview to the job
 * summary. Exit 0 written; 1 the content cannot be read; 2 usage, no built site, or an output folder that is not ours.
 */
export async function runPreview(io: CommandIO): Promise<number> {
  const parsed = argsOrExit(
    () => parseCommandArgs(io.argv, { ...RANGE_OPTIONS, site: { type: "string" }, out: { type: "string" }, "path-prefix": { type: "string" }, link: { type: "string" } }).values,
    PREVIEW_USAGE,
    streamsOf(io),
  );
  if ("exit" in parsed) return parsed.exit;
  const values = { ...parsed.args, site: parsed.args.site ?? "_site", out: parsed.args.out ?? "_preview" };
  try {
    if (values.link !== undefined) {
      if (!isLinkableUrl(values.link)) throw new UsageError(`Không phải địa chỉ của gói trên GitHub: ${values.link}`);
      const line = `🔎 [Tải bản xem thử các trang thay đổi](${values.link}) (gói \`${PREVIEW_ARTIFACT}\`): giải nén rồi mở \`${INDEX_FILE}\`.\n`;
      if (!appendStepSummary(io.env, line)) io.stdout(line);
      return 0;
    }
    const siteDir = path.resolve(io.cwd, values.site);
    if (!existsSync(path.join(siteDir, "index.html"))) {
      throw new UsageError(`Không thấy bản dựng trong ${values.site} (thiếu index.html): chạy npm run build -- --out ${values.site} trước.`, false);
    }
    const range = resolveRange(io, values);
    await assertSafeOutDir(values.out, { cwd: io.cwd, contentDir: range.contentDir, example: "_preview", what: "thư mục bản xem thử" });
    const loaded = await loadContent(range.contentDir, { drafts: true, cwd: range.root, files: range.changes.filesToValidate.map((f) => path.join(range.root, f)) });
    if (!loaded.model) {
      io.stderr("Không đọc được nội dung (xem npm run validate), nên không làm được bản xem thử.\n");
      return 1;
    }
    const baseUrl = loaded.model.site.baseUrl;
    const items = previewItems(range.changes.entries, loaded.model, range.root);
    const outDir = await resolveOutDir(values.out, io.cwd);
    const temp = await makeTempBeside(outDir);
    let result: PreviewResult;
    try {
      result = await writePreview({ siteDir, prefix: pathPrefixFor(baseUrl, values["path-prefix"]), baseUrl, items, outDir: temp, ...(range.pr ? { pr: range.pr } : {}), headSha: range.head });
      await swapInto(temp, outDir);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
    const markdown = previewSummary(items, result);
    if (!appendStepSummary(io.env, markdown)) io.stdout(markdown);
    io.stderr(`Đã viết bản xem thử vào ${values.out}: mở ${path.join(values.out, INDEX_FILE)}.\n`);
    return 0;
  } catch (error) {
    return usageExit(io, error);
  }
}
