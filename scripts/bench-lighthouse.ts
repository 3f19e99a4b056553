// Lighthouse (mobile, performance) over one page of each type of a built site: tsx scripts/bench-lighthouse.ts --site DIR [--runs N] [--module M] [--json]
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { formatLighthouse, runLighthouse } from "../src/bench/lighthouse.ts";

const USAGE = "Cách dùng: tsx scripts/bench-lighthouse.ts --site THƯ_MỤC [--runs N] [--module lighthouse|THƯ_MỤC] [--only home,exemplar,…] [--json]";

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { site: { type: "string" }, runs: { type: "string", default: "1" }, module: { type: "string" }, only: { type: "string" }, json: { type: "boolean", default: false } },
    }));
  } catch (error) {
    console.error(`Sai cách gọi: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const runs = Number(values.runs);
  if (!values.site || !Number.isInteger(runs) || runs < 1) {
    console.error(USAGE);
    return 2;
  }
  try {
    const rows = await runLighthouse({ siteDir: values.site, runs, module: values.module, only: values.only?.split(","), log: values.json ? undefined : console.error });
    console.log(values.json ? JSON.stringify(rows) : formatLighthouse(rows));
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return (error as { code?: string }).code?.startsWith("E_") ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
