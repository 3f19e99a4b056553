// Thin entry: npx tsx scripts/pr-comment.ts (see src/github/cli.ts for the arguments).
import { pathToFileURL } from "node:url";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";
import { defaultIO, runPrComment } from "../src/github/cli.ts";

export async function main(argv: string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  return runPrComment(defaultIO(argv, streams));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
