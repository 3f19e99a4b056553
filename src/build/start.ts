// `npm start`: Eleventy's dev server with live reload; drafts shown; content is re-validated on every change.
import { rmSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { formatFinding } from "../content/format.ts";
import { loadContent } from "../content/load.ts";
import type { Finding } from "../content/model.ts";
import guongSang, { PAGES_DIR, TEMPLATE_FORMATS, type EleventyConfig } from "../site/plugin.ts";
import { ensureTypeScriptLoader, reportErrorsOurselves } from "./eleventy.ts";
import { describeError } from "../util/errors.ts";
import { argsOrExit, parseCommandArgs, UsageError } from "../util/cli.ts";
import { makeTempBeside, removeDeadTemps } from "../util/output-dir.ts";

export interface StartIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

export const START_USAGE = `Cách dùng: npm start -- [--content THƯ_MỤC] [--port CỔNG]

  --content THƯ_MỤC  thư mục nội dung (mặc định: content)
  --port CỔNG        cổng của máy chủ xem thử (mặc định: 8080)

Trang xem thử có cả bản nháp (đánh dấu "Bản nháp") và tự tải lại khi bạn sửa nội dung.
`;

export function parseStartArgs(argv: readonly string[]): { content: string; port: number; help: boolean } {
  const { values } = parseCommandArgs(argv, { content: { type: "string" }, port: { type: "string" } });
  if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new UsageError(`Cổng phải là một số, ví dụ --port 8080; đang là "${values.port}".`);
  return { content: values.content ?? "content", port: values.port === undefined ? 8080 : Number(values.port), help: values.help ?? false };
}

/** Starts the dev server; resolves once it is listening (it keeps running until the process ends). */
export async function runStart(argv: readonly string[], io: StartIO = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }): Promise<number> {
  const parsed = argsOrExit(() => parseStartArgs(argv), START_USAGE, io);
  if ("exit" in parsed) return parsed.exit;
  const args = parsed.args;
  const contentDir = path.resolve(io.cwd, args.content);
  const first = await loadContent(contentDir, { drafts: true, cwd: io.cwd }).catch(() => undefined);
  if (!first) {
    io.stderr.write(`Không đọc được thư mục nội dung "${args.content}".\n\n${START_USAGE}`);
    return 2;
  }
  const printFindings = (findings: Finding[]) => {
    for (const f of findings) io.stdout.write(`${formatFinding(f)}\n`);
    if (findings.some((f) => f.severity === "error")) {
      const errors = findings.filter((f) => f.severity === "error").length;
      io.stdout.write(`Nội dung có ${errors} lỗi. Trang xem thử vẫn hiện nội dung hợp lệ gần nhất; sửa lỗi rồi lưu tệp.\n`);
    }
  };
  if (first.findings.some((f) => f.severity === "error")) {
    for (const f of first.findings) io.stdout.write(`${formatFinding(f)}\n`);
    io.stderr.write("Nội dung có lỗi; sửa các dòng trên rồi chạy lại npm start.\n");
    return 1;
  }
  printFindings(first.findings);

  ensureTypeScriptLoader();
  // The preview is written to a fresh marked folder beside _site, never into anything that exists; folders left by
  // previews or builds that were killed are removed first (only ours, see src/util/output-dir.ts).
  const site = path.resolve(io.cwd, "_site");
  for (const name of await removeDeadTemps(site)) io.stdout.write(`Đã xoá thư mục tạm ${name} của một lần chạy bị dừng giữa chừng.\n`);
  const outDir = await makeTempBeside(site, "preview");
  const elev = new Eleventy(PAGES_DIR, outDir, {
    quietMode: true,
    configPath: false,
    runMode: "serve",
    config(cfg: EleventyConfig & { addPlugin(p: unknown, o: unknown): void }) {
      cfg.setTemplateFormats(TEMPLATE_FORMATS);
      cfg.addPlugin(guongSang, {
        contentDir,
        drafts: true,
        keepLastGoodModel: true,
        load: (dir: string, o: { drafts: boolean }) => loadContent(dir, { ...o, cwd: io.cwd }),
        onFindings: printFindings,
      });
    },
  });
  // An error while rebuilding after a change is reported in Vietnamese; the server keeps the last good pages.
  const describe = (error: unknown) => describeError(error, { cwd: io.cwd, doing: "khi dựng trang xem thử", writing: path.relative(io.cwd, outDir) });
  reportErrorsOurselves(elev, (error) => io.stderr.write(describe(error).text));
  // The preview folder is temporary: remove it when the server stops.
  const remove = () => rmSync(outDir, { recursive: true, force: true });
  try {
    await elev.init();
    await elev.watch();
    await elev.serve(args.port);
  } catch (error) {
    remove();
    const { text, exitCode } = describe(error);
    io.stderr.write(text);
    return exitCode;
  }
  const cleanup = () => {
    remove();
    process.exit(0);
  };
  process.once("SIGINT", cleanup);
  process.once("SIGTERM", cleanup);
  io.stdout.write("Đang xem thử (có bản nháp) ở địa chỉ trong dòng [11ty] Server at… bên dưới. Dừng bằng Ctrl+C.\n");
  return 0;
}
