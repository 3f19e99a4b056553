// npm run build: validate, then the site, PDFs and search index into --out (see src/build/cli.ts).
import { pathToFileURL } from "node:url";
import { runEntry } from "../src/util/errors.ts";
import { runBuild } from "../src/build/cli.ts";

export function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  return runBuild(argv);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runEntry(() => main(), { doing: "khi dựng trang" });
}
