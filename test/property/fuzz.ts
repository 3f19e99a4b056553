// npm run fuzz -- --runs N [--seed S] [--path P]: the hostile-content property test for long runs (test/property/).
import { pathToFileURL } from "node:url";
import { fuzz } from "./property.ts";
import { argsOrExit, parseCommandArgs, PROCESS_STREAMS, UsageError, type CommandStreams } from "../../src/util/cli.ts";

export const USAGE = `Cách dùng: npm run fuzz -- [--runs N] [--seed S] [--path P]

Thử dựng trang với nội dung ác ý sinh ngẫu nhiên (kiểm thử thuộc tính, test/property/).
  --runs N   số trường hợp (mặc định 100)
  --seed S   hạt giống ngẫu nhiên, để chạy lại một lần hỏng
  --path P   đường dẫn của trường hợp hỏng, để chạy lại đúng trường hợp đó
`;

function parse(argv: readonly string[]) {
  const { values } = parseCommandArgs(argv, { runs: { type: "string" }, seed: { type: "string" }, path: { type: "string" } });
  const runs = Number(values.runs ?? 100);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (!values.help && (!Number.isInteger(runs) || runs < 1 || (seed !== undefined && !Number.isInteger(seed)))) throw new UsageError("--runs phải là số nguyên dương, --seed là số nguyên.");
  return { help: values.help ?? false, runs, seed, path: values.path };
}

export async function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  const parsed = argsOrExit(() => parse(argv), USAGE, streams);
  if ("exit" in parsed) return parsed.exit;
  const { runs, seed, ...values } = parsed.args;
  const started = Date.now();
  const { details, stats } = await fuzz({ runs, seed, path: values.path, log: (line) => streams.stdout.write(`${line}\n`) });
  streams.stdout.write(`${stats.runs} cases, ${stats.validated} valid, ${stats.built} built, ${((Date.now() - started) / 1000).toFixed(0)} s, seed ${details.seed}\n`);
  if (!details.failed) return 0;
  streams.stdout.write(
    `FAILED after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}")\n` +
      `Replay: npm run fuzz -- --runs 1 --seed ${details.seed} --path "${details.counterexamplePath}"\n` +
      `Counterexample (keep it in test/property/regressions.ts):\n${JSON.stringify(details.counterexample?.[0], null, 1)}\n` +
      `${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\n`,
  );
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
