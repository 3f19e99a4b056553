// npm run from-issue: a submitted "Đề xuất điển hình" issue body → the entry file, validated (see src/github/proposal.ts).
import { pathToFileURL } from "node:url";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";
import { defaultIO } from "../src/github/cli.ts";
import { runFromIssue } from "../src/github/proposal.ts";

export async function main(argv: string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  return runFromIssue(defaultIO(argv, streams));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
