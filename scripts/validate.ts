// npm run validate: checks the content tree (see src/content/cli.ts); the exit code says whether it is valid.
import { pathToFileURL } from "node:url";
import { runEntry } from "../src/util/errors.ts";
import { runValidate } from "../src/content/cli.ts";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";

export function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  return runValidate(argv, { ...streams, cwd: process.cwd(), env: process.env });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runEntry(() => main(), { doing: "của trình kiểm tra nội dung" });
}
