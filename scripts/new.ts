// Thin entry: npm run new -- exemplar|plan|activity|bulletin [--title …] (see src/new/cli.ts).
import { pathToFileURL } from "node:url";
import { runEntry } from "../src/util/errors.ts";
import { runNew, terminalIO } from "../src/new/cli.ts";
import { PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";

export async function main(argv: string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  const io = terminalIO(argv, streams);
  try {
    return await runNew(io);
  } finally {
    io.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runEntry(() => main(), { doing: "khi tạo tệp mới" });
