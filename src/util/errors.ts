// No stack trace, ever: the one mapper from any error to what a user reads (Vietnamese, the file and line, what to
// do) and the exit code. Work on one file wraps itself in `inFile` so a failure deep inside a library still names
// that file; the command entries and command functions call `describeError` at the edge and nowhere else.
import path from "node:path";
import { UsageError } from "./cli.ts";

/** The file being processed when something failed. */
export interface FileContext {
  /** Absolute path of the file (a content file). */
  file: string;
  /** 1-based line in that file, when one is known. */
  line?: number;
  /** Absolute path of the image the file refers to, when the work was on that image. */
  image?: string;
}

/** A failure while processing one file; the original error is its `cause`. */
export class InFileError extends Error {
  constructor(
    readonly context: FileContext,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "InFileError";
  }
}

/**
 * Runs `work` on one file: a failure is rethrown with the file attached (computed only then, so finding
 * a line costs nothing when all goes well). A failure that already names its file keeps it.
 */
export async function inFile<T>(context: FileContext | (() => FileContext | Promise<FileContext>), work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InFileError) throw error;
    const where = typeof context === "function" ? await Promise.resolve(context()).catch(() => undefined) : context;
    throw where ? new InFileError(where, error) : error;
  }
}

/** `inFile` for synchronous work. */
export function inFileSync<T>(context: FileContext, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof InFileError ? error : new InFileError(context, error);
  }
}

/**
 * Waits for every piece of work to end (nothing keeps writing after the command has reported), then
 * throws the one failure, or all of them together (each is reported).
 */
