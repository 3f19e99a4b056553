// npm run bench -- [--count N] [--json] [--keep DIR] [--runs N] [--no-pdf] [--aggregate SxE] [--profile DIR]: the benchmark against the baselines (see src/bench/run.ts).
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { formatBench, runBench } from "../src/bench/run.ts";
import { argsOrExit, parseCommandArgs, PROCESS_STREAMS, UsageError, type CommandStreams } from "../src/util/cli.ts";
import { formatLighthouse } from "../src/bench/lighthouse.ts";

export const USAGE = `Cách dùng: npm run bench -- [--count N] [--json] [--keep THƯ_MỤC] [--runs N] [--no-pdf] [--out TỆP.json] [--profile THƯ_MỤC]

  --count N         số điển hình của kho nội dung tổng hợp (mặc định 10000)
  --json            chỉ in một dòng JSON
  --keep THƯ_MỤC    giữ kho nội dung và kết quả dựng trong THƯ_MỤC (mặc định: thư mục tạm, xóa khi xong)
  --runs N          số lần đo các bước nhỏ (sàn, validate), lấy trung vị
  --no-pdf          bỏ qua bước PDF (cần trình duyệt)
  --pdf-runs N      số lần đo bước PDF (mặc định 3)
  --aggregate SxE   bước tổng hợp: S nguồn, mỗi nguồn E điển hình (mặc định 150x500)
  --no-aggregate    bỏ qua bước tổng hợp
  --out TỆP.json    ghi thêm kết quả JSON vào tệp
  --profile THƯ_MỤC ghi hồ sơ CPU (node --cpu-prof) của từng bước vào THƯ_MỤC và in tóm tắt
  --lighthouse      chạy Lighthouse (di động, hiệu năng) trên một trang mỗi loại của trang đã dựng (cần gói lighthouse)
`;

function parse(argv: readonly string[]) {
  const { values } = parseCommandArgs(argv, {
    count: { type: "string" },
    json: { type: "boolean" },
    keep: { type: "string" },
    runs: { type: "string" },
    "no-pdf": { type: "boolean" },
    "pdf-runs": { type: "string" },
    aggregate: { type: "string" },
    "no-aggregate": { type: "boolean" },
    out: { type: "string" },
    profile: { type: "string" },
    lighthouse: { type: "boolean" },
  });
  const count = Number(values.count ?? "10000");
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  const pdfRuns = values["pdf-runs"] === undefined ? undefined : Number(values["pdf-runs"]);
  const positive = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 1);
  const size = /^([1-9]\d*)x([1-9]\d*)$/.exec(values.aggregate ?? "150x500");
  if (!values.help) {
    if (!positive(count) || !positive(runs) || !positive(pdfRuns)) throw new UsageError("--count, --runs và --pdf-runs phải là số nguyên dương.");
    if (!size) throw new UsageError("--aggregate phải có dạng SxE, ví dụ 150x500.");
  }
  return { ...values, help: values.help ?? false, count, runs, pdfRuns, size };
}

export async function main(argv: readonly string[] = process.argv.slice(2), io: CommandStreams = PROCESS_STREAMS): Promise<number> {
  const parsed = argsOrExit(() => parse(argv), USAGE, io);
  if ("exit" in parsed) return parsed.exit;
  const { count, runs, pdfRuns, ...values } = parsed.args;
  const size = values.size as RegExpExecArray;
  const result = await runBench({
    count,
    runs,
    keep: values.keep,
    pdf: !values["no-pdf"],
    pdfRuns,
    aggregate: values["no-aggregate"] ? false : { sources: Number(size[1]), exemplars: Number(size[2]) },
    profileDir: values.profile,
    lighthouse: values.lighthouse,
    log: values.json ? undefined : (line) => io.stderr.write(`${line}\n`),
  });
  const json = JSON.stringify(result);
  if (values.out) await writeFile(values.out, `${json}\n`);
  if (!values.json) io.stdout.write(`${formatBench(result)}\n`);
  if (!values.json && result.lighthouse) io.stdout.write(`\nLighthouse (di động):\n${"error" in result.lighthouse ? result.lighthouse.error : formatLighthouse(result.lighthouse)}\n`);
  io.stdout.write(`${json}\n`);
  const failed = Object.values(result.steps).some((s) => s !== null && !s.ok);
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
