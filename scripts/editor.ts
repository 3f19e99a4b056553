// npm run editor: the web editor against the local repository (see src/editor/cli.ts).
import { pathToFileURL } from "node:url";
import { runEditor } from "../src/editor/cli.ts";

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  return runEditor({ argv, cwd: process.cwd(), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main();
  process.exit(code);
}
