// Thin entry: npm run preview (see runPreview in src/github/cli.ts for the arguments).
import { pathToFileURL } from "node:url";
import { defaultIO, runPreview } from "../src/github/cli.ts";

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  return runPreview(defaultIO(argv));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
