// npm run bench -- [--count N] [--json] [--keep DIR] [--runs N] [--no-pdf] [--aggregate SxE] [--profile DIR]: the benchmark against the baselines (see src/bench/run.ts).
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { formatBench, runBench } from "../src/bench/run.ts";
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

export interface BenchIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export async function main(argv: readonly string[] = process.argv.slice(2), io: BenchIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        count: { type: "string", default: "10000" },
        json: { type: "boolean", default: false },
        keep: { type: "string" },
        runs: { type: "string" },
        "no-pdf": { type: "boolean", default: false },
        "pdf-runs": { type: "string" },
        aggregate: { type: "string", default: "150x500" },
        "no-aggregate": { type: "boolean", default: false },
        out: { type: "string" },
        profile: { type: "string" },
        lighthouse: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    io.stderr.write(`Sai cách gọi: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const count = Number(values.count);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  const pdfRuns = values["pdf-runs"] === undefined ? undefined : Number(values["pdf-runs"]);
  const positive = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 1);
  if (!positive(count) || !positive(runs) || !positive(pdfRuns)) {
    io.stderr.write(`--count, --runs và --pdf-runs phải là số nguyên dương.\n\n${USAGE}`);
    return 2;
  }
  const size = /^([1-9]\d*)x([1-9]\d*)$/.exec(values.aggregate);
  if (!size) {
    io.stderr.write(`--aggregate phải có dạng SxE, ví dụ 150x500.\n\n${USAGE}`);
    return 2;
  }
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
