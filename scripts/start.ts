// npm start: the dev server with live reload and drafts (see src/build/start.ts).
import { pathToFileURL } from "node:url";
import { runEntry } from "../src/util/errors.ts";
import { runStart } from "../src/build/start.ts";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";

export async function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  return runStart(argv, { ...streams, cwd: process.cwd() });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await runEntry(() => main(), { doing: "khi dựng trang xem thử" });
  if (code !== 0) process.exit(code);
}
