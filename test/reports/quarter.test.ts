import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import {
  addQuarters,
  quarterContains,
  quarterEnd,
  quarterId,
  quarterOf,
  quarterStart,
  quartersOfYear,
  romanQuarter,
} from "../../src/vi/quarter.ts";

const run = promisify(execFile);
const probeFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "tz-probe.ts");

// Offsets from getTimezoneOffset() on 2019-01-01 (minutes, positive west of UTC).
const ZONES: Record<string, number> = {
  "Pacific/Pago_Pago": 660,
  "Pacific/Honolulu": 600,
  "America/New_York": 300,
  UTC: 0,
  "Asia/Ho_Chi_Minh": -420,
  "Pacific/Kiritimati": -840,
};

// Written by hand from the calendar, not from the code.
const EXPECTED_QUARTERS = {
  "2019-01-01T00:30:00+07:00": "2019-Q1",
  "2018-12-31T20:00:00-05:00": "2019-Q1",
  "2018-12-31T23:59:59+07:00": "2018-Q4",
  "2019-03-31T16:59:59Z": "2019-Q1",
  "2019-03-31T17:00:00Z": "2019-Q2",
  "2019-06-30T23:59:59-12:00": "2019-Q3",
  "2019-09-30T23:00:00+14:00": "2019-Q3",
  "2018-12-31": "2018-Q4",
  "2019-01-01": "2019-Q1",
  "2019-03-31": "2019-Q1",
  "2019-04-01": "2019-Q2",
};
const EXPECTED_CURRENT = {
  "2018-12-31T16:59:59Z": "2018-Q4",
  "2018-12-31T17:00:00Z": "2019-Q1",
  "2019-09-30T16:59:59.999Z": "2019-Q3",
  "2019-09-30T17:00:00Z": "2019-Q4",
};
const EXPECTED_FIGURES = {
  "2018-Q3": { exemplars: ["cuoi-quy-ba"], activities: [] },
  "2018-Q4": { exemplars: ["dau-quy-bon", "cuoi-quy-bon"], activities: ["loa-dem-giao-thua"] },
  "2019-Q1": { exemplars: ["dau-quy-mot", "cuoi-quy-mot"], activities: ["loa-sang-mung-mot", "giao-luu-new-york", "giao-luu-lap-dang"] },
  "2019-Q2": { exemplars: ["dau-quy-hai"], activities: ["giao-luu-utc"] },
  "2019-Q3": { exemplars: [], activities: ["nua-dem-dau-quy-ba"] },
  "2020-Q1": { exemplars: [], activities: [] },
};

describe("quarter of a content date", () => {
  it("takes the calendar date in Hà Nội, whatever the offset written", () => {
    for (const [date, id] of Object.entries(EXPECTED_QUARTERS)) expect([date, quarterId(quarterOf(date))]).toEqual([date, id]);
  });

  it("gives first and last days, Roman numerals and the year's quarters", () => {
    expect([quarterStart({ year: 2019, quarter: 1 }), quarterEnd({ year: 2019, quarter: 1 })]).toEqual(["2019-01-01", "2019-03-31"]);
    expect([quarterStart({ year: 2018, quarter: 4 }), quarterEnd({ year: 2018, quarter: 4 })]).toEqual(["2018-10-01", "2018-12-31"]);
    expect(quarterEnd({ year: 2019, quarter: 2 })).toBe("2019-06-30");
    expect(quarterEnd({ year: 2019, quarter: 3 })).toBe("2019-09-30");
    expect(quartersOfYear(2019).map(romanQuarter)).toEqual(["I", "II", "III", "IV"]);
    expect(quarterId(addQuarters({ year: 2019, quarter: 1 }, -1))).toBe("2018-Q4");
    expect(quarterId(addQuarters({ year: 2019, quarter: 2 }, -4))).toBe("2018-Q2");
    expect(quarterContains({ year: 2019, quarter: 1 }, "2018-12-31T20:00:00-05:00")).toBe(true);
    expect(quarterContains({ year: 2018, quarter: 4 }, "2018-12-31T20:00:00-05:00")).toBe(false);
  });

  it("is the same under time zones west and east of UTC (child processes with TZ set)", async () => {
    const results = await Promise.all(
      Object.keys(ZONES).map(async (tz) => {
        const { stdout } = await run(process.execPath, ["--import", "tsx", probeFile], {
          env: { ...process.env, TZ: tz },
          cwd: path.resolve(path.dirname(probeFile), "../.."),
        });
        return JSON.parse(stdout) as { tz: string; offset: number; quarters: unknown; current: unknown; figures: unknown };
      }),
    );
    // The zone really changed in each child: otherwise this test could not fail.
    expect(Object.fromEntries(results.map((r) => [r.tz, r.offset]))).toEqual(ZONES);
    expect(new Set(results.map((r) => r.offset)).size).toBe(Object.keys(ZONES).length);
    for (const r of results) {
      expect({ tz: r.tz, quarters: r.quarters }).toEqual({ tz: r.tz, quarters: EXPECTED_QUARTERS });
      expect({ tz: r.tz, current: r.current }).toEqual({ tz: r.tz, current: EXPECTED_CURRENT });
      expect({ tz: r.tz, figures: r.figures }).toEqual({ tz: r.tz, figures: EXPECTED_FIGURES });
    }
  });
});
