// npm run fuzz -- --runs N [--seed S] [--path P]: the hostile-content property test for long runs (test/property/).
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { fuzz } from "./property.ts";

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  let values: { runs?: string; seed?: string; path?: string };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { runs: { type: "string" }, seed: { type: "string" }, path: { type: "string" } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nCách dùng: npm run fuzz -- --runs N [--seed S] [--path P]\n`);
    return 2;
  }
  const runs = Number(values.runs ?? 100);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (!Number.isInteger(runs) || runs < 1 || (seed !== undefined && !Number.isInteger(seed))) {
    process.stderr.write("--runs phải là số nguyên dương, --seed là số nguyên.\n");
    return 2;
  }
  const started = Date.now();
  const { details, stats } = await fuzz({ runs, seed, path: values.path, log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(`${stats.runs} cases, ${stats.validated} valid, ${stats.built} built, ${((Date.now() - started) / 1000).toFixed(0)} s, seed ${details.seed}\n`);
  if (!details.failed) return 0;
  process.stdout.write(
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
