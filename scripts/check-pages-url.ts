// Thin entry: npx tsx scripts/check-pages-url.ts [--content DIR] (see src/github/pages.ts).
import { pathToFileURL } from "node:url";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";
import { runCheckPagesUrl } from "../src/github/pages.ts";

export function main(argv: string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): number {
  return runCheckPagesUrl(argv, {
    env: process.env,
    cwd: process.cwd(),
    stdout: (t) => streams.stdout.write(t),
    stderr: (t) => streams.stderr.write(t),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = main();
