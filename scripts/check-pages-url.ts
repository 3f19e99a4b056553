// Thin entry: npx tsx scripts/check-pages-url.ts [--content DIR] (see src/github/pages.ts).
import { pathToFileURL } from "node:url";
import { runCheckPagesUrl } from "../src/github/pages.ts";

export function main(argv: string[] = process.argv.slice(2)): number {
  return runCheckPagesUrl(argv, {
    env: process.env,
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = main();
