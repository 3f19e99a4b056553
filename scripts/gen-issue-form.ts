// Thin entry: writes .github/ISSUE_TEMPLATE/de-xuat-dien-hinh.yml from the exemplar schema and site.yaml.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ISSUE_FORM_PATH, renderIssueForm } from "../src/github/issue-form.ts";
import { readCatalogues } from "../src/render/catalogues.ts";

export function main(argv: string[] = process.argv.slice(2)): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const content = path.resolve(argv[0] === "--content" && argv[1] ? argv[1] : path.join(root, "content"));
  writeFileSync(path.join(root, ISSUE_FORM_PATH), renderIssueForm(readCatalogues(content)));
  console.log(`Đã tạo ${ISSUE_FORM_PATH}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = main();
