// The issue-form commands: `npm run from-issue` (body → validated entry), and the workflow's `prepare` and `report` steps.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatFinding } from "../content/format.ts";
import { readCatalogues } from "../render/catalogues.ts";
import { argsOrExit, parseCommandArgs, UsageError } from "../util/cli.ts";
import { readEvent } from "./actions.ts";
import { downloadAttachments, type Downloaded } from "./attachments.ts";
import { streamsOf, type CommandIO } from "./cli.ts";
import { entryFromIssue, parseIssueBody, type FromIssueResult } from "./from-issue.ts";

export const FROM_ISSUE_USAGE = `Cách dùng: npm run from-issue -- --body TỆP [--content THƯ_MỤC] [--images THƯ_MỤC] [--result TỆP]

Đọc nội dung một đề xuất "Đề xuất điển hình" gửi bằng biểu mẫu trên GitHub (chép nguyên văn vào TỆP),
ghi tệp điển hình đúng chỗ trong thư mục nội dung (mặc định content), rồi kiểm tra tệp đó.
  --images THƯ_MỤC  thư mục chứa ảnh đính kèm đã tải về (tên tệp là đoạn cuối của đường dẫn ảnh)
  --result TỆP      ghi kết quả dạng JSON (cho quy trình tự động)
Mã thoát: 0 đã ghi tệp hợp lệ; 1 đề xuất có lỗi (liệt kê bằng tiếng Việt); 2 sai cách gọi.`;

export const ISSUE_PROPOSAL_USAGE = `Cách dùng: npx tsx scripts/issue-proposal.ts prepare|report --dir THƯ_MỤC

Hai bước của quy trình "Đề xuất điển hình" trên GitHub Actions:
  prepare  lấy nội dung đề xuất và ảnh đính kèm vào THƯ_MỤC
  report   mở pull request với tệp đã tạo, hoặc bình luận các lỗi vào đề xuất

Mã thoát: 0 xong, 2 sai cách dùng.
`;

/** What `--result` holds: everything the report step needs, and nothing from the issue that it must not trust. */
export interface ResultFile {
  status: FromIssueResult["status"];
  file?: string;
  slug?: string;
  title?: string;
  /** Lines in Vietnamese: findings (`file:line:col: …`) and problems reading the form. */
  messages: string[];
}

function resultFile(result: FromIssueResult): ResultFile {
  switch (result.status) {
    case "written":
      return { status: "written", file: result.file, slug: result.slug, title: result.title, messages: result.findings.map(formatFinding) };
    case "invalid":
      return { status: "invalid", ...(result.file ? { file: result.file } : {}), messages: [...result.problems, ...result.findings.map(formatFinding)] };
    case "exists":
      return { status: "exists", file: result.file, messages: [`Đã có tệp ${result.file} cùng tên: không ghi đè. Hãy đổi tiêu đề của đề xuất rồi gắn lại nhãn.`] };
  }
}

