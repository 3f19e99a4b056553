// Thin entry: writes .github/ISSUE_TEMPLATE/de-xuat-dien-hinh.yml from the exemplar schema and site.yaml.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ISSUE_FORM_PATH, renderIssueForm } from "../src/github/issue-form.ts";
import { readCatalogues } from "../src/render/catalogues.ts";
import { argsOrExit, parseCommandArgs, PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";

export const USAGE = `Cách dùng: npx tsx scripts/gen-issue-form.ts [--content THƯ_MỤC]

Ghi lại ${ISSUE_FORM_PATH} (biểu mẫu "Đề xuất điển hình" trên GitHub) từ lược đồ điển hình và site.yaml.
  --content THƯ_MỤC  thư mục nội dung (mặc định: content của kho)
`;

export function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): number {
  const parsed = argsOrExit(() => parseCommandArgs(argv, { content: { type: "string" } }).values, USAGE, streams);
  if ("exit" in parsed) return parsed.exit;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const content = path.resolve(parsed.args.content ?? path.join(root, "content"));
  writeFileSync(path.join(root, ISSUE_FORM_PATH), renderIssueForm(readCatalogues(content)));
  streams.stdout.write(`Đã tạo ${ISSUE_FORM_PATH}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
