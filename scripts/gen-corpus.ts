// Writes a synthetic content tree: npm exec tsx scripts/gen-corpus.ts -- --count N --out DIR [--site FILE] [--seed N]
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import { generateCorpus } from "../src/bench/corpus.ts";
import type { SiteConfig } from "../src/content/model.ts";
import { argsOrExit, parseCommandArgs, PROCESS_STREAMS, UsageError, type CommandStreams } from "../src/util/cli.ts";

export const USAGE = `Cách dùng: tsx scripts/gen-corpus.ts --count N --out THƯ_MỤC [--site content/site.yaml] [--seed N]

Tạo một kho nội dung tổng hợp (để đo tốc độ).
  --count N         số điển hình (mặc định 1000)
  --out THƯ_MỤC     nơi ghi kho nội dung
  --site TỆP        tệp site.yaml lấy đơn vị, lĩnh vực… (mặc định: content/site.yaml)
  --seed N          hạt giống ngẫu nhiên (mặc định 20181210)
`;

function parse(argv: readonly string[]) {
  const { values } = parseCommandArgs(argv, { count: { type: "string" }, out: { type: "string" }, site: { type: "string" }, seed: { type: "string" } });
  const count = Number(values.count ?? "1000");
  if (!values.help) {
    if (!values.out) throw new UsageError("Thiếu --out THƯ_MỤC.");
    if (!Number.isInteger(count) || count < 1) throw new UsageError("--count phải là số nguyên dương.");
  }
  return { help: values.help ?? false, count, out: values.out ?? "", site: values.site ?? "content/site.yaml", seed: Number(values.seed ?? "20181210") };
}

export async function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  const parsed = argsOrExit(() => parse(argv), USAGE, streams);
  if ("exit" in parsed) return parsed.exit;
  const { count, out, seed } = parsed.args;
  const site = parseYaml(await readFile(parsed.args.site, "utf8")) as SiteConfig;
  const started = performance.now();
  const summary = await generateCorpus({ count, out, site, seed });
  streams.stdout.write(
    `Đã tạo ${summary.exemplars} điển hình, ${summary.activities} hoạt động, ${summary.bulletins} bản tin, ${summary.images} ảnh vào ${out} (${Math.round(performance.now() - started)} ms).\n`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
