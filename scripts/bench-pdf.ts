// Benchmarks the bulletin PDF step against a bare page.pdf(): tsx scripts/bench-pdf.ts [--content DIR] [--exemplars N] [--runs N] [--browser PATH] [--json]
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { benchPdf } from "../src/bench/pdf.ts";

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        content: { type: "string", default: "content" },
        exemplars: { type: "string", default: "95" },
        runs: { type: "string", default: "3" },
        browser: { type: "string" },
        json: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`Sai cách gọi: ${(error as Error).message}`);
    return 2;
  }
  const exemplars = Number(values.exemplars);
  const runs = Number(values.runs);
  if (!Number.isInteger(exemplars) || exemplars < 1 || !Number.isInteger(runs) || runs < 1) {
    console.error("Cách dùng: tsx scripts/bench-pdf.ts [--content THƯ_MỤC] [--exemplars N] [--runs N] [--browser ĐƯỜNG_DẪN] [--json]");
    return 2;
  }
  try {
    const r = await benchPdf({ contentDir: values.content, exemplars, runs, browserPath: values.browser, log: values.json ? undefined : console.log });
    if (values.json) console.log(JSON.stringify(r));
    else {
      console.log(`Bản tin ${r.pages} trang (${r.exemplars} điển hình), ${(r.bytes / 1024 / 1024).toFixed(1)} MB, in ${r.passes} lần`);
      console.log(`PDF của chúng ta: ${r.oursMs.toFixed(0)} ms; page.pdf() trần: ${r.bareMs.toFixed(0)} ms; tỉ lệ ${r.ratio.toFixed(2)}×`);
    }
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return (error as { code?: string }).code?.startsWith("E_BROWSER") ? 2 : 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
