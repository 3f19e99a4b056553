// Writes a synthetic content tree: npm exec tsx scripts/gen-corpus.ts -- --count N --out DIR [--site FILE] [--seed N]
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { generateCorpus } from "../src/bench/corpus.ts";
import type { SiteConfig } from "../src/content/model.ts";

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        count: { type: "string", default: "1000" },
        out: { type: "string" },
        site: { type: "string", default: "content/site.yaml" },
        seed: { type: "string", default: "20181210" },
      },
    }));
  } catch (error) {
    console.error(`Sai cách gọi: ${(error as Error).message}`);
    return 2;
  }
  const count = Number(values.count);
  if (!values.out || !Number.isInteger(count) || count < 1) {
    console.error("Cách dùng: tsx scripts/gen-corpus.ts --count N --out THƯ_MỤC [--site content/site.yaml] [--seed N]");
    return 2;
  }
  const site = parse(await readFile(values.site, "utf8")) as SiteConfig;
  const started = performance.now();
  const summary = await generateCorpus({ count, out: values.out, site, seed: Number(values.seed) });
  console.log(
    `Đã tạo ${summary.exemplars} điển hình, ${summary.activities} hoạt động, ${summary.bulletins} bản tin, ${summary.images} ảnh vào ${values.out} (${Math.round(performance.now() - started)} ms).`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
