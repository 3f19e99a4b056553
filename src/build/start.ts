// `npm start`: the dev server (src/build/dev.ts) with live reload; drafts shown; a changed file is re-validated with
// every cross-file rule and only the pages asked for are rendered.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, watch, type FSWatcher } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatFinding } from "../content/format.ts";
import { resolveCacheDir } from "./cache.ts";
import { startDevServer } from "./dev.ts";
import { describeError } from "../util/errors.ts";
import { argsOrExit, parseCommandArgs, UsageError } from "../util/cli.ts";
import { makeTempBeside, prepareCacheDir, removeDeadTemps } from "../util/output-dir.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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

/** Folders of code the pages are made with: a change there restarts the server (a module cannot be re-imported in place). */
const CODE_DIRS = ["src", "schemas"].map((d) => path.join(REPO_ROOT, d));
const CHILD_ENV = "GUONG_SANG_DEV_CHILD";

/**
 * `npm start`: a small supervisor that runs the dev server in a child process and starts it again when the code or
 * the schemas change; the child serves (src/build/dev.ts). Content changes never restart anything.
 */
export async function runStart(argv: readonly string[], io: StartIO = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }): Promise<number> {
  const parsed = argsOrExit(() => parseStartArgs(argv), START_USAGE, io);
  if ("exit" in parsed) return parsed.exit;
  const args = parsed.args;
  if (process.env[CHILD_ENV] === "1" || !process.argv[1]) return serve(args, io);
  return supervise(argv, io);
}

function supervise(argv: readonly string[], io: StartIO): Promise<number> {
  return new Promise((resolve) => {
    let child: ChildProcess | undefined;
    let restarting = false;
    let timer: NodeJS.Timeout | undefined;
    const spawnChild = () => {
      child = spawn(process.execPath, [...process.execArgv, process.argv[1] as string, ...argv], { stdio: "inherit", env: { ...process.env, [CHILD_ENV]: "1" }, cwd: io.cwd });
      child.once("exit", (code, signal) => {
        if (restarting) {
          restarting = false;
          spawnChild();
          return;
        }
        for (const w of watchers) w.close();
        resolve(code ?? (signal ? 0 : 1));
      });
    };
    const watchers: FSWatcher[] = CODE_DIRS.map((dir) =>
      watch(dir, { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (!child || restarting) return;
          io.stdout.write("Mã nguồn hoặc lược đồ đã thay đổi: khởi động lại trang xem thử…\n");
          restarting = true;
          child.kill("SIGTERM");
        }, 200);
      }),
    );
    const stop = () => {
      restarting = false;
      child?.kill("SIGTERM");
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    spawnChild();
  });
}

/** The dev server itself; resolves once it listens (it keeps running until the process ends). */
async function serve(args: { content: string; port: number }, io: StartIO): Promise<number> {
  const contentDir = path.resolve(io.cwd, args.content);
  try {
    if (!(await stat(contentDir)).isDirectory()) throw new Error("not a folder");
  } catch {
    io.stderr.write(`Không đọc được thư mục nội dung "${args.content}".\n\n${START_USAGE}`);
    return 2;
  }
  // The preview is written to a fresh marked folder beside _site, never into anything that exists; folders left by
  // previews or builds that were killed are removed first (only ours, see src/util/output-dir.ts).
  const site = path.resolve(io.cwd, "_site");
  for (const name of await removeDeadTemps(site)) io.stdout.write(`Đã xoá thư mục tạm ${name} của một lần chạy bị dừng giữa chừng.\n`);
  const siteDir = await makeTempBeside(site, "preview");
  const remove = () => rmSync(siteDir, { recursive: true, force: true });
  const cacheDir = resolveCacheDir(io.cwd, process.env);
  if (cacheDir) await prepareCacheDir(cacheDir, { cwd: io.cwd, contentDir, isDefault: cacheDir === resolveCacheDir(io.cwd, {}) });
  let server: Awaited<ReturnType<typeof startDevServer>>;
  try {
    server = await startDevServer({ contentDir, siteDir, cwd: io.cwd, port: args.port, log: (line) => io.stdout.write(`${line}\n`), ...(cacheDir ? { cacheDir } : {}) });
  } catch (error) {
    remove();
    const { text, exitCode } = describeError(error, { cwd: io.cwd, doing: "khi dựng trang xem thử", writing: path.relative(io.cwd, siteDir) });
    io.stderr.write(text);
    return exitCode;
  }
  if ("findings" in server) {
    remove();
    for (const f of server.findings) io.stdout.write(`${formatFinding(f)}\n`);
    io.stderr.write("Nội dung có lỗi; sửa các dòng trên rồi chạy lại npm start.\n");
    return 1;
  }
  const running = server;
  const cleanup = () => {
    void running.close().finally(() => {
      remove();
      process.exit(0);
    });
  };
  process.once("SIGINT", cleanup);
  process.once("SIGTERM", cleanup);
  io.stdout.write(`Đang xem thử (có bản nháp) ở ${running.url} — trang tự tải lại khi bạn lưu tệp. Dừng bằng Ctrl+C.\n`);
  return 0;
}
