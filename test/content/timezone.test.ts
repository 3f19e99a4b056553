// Dates are calendar dates in Asia/Ho_Chi_Minh whatever the machine's time zone.
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { ACTIVITY, line, VALID, variant, withLine, writeTree } from "./helpers.ts";

const ZONES = ["UTC", "America/Los_Angeles", "Asia/Ho_Chi_Minh", "Pacific/Kiritimati"];
const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

describe("time zones", () => {
  for (const zone of ZONES) {
    it(`reads the same dates with TZ=${zone}`, async () => {
      process.env.TZ = zone;
      // 05:00 in Hà Nội on 1 January is still 31 December in most of the world: it belongs in 2019/.
      const early = withLine(ACTIVITY, "date: 2019-05-19T08:00:00+07:00", "date: 2019-01-01T05:00:00+07:00");
      // 20:00 in New York on 31 December 2018 is already 2019 in Hà Nội: 2018/ is the wrong folder.
      const late = withLine(ACTIVITY, "date: 2019-05-19T08:00:00+07:00", "date: 2018-12-31T20:00:00-05:00");
      const dir = await writeTree(variant({ "activities/2019/giao-luu-19-5.md": early, "activities/2018/giao-luu-cuoi-nam.md": late }));
      const { model, findings } = await loadContent(dir, { cwd: dir });
      expect(findings.map(line)).toEqual([
        `activities/2018/giao-luu-cuoi-nam.md:4:7: warning: Trường "Thời gian" (date) thuộc năm 2019 nhưng tệp nằm trong thư mục activities/2018/; nên chuyển tệp sang activities/2019/. (year-mismatch)`,
      ]);
      expect(model.exemplars[0]?.data.date).toBe("2019-03-15");
      expect(model.activities.map((a) => a.data.date).sort()).toEqual(["2018-12-31T20:00:00-05:00", "2019-01-01T05:00:00+07:00"]);
    });
  }
});