export async function runFromIssue(io: CommandIO): Promise<number> {
  const parsed = argsOrExit(
    () => {
      const { values } = parseCommandArgs(io.argv, { body: { type: "string" }, content: { type: "string" }, images: { type: "string" }, result: { type: "string" } });
      if (!values.help && !values.body) throw new UsageError("Cần --body TỆP: tệp chứa nội dung đề xuất.");
      return values as typeof values & { body: string };
    },
    `${FROM_ISSUE_USAGE}\n`,
    streamsOf(io),
  );
  if ("exit" in parsed) return parsed.exit;
  const values = parsed.args;
  const contentDir = path.resolve(io.cwd, values.content ?? "content");
  let body: string;
  try {
    body = await readFile(path.resolve(io.cwd, values.body), "utf8");
  } catch (error) {
    io.stderr(`Không đọc được ${values.body} (${(error as NodeJS.ErrnoException).code ?? "lỗi"}).\n`);
    return 2;
  }
  const catalogues = readCatalogues(contentDir);
  if (!catalogues.units) {
    io.stderr(`Không đọc được ${path.join(values.content ?? "content", "site.yaml")}: hãy chỉ đúng thư mục nội dung bằng --content.\n`);
    return 2;
  }
  const result = await entryFromIssue({ body, contentDir, catalogues, cwd: io.cwd, ...(values.images ? { imagesDir: path.resolve(io.cwd, values.images) } : {}) });
  const out = resultFile(result);
  if (values.result) await writeFile(path.resolve(io.cwd, values.result), `${JSON.stringify(out, null, 2)}\n`);
  if (result.status === "written") {
    io.stdout(`${result.file}\n`);
    for (const m of out.messages) io.stderr(`${m}\n`);
    return 0;
  }
  io.stderr(`${result.status === "invalid" && result.file ? `Đã ghi ${result.file} nhưng đề xuất còn lỗi:\n` : "Đề xuất còn lỗi:\n"}${out.messages.map((m) => `  ${m}`).join("\n")}\n`);
  return 1;
}

interface IssueEvent {
  issue?: { number?: number; body?: string | null; html_url?: string };
}

/** Workflow step 1: the issue's body into `DIR/issue-body.md` and its attached images into `DIR/images/`. */
export async function runPrepare(io: CommandIO, dir: string, fetchImpl?: typeof fetch): Promise<number> {
  const event = readEvent(io.env) as IssueEvent;
  const body = event.issue?.body ?? "";
  await mkdir(path.join(dir, "images"), { recursive: true });
  await writeFile(path.join(dir, "issue-body.md"), body);
  const catalogues = readCatalogues(path.join(io.cwd, "content"));
  const urls = parseIssueBody(body, catalogues).images.map((i) => i.url);
  const downloads = await downloadAttachments(urls, path.join(dir, "images"), { ...(io.env.GITHUB_TOKEN ? { token: io.env.GITHUB_TOKEN } : {}), ...(fetchImpl ? { fetchImpl } : {}) });
  await writeFile(path.join(dir, "downloads.json"), `${JSON.stringify(downloads, null, 2)}\n`);
  for (const d of downloads) io.stdout("file" in d ? `Đã tải ${d.url}\n` : `Không tải ${d.url}: ${d.problem}\n`);
  return 0;
}

/** The REST calls the report step makes. */
export interface ProposalApi {
  createPull(pull: { title: string; head: string; base: string; body: string }): Promise<{ number: number; url: string }>;
  createComment(issue: number, body: string): Promise<void>;
}

