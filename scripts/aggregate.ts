// npm run aggregate: the city section from many Gương Sáng sites' published exports (see src/aggregate/cli.ts).
import { pathToFileURL } from "node:url";
import { runAggregate } from "../src/aggregate/cli.ts";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";

export function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  return runAggregate(argv, { ...streams, cwd: process.cwd(), env: process.env });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
