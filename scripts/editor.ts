// npm run editor: the web editor against the local repository (see src/editor/cli.ts).
import { pathToFileURL } from "node:url";
import { runEditor } from "../src/editor/cli.ts";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";

export async function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  return runEditor({ argv, cwd: process.cwd(), stdout: (t) => streams.stdout.write(t), stderr: (t) => streams.stderr.write(t) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main();
  process.exit(code);
}
