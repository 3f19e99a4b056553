// `npm run aggregate -- --sources FILE [--out DIR]`: parse argv, run, print each source's state and a Vietnamese summary.
import path from "node:path";
import { formatFinding } from "../content/format.ts";
import { argsOrExit, parseCommandArgs, UsageError } from "../util/cli.ts";
import { readTime } from "./pages.ts";
import { aggregate, type AggregateOptions } from "./run.ts";

export interface AggregateIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
}

export const USAGE = `Cách dùng: npm run aggregate -- --sources TỆP [--out THƯ_MỤC] [--cache THƯ_MỤC]

  --sources TỆP    tệp YAML liệt kê các nguồn (mỗi nguồn: id và url hoặc path)
  --out THƯ_MỤC    thư mục kết quả (mặc định: _aggregate); chỉ được thay khi tổng hợp xong
  --cache THƯ_MỤC  nơi giữ bản đọc được gần nhất của mỗi nguồn (mặc định: .cache/guong-sang-aggregate)

Mã thoát: 0 tổng hợp xong (nguồn không đọc được chỉ được báo, không làm dừng), 1 tệp nguồn có lỗi, 2 sai cách dùng.
`;

export function parseAggregateArgs(argv: readonly string[]): { sourcesFile?: string; outDir: string; cacheDir?: string; help: boolean } {
  const { values } = parseCommandArgs(argv, { sources: { type: "string" }, out: { type: "string" }, cache: { type: "string" } });
  const help = values.help ?? false;
  if (!help && !values.sources) throw new UsageError("Thiếu --sources TỆP: tệp YAML liệt kê các nguồn cần tổng hợp.");
  return { ...(values.sources ? { sourcesFile: values.sources } : {}), outDir: values.out ?? "_aggregate", ...(values.cache ? { cacheDir: values.cache } : {}), help };
}

export async function runAggregate(
  argv: readonly string[],
  io: AggregateIO = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env },
  overrides: Partial<AggregateOptions> = {},
): Promise<number> {
  const parsed = argsOrExit(() => parseAggregateArgs(argv), USAGE, io);
  if ("exit" in parsed) return parsed.exit;
  const args = parsed.args;
  const outRel = path.relative(io.cwd, path.resolve(io.cwd, args.outDir)) || ".";
  try {
    const result = await aggregate({
      sourcesFile: args.sourcesFile as string,
      outDir: args.outDir,
      ...(args.cacheDir ? { cacheDir: args.cacheDir } : {}),
      cwd: io.cwd,
      log: (line) => io.stdout.write(`${line}\n`),
      ...overrides,
    });
    if (result.status === "invalid") {
      for (const f of result.findings) io.stderr.write(`${formatFinding(f)}\n`);
      if (result.findings.some((f) => f.rule === "sources-missing")) return 2;
      io.stderr.write(`Tệp nguồn có ${result.findings.length} lỗi (xem các dòng trên); chưa tổng hợp. Thư mục "${outRel}" được giữ nguyên.\n`);
      return 1;
    }
    const read = result.outcomes.filter((o) => o.ok).length;
    const bad = result.outcomes.filter((o) => !o.ok);
    io.stdout.write(
      `Đã tổng hợp ${result.exemplars.toLocaleString("vi-VN")} điển hình của ${read}/${result.outcomes.length} nguồn vào "${outRel}" (${result.pages.toLocaleString("vi-VN")} trang) trong ${result.seconds.total.toLocaleString("vi-VN", { maximumFractionDigits: 1 })} giây.\n`,
    );
    if (bad.length > 0) {
      io.stdout.write(`Không đọc được ${bad.length} nguồn:\n`);
      for (const o of bad) {
        io.stdout.write(`  ${o.id}: ${o.why}${o.snapshot ? ` Dùng bản đọc được ${readTime(o.snapshot.readAt)}.` : " Chưa có bản đọc được nào."}\n`);
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`Tổng hợp không thành công: ${message}\nThư mục "${outRel}" được giữ nguyên như lần trước. Nếu lỗi không do tệp nguồn, hãy báo người quản trị kho kèm dòng này.\n`);
    if (io.env.DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}
