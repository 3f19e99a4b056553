// npm run from-issue: a submitted "Đề xuất điển hình" issue body → the entry file, validated (see src/github/proposal.ts).
import { pathToFileURL } from "node:url";
import { defaultIO } from "../src/github/cli.ts";
import { runFromIssue } from "../src/github/proposal.ts";

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  return runFromIssue(defaultIO(argv));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
