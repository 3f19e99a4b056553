// Thin entry for the from-issue workflow's steps: `prepare --dir D` (body and attachments) and `report --dir D` (PR and comment).
import { pathToFileURL } from "node:url";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";
import { defaultIO } from "../src/github/cli.ts";
import { runIssueProposal } from "../src/github/proposal.ts";

export async function main(argv: string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  return runIssueProposal(defaultIO(argv, streams));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
