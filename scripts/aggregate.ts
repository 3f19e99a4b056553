// npm run aggregate: the city section from many Gương Sáng sites' published exports (see src/aggregate/cli.ts).
import { pathToFileURL } from "node:url";
import { runAggregate } from "../src/aggregate/cli.ts";

export function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  return runAggregate(argv);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
