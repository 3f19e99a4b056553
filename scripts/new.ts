// Thin entry: npm run new -- exemplar|plan|activity|bulletin [--title …] (see src/new/cli.ts).
import { pathToFileURL } from "node:url";
import { runEntry } from "../src/util/errors.ts";
import { runNew, terminalIO } from "../src/new/cli.ts";

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const io = terminalIO(argv);
  try {
    return await runNew(io);
  } finally {
    io.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runEntry(() => main(), { doing: "khi tạo tệp mới" });