export function proposalApi(apiUrl: string, repository: string, token: string, fetchImpl: typeof fetch = fetch): ProposalApi {
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new Error(`Not a repository: ${repository}`);
  const base = `${apiUrl.replace(/\/+$/, "")}/repos/${repository}`;
  const post = async (p: string, body: unknown): Promise<Record<string, unknown>> => {
    const response = await fetchImpl(`${base}${p}`, {
      method: "POST",
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${token}`,
        "x-github-api-version": "2022-11-28",
        "user-agent": "guong-sang-from-issue",
        "content-type": "application/json",
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 400) throw new Error(`GitHub API POST ${p} failed with ${response.status}: ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };
  return {
    async createPull(pull) {
      const data = await post("/pulls", pull);
      return { number: Number(data.number), url: String(data.html_url ?? "") };
    },
    async createComment(issue, body) {
      await post(`/issues/${issue}/comments`, { body });
    },
  };
}

const FENCE = "```";

/** Workflow step 3: a pull request that closes the issue when the entry was written, and a comment on the issue either way. */
export async function runReport(io: CommandIO, dir: string, api?: ProposalApi): Promise<number> {
  const event = readEvent(io.env) as IssueEvent;
  const issue = Number(event.issue?.number);
  if (!Number.isInteger(issue) || issue <= 0) throw new UsageError("Sự kiện không có số đề xuất (issue).");
  const client = api ?? proposalApi(io.env.GITHUB_API_URL ?? "https://api.github.com", io.env.GITHUB_REPOSITORY ?? "", io.env.GITHUB_TOKEN ?? "");
  let result: ResultFile;
  try {
    result = JSON.parse(await readFile(path.join(dir, "result.json"), "utf8")) as ResultFile;
  } catch {
    result = { status: "invalid", messages: ["Không tạo được tệp từ đề xuất (xem nhật ký của lần chạy)."] };
  }
  let downloads: Downloaded[] = [];
  try {
    downloads = JSON.parse(await readFile(path.join(dir, "downloads.json"), "utf8")) as Downloaded[];
  } catch {
    // no attachments step output: nothing to report about images
  }
  const imageNotes = downloads.flatMap((d) => ("problem" in d ? [`Không dùng ảnh ${d.url}: ${d.problem}.`] : []));
  const branch = io.env.PROPOSAL_BRANCH ?? "";
  if (result.status === "written" && branch && result.file) {
    const prBody = [
      `Tạo tự động từ đề xuất #${issue}: tệp \`${result.file}\`.`,
      "",
      "Các bước kiểm tra (validate, dựng thử, bình luận tóm tắt) chạy trên pull request này như mọi đề xuất khác; người thẩm định xem, sửa nếu cần và duyệt.",
      ...(imageNotes.length ? ["", ...imageNotes.map((n) => `- ${n}`)] : []),
      "",
      `Closes #${issue}`,
    ].join("\n");
    const pull = await client.createPull({ title: `Đề xuất điển hình: ${result.title ?? result.slug ?? result.file}`, head: branch, base: io.env.PROPOSAL_BASE || "main", body: prBody });
    await client.createComment(
      issue,
      [`Đã tạo pull request #${pull.number} từ đề xuất này: ${pull.url}`, "", `Tệp: \`${result.file}\`. Kết quả kiểm tra và bản dựng thử sẽ hiện trong phần Checks và bình luận tóm tắt của pull request.`, ...(imageNotes.length ? ["", ...imageNotes] : [])].join("\n"),
    );
    io.stdout(`Đã tạo pull request #${pull.number}.\n`);
    return 0;
  }
  const lines = [...result.messages, ...imageNotes];
  await client.createComment(
    issue,
    [
      "Chưa tạo được pull request: đề xuất còn những chỗ cần sửa. Hãy sửa đề xuất (Edit) rồi nhờ người thẩm định gắn lại nhãn.",
      "",
      `${FENCE}text`,
      ...lines.map((l) => l.replaceAll(FENCE, "ˋˋˋ")),
      FENCE,
    ].join("\n"),
  );
  io.stdout("Đề xuất còn lỗi: đã bình luận vào đề xuất.\n");
  return 0;
}

export async function runIssueProposal(io: CommandIO): Promise<number> {
  const parsed = argsOrExit(
    () => {
      const { values, positionals } = parseCommandArgs(io.argv, { dir: { type: "string" } }, { positionals: true });
      const [step, extra] = positionals;
      if (values.help) return { help: true, step: "prepare", dir: "" };
      if (step !== "prepare" && step !== "report") throw new UsageError(step === undefined ? "Cần bước prepare hoặc report." : `Không có bước "${step}": chọn prepare hoặc report.`);
      if (extra !== undefined) throw new UsageError(`Không hiểu tham số "${extra}".`);
      if (!values.dir) throw new UsageError("Cần --dir THƯ_MỤC.");
      return { help: false, step, dir: values.dir };
    },
    ISSUE_PROPOSAL_USAGE,
    streamsOf(io),
  );
  if ("exit" in parsed) return parsed.exit;
  const dir = path.resolve(io.cwd, parsed.args.dir);
  return parsed.args.step === "prepare" ? runPrepare(io, dir) : runReport(io, dir);
}
