// Run by quarter.test.ts in child processes with different TZ values: prints what the report code computes there.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadContent } from "../../src/content/load.ts";
import { buildReports } from "../../src/reports/figures.ts";
import { currentQuarter, quarterId, quarterOf } from "../../src/vi/quarter.ts";

export const PROBE_DATES = [
  "2019-01-01T00:30:00+07:00",
  "2018-12-31T20:00:00-05:00",
  "2018-12-31T23:59:59+07:00",
  "2019-03-31T16:59:59Z",
  "2019-03-31T17:00:00Z",
  "2019-06-30T23:59:59-12:00",
  "2019-09-30T23:00:00+14:00",
  "2018-12-31",
  "2019-01-01",
  "2019-03-31",
  "2019-04-01",
];

export const PROBE_INSTANTS = ["2018-12-31T16:59:59Z", "2018-12-31T17:00:00Z", "2019-09-30T16:59:59.999Z", "2019-09-30T17:00:00Z"];

export async function probe(): Promise<unknown> {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/reports");
  const { model } = await loadContent(dir);
  const reports = buildReports(model, new Date("2020-02-01T00:00:00Z"));
  return {
    tz: process.env.TZ,
    offset: new Date(Date.UTC(2019, 0, 1)).getTimezoneOffset(),
    quarters: Object.fromEntries(PROBE_DATES.map((d) => [d, quarterId(quarterOf(d))])),
    current: Object.fromEntries(PROBE_INSTANTS.map((i) => [i, quarterId(currentQuarter(new Date(i)))])),
    figures: Object.fromEntries(
      reports.quarters.map((r) => [r.data.period, { exemplars: r.data.exemplars.slugs, activities: r.data.activities.slugs }]),
    ),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(await probe()));
}
