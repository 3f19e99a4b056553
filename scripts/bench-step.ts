// One in-process benchmark step in a clean process (run by `npm run bench`): tsx scripts/bench-step.ts floor|validate DIR [--cache]
import { pathToFileURL } from "node:url";
import { RESULT_MARK } from "../src/bench/measure.ts";
import { floorStep, validateStep } from "../src/bench/steps.ts";

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const [step, dir, flag] = argv;
  if (!dir || (step !== "floor" && step !== "validate") || (flag !== undefined && flag !== "--cache")) {
    console.error("Cách dùng: tsx scripts/bench-step.ts floor|validate THƯ_MỤC [--cache]");
    return 2;
  }
  const report = step === "floor" ? await floorStep(dir) : await validateStep(dir, { cache: flag === "--cache" });
  console.log(RESULT_MARK + JSON.stringify(report));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
