// The dev server's edit latency in a clean process (run by `npm run bench`): tsx scripts/bench-dev.ts DIR [--edits N] [--cache DIR]
import { pathToFileURL } from "node:url";
import { devEditBench } from "../src/bench/dev.ts";
import { RESULT_MARK } from "../src/bench/measure.ts";
import { argsOrExit, parseCommandArgs, UsageError, PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";

export const USAGE = `Cách dùng: tsx scripts/bench-dev.ts THƯ_MỤC [--edits N] [--cache THƯ_MỤC_ĐỆM]

Một bước đo của npm run bench: chạy máy chủ xem thử (npm start) trên THƯ_MỤC nội dung, sửa lần lượt N điển hình
(mặc định 10: câu trong bài, tên, đơn vị) và đo thời gian từ lúc ghi tệp đến lúc trang của điển hình hiện nội dung mới.
Mỗi tệp được trả về như cũ sau khi đo. In một dòng JSON.
  --edits N               số lần sửa (mặc định 10)
  --cache THƯ_MỤC_ĐỆM     bộ nhớ đệm dựng (ảnh) cho máy chủ dùng, như npm start
`;

function parse(argv: readonly string[]) {
  const { values, positionals } = parseCommandArgs(argv, { edits: { type: "string" }, cache: { type: "string" } }, { positionals: true });
  const [dir, extra] = positionals;
  const edits = Number(values.edits ?? "10");
  if (!values.help) {
    if (!dir) throw new UsageError("Cần THƯ_MỤC nội dung.");
    if (extra !== undefined) throw new UsageError(`Không hiểu tham số "${extra}".`);
    if (!Number.isInteger(edits) || edits < 1) throw new UsageError("--edits phải là số nguyên dương.");
  }
  return { help: values.help ?? false, dir: dir ?? "", edits, cache: values.cache };
}

export async function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  const parsed = argsOrExit(() => parse(argv), USAGE, streams);
  if ("exit" in parsed) return parsed.exit;
  const { dir, edits, cache } = parsed.args;
  const report = await devEditBench({ contentDir: dir, edits, ...(cache ? { cacheDir: cache } : {}) });
  streams.stdout.write(`${RESULT_MARK}${JSON.stringify(report)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
