// Benchmarks the bulletin PDF step against a bare page.pdf(): tsx scripts/bench-pdf.ts [--content DIR] [--exemplars N] [--runs N] [--browser PATH] [--json]
import { pathToFileURL } from "node:url";
import { benchPdf } from "../src/bench/pdf.ts";
import { argsOrExit, parseCommandArgs, PROCESS_STREAMS, UsageError, type CommandStreams } from "../src/util/cli.ts";

export const USAGE = `Cách dùng: tsx scripts/bench-pdf.ts [--content THƯ_MỤC] [--exemplars N] [--runs N] [--browser ĐƯỜNG_DẪN] [--json]

Đo bước in PDF của Bản tin so với page.pdf() trần.
  --content THƯ_MỤC     thư mục nội dung (mặc định: content)
  --exemplars N         số điển hình trong bản tin đo (mặc định 95)
  --runs N              số lần đo (mặc định 3)
  --browser ĐƯỜNG_DẪN   trình duyệt Chromium dùng để in
  --json                chỉ in một dòng JSON
`;

function parse(argv: readonly string[]) {
  const { values } = parseCommandArgs(argv, { content: { type: "string" }, exemplars: { type: "string" }, runs: { type: "string" }, browser: { type: "string" }, json: { type: "boolean" } });
  const exemplars = Number(values.exemplars ?? "95");
  const runs = Number(values.runs ?? "3");
  if (!values.help && (!Number.isInteger(exemplars) || exemplars < 1 || !Number.isInteger(runs) || runs < 1)) throw new UsageError("--exemplars và --runs phải là số nguyên dương.");
  return { help: values.help ?? false, content: values.content ?? "content", exemplars, runs, browser: values.browser, json: values.json ?? false };
}

export async function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  const parsed = argsOrExit(() => parse(argv), USAGE, streams);
  if ("exit" in parsed) return parsed.exit;
  const args = parsed.args;
  const log = (line: string) => streams.stdout.write(`${line}\n`);
  try {
    const r = await benchPdf({ contentDir: args.content, exemplars: args.exemplars, runs: args.runs, browserPath: args.browser, log: args.json ? undefined : log });
    if (args.json) log(JSON.stringify(r));
    else {
      log(`Bản tin ${r.pages} trang (${r.exemplars} điển hình), ${(r.bytes / 1024 / 1024).toFixed(1)} MB, in ${r.passes} lần`);
      log(`PDF của chúng ta: ${r.oursMs.toFixed(0)} ms; page.pdf() trần: ${r.bareMs.toFixed(0)} ms; tỉ lệ ${r.ratio.toFixed(2)}×`);
    }
    return 0;
  } catch (error) {
    streams.stderr.write(`${(error as Error).message}\n`);
    return (error as { code?: string }).code?.startsWith("E_BROWSER") ? 2 : 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
