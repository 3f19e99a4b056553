// npm run build: validate, then the site, PDFs and search index into --out (see src/build/cli.ts).
import { pathToFileURL } from "node:url";
import { runEntry } from "../src/util/errors.ts";
import { runBuild } from "../src/build/cli.ts";
import type { BuildOptions } from "../src/build/build.ts";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";

export function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS, overrides: Partial<BuildOptions> = {}): Promise<number> {
  return runBuild(argv, { ...streams, cwd: process.cwd(), env: process.env }, overrides);
}

// From the command line, the command ends once the new output is in place; the previous one is deleted by a detached process.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runEntry(() => main(undefined, undefined, { removeOldOutput: "background" }), { doing: "khi dựng trang" });
}