export async function settleAll<T>(work: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(work);
  const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} lỗi`);
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

export interface DescribeOptions {
  /** Paths are shown relative to it when inside it. */
  cwd: string;
  /** What the command was doing, for an internal error: "khi dựng trang", "của trình kiểm tra nội dung". */
  doing?: string;
  /** Where the command writes (shown when a write fails without a path), relative or absolute. */
  writing?: string;
}

export interface Described {
  /** One or more lines, each ending in a newline. */
  text: string;
  /** 1 when the content must be fixed, 2 for the environment, a wrong use or an internal error. */
  exitCode: 1 | 2;
}

/** What the user reads for `error`, and the exit code. Never a stack trace. */
export function describeError(error: unknown, options: DescribeOptions): Described {
  if (error instanceof AggregateError && error.errors.length > 0) {
    const parts = error.errors.map((e: unknown) => describeError(e, options));
    return { text: parts.map((p) => p.text).join(""), exitCode: parts.some((p) => p.exitCode === 2) ? 2 : 1 };
  }
  const chain = causes(error);
  const root = chain[chain.length - 1];
  const context = chain.find((e): e is InFileError => e instanceof InFileError)?.context;
  const usage = chain.find((e): e is UsageError => e instanceof UsageError);
  if (usage) return { text: `${usage.message}\n`, exitCode: 2 };

  const show = (p: string) => shown(p, options.cwd);
  const where = context ? `${show(context.file)}${context.line ? `:${context.line}` : ""}` : undefined;
  const system = systemMessage(root, chain, show, options.writing);
  if (system) return { text: `${where ? `${where}: ` : ""}${system}\n`, exitCode: 2 };

  if (context?.image && isImageLibraryError(root)) {
    return { text: `${where}: ${imageMessage(root, show(context.image))}\n`, exitCode: 1 };
  }

  const template = templateOf(chain);
  const at = where ? `, lúc xử lý "${where}"` : template ? `, lúc dựng mẫu trang "${show(template)}"` : "";
  return {
    text:
      `Lỗi nội bộ ${options.doing ?? "của chương trình"} (không phải lỗi của bạn)${at}: ${oneLine(messageOf(root))}\n` +
      "Hãy báo cho người quản trị kho, kèm dòng này và lệnh đã chạy.\n",
    exitCode: 2,
  };
}

/**
 * For a command entry (scripts/): runs `main`, turns anything it throws (or anything thrown later, outside
 * any promise, as a server may) into the user's message, and sets the exit code. Returns the code.
 */
export async function runEntry(main: () => Promise<number>, options: Omit<DescribeOptions, "cwd"> = {}): Promise<number> {
  const report = (error: unknown): number => {
    const { text, exitCode } = describeError(error, { cwd: process.cwd(), ...options });
    process.stderr.write(text);
    if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return exitCode;
  };
  const late = (error: unknown) => {
    process.exitCode = report(error);
    process.exit();
  };
  process.on("uncaughtException", late);
  process.on("unhandledRejection", late);
  let code: number;
  try {
    code = await main();
  } catch (error) {
    code = report(error);
  }
  process.exitCode = code;
  return code;
}

/** The error and everything it wraps (`cause`, Eleventy's `originalError`), outermost first. */
function causes(error: unknown): unknown[] {
  const out: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && !out.includes(current) && out.length < 20) {
    out.push(current);
    const e = current as { cause?: unknown; originalError?: unknown };
    current = typeof current === "object" ? (e.originalError ?? e.cause) : undefined;
  }
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Messages of other libraries may hold newlines and control characters: one plain line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim().slice(0, 500);
}

function shown(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  if (rel === "") return ".";
  return (rel.startsWith("..") || path.isAbsolute(rel) ? p : rel).split(path.sep).join("/");
}

const WRITE_CALLS = new Set(["open", "write", "writeFile", "mkdir", "rename", "unlink", "rmdir", "rm", "copyfile", "link", "symlink", "chmod", "utime", "close"]);

function systemMessage(root: unknown, chain: unknown[], show: (p: string) => string, writing: string | undefined): string | undefined {
  const sys = chain.find((e) => typeof (e as { code?: unknown })?.code === "string" && /^E[A-Z]+$/.test((e as { code: string }).code)) as
    | (NodeJS.ErrnoException & { dest?: string; port?: number })
    | undefined;
  const text = messageOf(root);
  const code =
    sys?.code ??
    (/no space left on device/i.test(text) ? "ENOSPC" : /read-only file system/i.test(text) ? "EROFS" : /permission denied/i.test(text) ? "EACCES" : undefined);
  if (!code) return undefined;
  const target = sys?.path ?? sys?.dest;
  const file = target ? `"${show(target)}"` : writing ? `vào "${writing}"` : undefined;
  const writeOp = !sys?.syscall || WRITE_CALLS.has(sys.syscall);
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return `Ổ đĩa đã đầy${file ? `: không ghi được ${file}` : ""}. Hãy giải phóng chỗ trống trên ổ (xoá bớt tệp không cần, dọn thùng rác) rồi chạy lại lệnh; thư mục kết quả cũ vẫn được giữ nguyên.`;
    case "EROFS":
      return `Ổ đĩa chỉ cho đọc${file ? `: không ghi được ${file}` : ""}. Hãy chọn một thư mục trên ổ ghi được rồi chạy lại lệnh.`;
    case "EACCES":
    case "EPERM":
      return `Không có quyền ${writeOp ? "ghi" : "đọc"}${file ? ` ${file}` : ""}. Hãy kiểm tra quyền của tệp hoặc thư mục này (hoặc chọn thư mục khác) rồi chạy lại lệnh.`;
    case "EMFILE":
    case "ENFILE":
      return `Máy đang mở quá nhiều tệp cùng lúc${file ? ` (khi mở ${file})` : ""}. Hãy đóng bớt chương trình rồi chạy lại lệnh.`;
    case "ENOENT":
      return `Không tìm thấy ${file ?? "một tệp cần dùng"}: tệp hoặc thư mục này đã bị xoá hay đổi tên trong lúc lệnh đang chạy. Hãy kiểm tra lại rồi chạy lại lệnh.`;
    case "EIO":
      return `Lỗi đọc/ghi ổ đĩa${file ? ` ở ${file}` : ""}. Hãy kiểm tra ổ đĩa (hoặc USB, thẻ nhớ) rồi chạy lại lệnh.`;
    case "ENAMETOOLONG":
      return `Đường dẫn quá dài${file ? `: ${file}` : ""}. Hãy đặt thư mục ở chỗ có đường dẫn ngắn hơn rồi chạy lại lệnh.`;
    case "EADDRINUSE":
      return `Cổng${typeof sys?.port === "number" ? ` ${sys.port}` : ""} đang được một chương trình khác dùng. Hãy tắt chương trình đó, hoặc chạy lại với một cổng khác, ví dụ --port 8081.`;
    default:
      return `Lỗi hệ thống tệp (${code})${file ? ` ở ${file}` : ""}: ${oneLine(text)}. Hãy kiểm tra tệp hoặc thư mục này rồi chạy lại lệnh.`;
  }
}

/** sharp (under @11ty/eleventy-img) and libvips: by where the error was made, or by what it says. */
function isImageLibraryError(error: unknown): boolean {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  if (/node_modules[\\/](?:sharp|@11ty[\\/]eleventy-img)[\\/]/.test(stack)) return true;
  return /unsupported image format|pixel limit|vips|jpegload|pngload|webpload|gifload|heifload|tiffload|premature end|corrupt|IHDR|IDAT|libspng|bad seek/i.test(messageOf(error));
}

function imageMessage(error: unknown, image: string): string {
  const text = messageOf(error);
  const reason = /unsupported image format|not a known file format/i.test(text)
    ? "tệp không phải ảnh JPEG, PNG hay WebP, hoặc đã hỏng"
    : /pixel limit/i.test(text)
      ? "ảnh quá lớn (quá nhiều điểm ảnh) để xử lý"
      : /premature end|truncated|unexpected end/i.test(text)
        ? "tệp ảnh bị cắt cụt (chép hoặc tải về chưa xong)"
        : /input file is missing/i.test(text)
          ? "không tìm thấy tệp ảnh"
          : "thư viện xử lý ảnh không đọc được tệp này";
  return (
    `Không xử lý được ảnh "${image}": ${reason}. ` +
    "Hãy mở ảnh bằng trình xem ảnh trên máy: nếu mở được, lưu lại thành tệp JPEG hoặc PNG và chép đè lên tệp cũ; nếu không, hãy chọn ảnh khác."
  );
}

/** The template Eleventy names in its own wrapping messages ("Having trouble rendering 11ty.js template ./x"). */
function templateOf(chain: unknown[]): string | undefined {
  for (const e of chain) {
    const m = /\btemplate (\S+)|from "([^"]+)"/.exec(messageOf(e));
    const found = m?.[1] ?? m?.[2];
    if (found) return path.resolve(found);
  }
  return undefined;
}
