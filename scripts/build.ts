// npm run build: validate, then the site, PDFs and search index into --out (see src/build/cli.ts).
import { pathToFileURL } from "node:url";
import { runEntry } from "../src/util/errors.ts";
import { runBuild } from "../src/build/cli.ts";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";

export function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  return runBuild(argv, { ...streams, cwd: process.cwd(), env: process.env });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runEntry(() => main(), { doing: "khi dựng trang" });
}
