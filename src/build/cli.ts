// `npm run build`: parse argv, run the pipeline, print findings and a short Vietnamese summary, return the exit code.
import path from "node:path";
import { BrowserNotFoundError } from "../browser/resolve.ts";
import { formatFinding, formatText } from "../content/format.ts";
import { build, formatTimings, type BuildOptions } from "./build.ts";
import { isDirectory } from "../util/fs.ts";
import { describeError } from "../util/errors.ts";
import { argsOrExit, parseCommandArgs, UsageError } from "../util/cli.ts";

export interface BuildIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
}

export const USAGE = `Cách dùng: npm run build -- [--content THƯ_MỤC] [--out THƯ_MỤC] [--no-pdf] [--drafts] [--path-prefix P]

  --content THƯ_MỤC  thư mục nội dung (mặc định: content)
  --out THƯ_MỤC      thư mục kết quả (mặc định: _site); chỉ được thay khi dựng thành công
  --no-pdf           không in PDF (Bản tin, báo cáo)
  --drafts           có cả bản nháp, đánh dấu "Bản nháp" (không dùng để công bố)
  --path-prefix P    đường dẫn gốc của mọi liên kết (mặc định: phần đường dẫn của baseUrl
                     trong site.yaml, ví dụ /guong-sang/); "/" để xem thử ở gốc

Mã thoát: 0 dựng xong, 1 nội dung có lỗi, 2 sai cách dùng hoặc thiếu công cụ (ví dụ trình duyệt để in PDF).
`;

export function parseBuildArgs(argv: readonly string[]): Omit<BuildOptions, "cwd"> & { help: boolean } {
  const { values } = parseCommandArgs(argv, {
    content: { type: "string" },
    out: { type: "string" },
    "path-prefix": { type: "string" },
    "no-pdf": { type: "boolean" },
    drafts: { type: "boolean" },
  });
  return {
    contentDir: values.content ?? "content",
    outDir: values.out ?? "_site",
    pdf: !values["no-pdf"],
    drafts: values.drafts ?? false,
    help: values.help ?? false,
    pathPrefix: values["path-prefix"],
  };
}

export async function runBuild(
  argv: readonly string[],
  io: BuildIO = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env },
  overrides: Partial<BuildOptions> = {},
): Promise<number> {
  const parsed = argsOrExit(() => parseBuildArgs(argv), USAGE, io);
  if ("exit" in parsed) return parsed.exit;
  const args = parsed.args;
  if (!(await isDirectory(path.resolve(io.cwd, args.contentDir)))) {
    io.stderr.write(`Không tìm thấy thư mục nội dung "${args.contentDir}". Hãy chạy lệnh ở thư mục gốc của kho hoặc chỉ đúng --content.\n\n${USAGE}`);
    return 2;
  }
  const outAbs = path.resolve(io.cwd, args.outDir);
  const outRel = outAbs === io.cwd ? "." : outAbs.startsWith(io.cwd + path.sep) ? path.relative(io.cwd, outAbs) : outAbs;
  try {
    const result = await build({
      ...args,
      cwd: io.cwd,
      env: io.env,
      log: (line) => io.stdout.write(`${line}\n`),
      ...overrides,
    });
    if (result.status === "content-errors") {
      io.stdout.write(formatText(result.findings, result.checked));
      io.stderr.write(`Dừng dựng trang: nội dung có lỗi (xem các dòng trên). Thư mục "${outRel}" được giữ nguyên như lần dựng trước.\n`);
      return 1;
    }
    for (const f of result.findings) io.stdout.write(`${formatFinding(f)}\n`);
    io.stdout.write(`Thời gian từng bước:\n${formatTimings(result.timings)}\n`);
    return 0;
  } catch (error) {
    // Refused before any work: nothing to keep, nothing to add.
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    const kept = `Thư mục "${outRel}" được giữ nguyên như lần dựng trước.\n`;
    if (error instanceof BrowserNotFoundError) {
      io.stderr.write(`${error.message}\n${kept}`);
      return 2;
    }
    const { text, exitCode } = describeError(error, { cwd: io.cwd, doing: "khi dựng trang", writing: outRel });
    io.stderr.write(`Dựng trang không thành công.\n${text}${kept}`);
    if (io.env.DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return exitCode;
  }
}
