// `npm run validate`: parse argv, load and check the content, print findings, return the exit code (0 valid, 1 errors, 2 usage or internal error).
import path from "node:path";
import { fixFile } from "./fix.ts";
import { formatJson, formatText, reportGithub, summaryLine, type ActionsCore } from "./format.ts";
import { classify, loadContent, type LoadOptions } from "./load.ts";
import { exists, isDirectory } from "../util/fs.ts";
import { argsOrExit, parseCommandArgs, UsageError } from "../util/cli.ts";
import { describeError, inFile } from "../util/errors.ts";
import { plainText } from "../util/terminal.ts";

export interface ValidateIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
  /** @actions/core or a stand-in; loaded on demand for `--format github`. */
  core?: ActionsCore;
  /** A parser that behaves exactly like `parseFile` (the build cache's, src/build/validate.ts), and what to do after. */
  parser?: { parse: NonNullable<LoadOptions["parse"]>; reuse?: LoadOptions["reuse"]; done(): Promise<void> };
}

export const USAGE = `Cách dùng: npm run validate -- [--content THƯ_MỤC] [--format text|json|github] [--fix] [TỆP...]

  --content THƯ_MỤC  thư mục nội dung (mặc định: content)
  --format KIỂU      text: mỗi dòng một lỗi (mặc định); json: một mảng JSON;
                     github: chú thích trên GitHub Actions (mặc định khi chạy trong GitHub Actions)
  --fix              tự sửa những gì sửa được an toàn (Unicode NFC, khoảng trắng cuối dòng) rồi kiểm tra lại
  TỆP...             chỉ báo lỗi của các tệp này (các quy tắc liên tệp vẫn xét toàn bộ thư mục)

Mã thoát: 0 hợp lệ (có thể có cảnh báo), 1 có lỗi, 2 sai cách dùng.
`;

type Format = "text" | "json" | "github";

interface Args {
  content: string;
  format: Format;
  fix: boolean;
  files: string[];
  help: boolean;
}

export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): Args {
  const { values, positionals } = parseCommandArgs(argv, { content: { type: "string" }, format: { type: "string" }, fix: { type: "boolean" } }, { positionals: true });
  const format = values.format ?? (env.GITHUB_ACTIONS === "true" ? "github" : "text");
  if (format !== "text" && format !== "json" && format !== "github") throw new UsageError(`Kiểu --format không hợp lệ: "${format}". Chọn text, json hoặc github.`);
  return { content: values.content ?? "content", format, fix: values.fix ?? false, files: positionals, help: values.help ?? false };
}

export async function runValidate(
  argv: readonly string[],
  io: ValidateIO = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env },
): Promise<number> {
  try {
    const parsed = argsOrExit(() => parseArgs(argv, io.env), USAGE, io);
    if ("exit" in parsed) return parsed.exit;
    const args = parsed.args;
    const contentDir = path.resolve(io.cwd, args.content);
    if (!(await isDirectory(contentDir))) {
      io.stderr.write(`Không tìm thấy thư mục nội dung "${plainText(args.content)}". Hãy chạy lệnh ở thư mục gốc của kho hoặc chỉ đúng --content.\n\n${USAGE}`);
      return 2;
    }
    for (const file of args.files) {
      const abs = path.resolve(io.cwd, file);
      const rel = path.relative(contentDir, abs);
      if (rel.startsWith("..") || path.isAbsolute(rel)) {
        io.stderr.write(`Tệp "${plainText(file)}" không nằm trong thư mục nội dung "${plainText(args.content)}".\n\n${USAGE}`);
        return 2;
      }
      if (!(await exists(abs))) {
        io.stderr.write(`Không tìm thấy tệp "${plainText(file)}".\n`);
        return 2;
      }
    }
    const options: LoadOptions = { cwd: io.cwd, ...(args.files.length ? { files: args.files } : {}), ...(io.parser ? { parse: io.parser.parse } : {}), ...(io.parser?.reuse ? { reuse: io.parser.reuse } : {}) };
    let result = await loadContent(contentDir, options);

    if (args.fix) {
      const targets = await fixTargets(contentDir, args.files.map((f) => path.resolve(io.cwd, f)));
      const fixed: string[] = [];
      for (const abs of targets) if (await inFile({ file: abs }, () => fixFile(abs))) fixed.push(abs);
      if (fixed.length > 0) {
        const names = fixed.map((abs) => path.relative(io.cwd, abs).split(path.sep).join("/"));
        (args.format === "text" ? io.stdout : io.stderr).write(`Đã sửa ${fixed.length} tệp: ${plainText(names.join(", "))}.\n`);
        result = await loadContent(contentDir, options);
      }
    }

    await io.parser?.done();
    const { findings, checked } = result;
    if (args.format === "json") io.stdout.write(formatJson(findings));
    else if (args.format === "github") {
      const core = io.core ?? ((await import("@actions/core")) as unknown as ActionsCore);
      await reportGithub(findings, checked, core, io.env);
      io.stdout.write(`${summaryLine(findings, checked)}\n`);
    } else io.stdout.write(formatText(findings, checked));
    return findings.some((f) => f.severity === "error") ? 1 : 0;
  } catch (error) {
    const { text, exitCode } = describeError(error, { cwd: io.cwd, doing: "của trình kiểm tra nội dung" });
    io.stderr.write(text);
    return exitCode;
  }
}

/**
 * The content files --fix may rewrite: site.yaml and every Markdown file in its place (or only the given ones),
 * each a regular file whose real folder is inside the real content tree. A symbolic link (to a file or a folder)
 * is never followed, so --fix cannot write outside the tree.
 */
async function fixTargets(contentDir: string, only: string[]): Promise<string[]> {
  const { readdir, realpath } = await import("node:fs/promises");
  const root = await realpath(contentDir);
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const parent = path.relative(root, await realpath(e.parentPath));
    if (parent.startsWith("..") || path.isAbsolute(parent)) continue;
    const abs = path.join(e.parentPath, e.name);
    const rel = path.relative(contentDir, abs).split(path.sep).join("/");
    if (rel.split("/").some((p) => p.startsWith("."))) continue;
    const role = classify(rel).role;
    if (role !== "site" && role !== "content") continue;
    if (only.length && !only.includes(abs)) continue;
    out.push(abs);
  }
  return out.sort();
}
