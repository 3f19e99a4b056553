// npm run validate: checks the content tree (src/content/cli.ts, with the build cache: src/build/validate.ts); the exit code says whether it is valid.
import { pathToFileURL } from "node:url";
import { runEntry } from "../src/util/errors.ts";
import { runValidateCached } from "../src/build/validate.ts";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";

export function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  return runValidateCached(argv, { ...streams, cwd: process.cwd(), env: process.env });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runEntry(() => main(), { doing: "của trình kiểm tra nội dung" });
}
