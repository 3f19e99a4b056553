// Thin entry for the from-issue workflow's steps: `prepare --dir D` (body and attachments) and `report --dir D` (PR and comment).
import { pathToFileURL } from "node:url";
import { defaultIO } from "../src/github/cli.ts";
import { runIssueProposal } from "../src/github/proposal.ts";

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  return runIssueProposal(defaultIO(argv));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
