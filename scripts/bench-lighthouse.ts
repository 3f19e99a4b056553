// Lighthouse (mobile, performance) over one page of each type of a built site: tsx scripts/bench-lighthouse.ts --site DIR [--runs N] [--module M] [--json]
import { pathToFileURL } from "node:url";
import { formatLighthouse, runLighthouse } from "../src/bench/lighthouse.ts";
import { argsOrExit, parseCommandArgs, PROCESS_STREAMS, UsageError, type CommandStreams } from "../src/util/cli.ts";

export const USAGE = `Cách dùng: tsx scripts/bench-lighthouse.ts --site THƯ_MỤC [--runs N] [--module lighthouse|THƯ_MỤC] [--only home,exemplar,…] [--json]

Chạy Lighthouse (di động, hiệu năng) trên một trang mỗi loại của một trang đã dựng, phục vụ tại 127.0.0.1.
  --site THƯ_MỤC     trang đã dựng (npm run build)
  --runs N           số lần đo mỗi trang, lấy trung vị (mặc định 1)
  --module M         gói lighthouse hoặc thư mục chứa nó (mặc định: gói lighthouse đã cài)
  --only LOẠI,…      chỉ đo những loại trang này
  --json             chỉ in một dòng JSON
`;

function parse(argv: readonly string[]) {
  const { values } = parseCommandArgs(argv, { site: { type: "string" }, runs: { type: "string" }, module: { type: "string" }, only: { type: "string" }, json: { type: "boolean" } });
  const runs = Number(values.runs ?? "1");
  if (!values.help) {
    if (!values.site) throw new UsageError("Cần --site THƯ_MỤC.");
    if (!Number.isInteger(runs) || runs < 1) throw new UsageError("--runs phải là số nguyên dương.");
  }
  return { help: values.help ?? false, site: values.site ?? "", runs, module: values.module, only: values.only?.split(","), json: values.json ?? false };
}

export async function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  const parsed = argsOrExit(() => parse(argv), USAGE, streams);
  if ("exit" in parsed) return parsed.exit;
  const args = parsed.args;
  try {
    const rows = await runLighthouse({ siteDir: args.site, runs: args.runs, module: args.module, only: args.only, log: args.json ? undefined : (line) => streams.stderr.write(`${line}\n`) });
    streams.stdout.write(`${args.json ? JSON.stringify(rows) : formatLighthouse(rows)}\n`);
    return 0;
  } catch (error) {
    streams.stderr.write(`${(error as Error).message}\n`);
    return (error as { code?: string }).code?.startsWith("E_") ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
