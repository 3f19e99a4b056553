// Thin entry: npx tsx scripts/pr-summary.ts (see src/github/cli.ts for the arguments).
import { pathToFileURL } from "node:url";
import { defaultIO, runPrSummary } from "../src/github/cli.ts";

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  return runPrSummary(defaultIO(argv));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
