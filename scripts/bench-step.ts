// One in-process benchmark step in a clean process (run by `npm run bench`): tsx scripts/bench-step.ts floor|validate DIR [--cache]
import { pathToFileURL } from "node:url";
import { RESULT_MARK } from "../src/bench/measure.ts";
import { floorStep, validateStep } from "../src/bench/steps.ts";
import { argsOrExit, parseCommandArgs, PROCESS_STREAMS, UsageError, type CommandStreams } from "../src/util/cli.ts";

export const USAGE = `Cách dùng: tsx scripts/bench-step.ts floor|validate THƯ_MỤC [--cache]

Một bước đo của npm run bench, chạy trong một tiến trình riêng.
  floor      đọc mọi tệp của THƯ_MỤC (mức sàn)
  validate   kiểm tra nội dung THƯ_MỤC
  --cache    dùng bộ nhớ đệm của bước kiểm tra
`;

function parse(argv: readonly string[]) {
  const { values, positionals } = parseCommandArgs(argv, { cache: { type: "boolean" } }, { positionals: true });
  const [step, dir, extra] = positionals;
  if (!values.help) {
    if (step !== "floor" && step !== "validate") throw new UsageError(step === undefined ? "Cần bước floor hoặc validate." : `Không có bước "${step}": chọn floor hoặc validate.`);
    if (!dir) throw new UsageError("Cần THƯ_MỤC nội dung.");
    if (extra !== undefined) throw new UsageError(`Không hiểu tham số "${extra}".`);
  }
  return { help: values.help ?? false, step, dir: dir ?? "", cache: values.cache ?? false };
}

export async function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  const parsed = argsOrExit(() => parse(argv), USAGE, streams);
  if ("exit" in parsed) return parsed.exit;
  const { step, dir, cache } = parsed.args;
  const report = step === "floor" ? await floorStep(dir) : await validateStep(dir, { cache });
  streams.stdout.write(`${RESULT_MARK}${JSON.stringify(report)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
