// The `npm run editor` command: parse arguments, start the editor, print its address in Vietnamese, run until Ctrl+C.
import { argsOrExit, parseCommandArgs, UsageError } from "../util/cli.ts";
import { EditorSetupError, startEditor, type RunningEditor } from "./server.ts";

export const EDITOR_USAGE = `Cách dùng: npm run editor -- [--repo THƯ_MỤC] [--port SỐ]

Mở trình soạn thảo trên máy này (chỉ địa chỉ 127.0.0.1) cho kho Gương Sáng ở THƯ_MỤC (mặc định: thư mục hiện tại).
Mỗi lần lưu một đề xuất, trình soạn thảo tạo một nhánh Git trong kho (cms/...), như một pull request trên GitHub.`;

export interface EditorIO {
  argv: readonly string[];
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Called with the running editor; default: run until SIGINT/SIGTERM. */
  wait?(editor: RunningEditor): Promise<void>;
}

function parse(argv: readonly string[]): { repo?: string; port: number; help: boolean } {
  const { values } = parseCommandArgs(argv, { repo: { type: "string" }, port: { type: "string" } });
  if (values.help) return { port: 8080, help: true };
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Cổng không hợp lệ: ${values.port} (cần một số từ 0 đến 65535).`);
  return { ...(values.repo ? { repo: values.repo } : {}), port, help: false };
}

function untilSignal(editor: RunningEditor): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void editor.close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export async function runEditor(io: EditorIO): Promise<number> {
  const parsed = argsOrExit(() => parse(io.argv), `${EDITOR_USAGE}\n`, { stdout: { write: io.stdout }, stderr: { write: io.stderr } });
  if ("exit" in parsed) return parsed.exit;
  const args = parsed.args;
  let editor: RunningEditor;
  try {
    editor = await startEditor({ repoDir: args.repo ?? io.cwd, port: args.port });
  } catch (error) {
    if (error instanceof EditorSetupError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      io.stderr(`Cổng ${args.port} đang được dùng: chọn cổng khác, ví dụ npm run editor -- --port 8090.\n`);
      return 2;
    }
    throw error;
  }
  io.stdout(
    `Trình soạn thảo đang chạy tại ${editor.url}\n` +
      `Mở địa chỉ này bằng trình duyệt. Mỗi đề xuất được lưu thành một nhánh Git (cms/...) trong kho, từ nhánh ${editor.branch}.\n` +
      "Nhấn Ctrl+C để dừng.\n",
  );
  await (io.wait ?? untilSignal)(editor);
  return 0;
}
