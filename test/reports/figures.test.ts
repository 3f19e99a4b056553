import { beforeAll, describe, expect, it } from "vitest";
import type { ContentModel } from "../../src/content/model.ts";
import { buildReports, quarterFigures, type Reports } from "../../src/reports/figures.ts";
import { channels, EXPECTED, kinds, types, units, wards } from "./expected.ts";
import { loadFixture, NOW } from "./fixture.ts";

let model: ContentModel;
let reports: Reports;
beforeAll(async () => {
  model = await loadFixture();
  reports = buildReports(model, NOW);
});

describe("quarter figures", () => {
  it("publish every quarter with content plus the current one, each in the contract shape", () => {
    expect(reports.quarters.map((r) => r.data.period)).toEqual(Object.keys(EXPECTED));
    for (const r of reports.quarters) expect(r.data).toEqual(EXPECTED[r.data.period]);
  });

  it("keep the contract's key order and list every site.yaml id, zeros included", () => {
    const q = reports.quarters[0]!.data;
    expect(Object.keys(q)).toEqual(["period", "from", "to", "exemplars", "activities", "plans", "bulletins", "unitsWithoutExemplars"]);
    expect(Object.keys(q.exemplars)).toEqual(["total", "byKind", "byUnit", "byWard", "byField", "slugs"]);
    expect(Object.keys(q.activities)).toEqual(["total", "byType", "byChannel", "slugs"]);
    expect(Object.keys(q.exemplars.byUnit)).toEqual(model.site.units.map((u) => u.id));
    expect(Object.keys(q.exemplars.byKind)).toEqual(["individual", "collective", "model", "practice"]);
  });

  it("never count drafts, even when a preview build loads them", async () => {
    const withDrafts = await loadFixture(true);
    expect(withDrafts.exemplars.some((e) => e.draft)).toBe(true);
    const preview = buildReports(withDrafts, NOW);
    expect(preview.quarters.map((r) => r.data)).toEqual(reports.quarters.map((r) => r.data));
    expect(quarterFigures(withDrafts, { year: 2019, quarter: 1 })).toEqual(EXPECTED["2019-Q1"]);
  });

  it("gives zeros for a quarter without content", () => {
    expect(quarterFigures(model, { year: 2020, quarter: 1 })).toEqual(EXPECTED["2020-Q1"]);
  });
});

describe("what the quarter page adds", () => {
  const quarter = (id: string) => reports.quarters.find((r) => r.data.period === id)!;

  it("compares with the previous quarter and the same quarter a year earlier", () => {
    expect(quarter("2019-Q1").previous).toEqual({
      period: "2018-Q4",
      totals: { exemplars: 2, activities: 1, plans: 1, bulletins: 1 },
      change: { exemplars: 0, activities: 2, plans: -1, bulletins: 0 },
    });
    expect(quarter("2019-Q1").yearAgo).toEqual({
      period: "2018-Q1",
      totals: { exemplars: 0, activities: 0, plans: 0, bulletins: 0 },
      change: { exemplars: 2, activities: 3, plans: 0, bulletins: 1 },
    });
  });

  it("lists exchange events with the anniversary they marked", () => {
    expect(quarter("2019-Q1").occasions).toEqual([
      { slug: "giao-luu-lap-dang", title: "Hoạt động giao-luu-lap-dang", date: "2019-02-03", type: "giao-luu", unit: "don-vi-mot", anniversary: "lap-dang", participants: 80 },
    ]);
    expect(quarter("2019-Q2").occasions.map((o) => [o.slug, o.anniversary])).toEqual([["giao-luu-utc", "sinh-nhat-bac"]]);
  });

  it("counts broadcasts and postings per ward and channel", () => {
    expect(quarter("2018-Q4").activitiesByChannelAndWard).toEqual({ "cong-tin": wards(0, 0), loa: wards(0, 1) });
    expect(quarter("2019-Q1").activitiesByChannelAndWard).toEqual({ "cong-tin": wards(1, 0), loa: wards(1, 0) });
    expect(quarter("2019-Q1").activitiesWithoutWard).toEqual(channels(1, 0));
    expect(quarter("2018-Q4").exemplarsByChannel).toEqual(channels(2, 1));
  });

  it("names the anniversaries of the next quarter with their ordinal", () => {
    expect(quarter("2018-Q4").nextAnniversaries).toEqual([{ id: "lap-dang", name: "Ngày thành lập Đảng", date: "2019-02-03", ordinal: 89 }]);
    expect(quarter("2019-Q1").nextAnniversaries).toEqual([{ id: "sinh-nhat-bac", name: "Ngày sinh Chủ tịch Hồ Chí Minh", date: "2019-05-19", ordinal: 129 }]);
    expect(quarter("2019-Q2").nextAnniversaries).toEqual([{ id: "dau-thu", name: "Ngày đầu thu", date: "2019-07-01" }]);
  });

  it("says for each unit to follow up whether it was active and when it last proposed an exemplar", () => {
    expect(quarter("2019-Q2").followUp).toEqual([
      { unit: "don-vi-hai", activities: 1, lastExemplar: "2019-03-31" },
      { unit: "don-vi-ba", activities: 0 },
    ]);
    expect(quarter("2018-Q4").followUp).toEqual([{ unit: "don-vi-ba", activities: 1 }]);
  });
});

describe("year figures", () => {
  it("sum the year and keep its four quarters", () => {
    expect(reports.years.map((y) => y.year)).toEqual([2018, 2019, 2020]);
    const y2019 = reports.years[1]!;
    expect(y2019.data.period).toBe("2019");
    expect([y2019.data.from, y2019.data.to]).toEqual(["2019-01-01", "2019-12-31"]);
    expect(y2019.data.exemplars.slugs).toEqual(["dau-quy-mot", "cuoi-quy-mot", "dau-quy-hai"]);
    expect(y2019.data.exemplars.byUnit).toEqual(units(2, 1, 0));
    expect(y2019.data.activities.byType).toEqual(types(3, 2));
    expect(y2019.data.unitsWithoutExemplars).toEqual(["don-vi-ba"]);
    expect(y2019.quarters.map((q) => [q.period, q.exemplars.total, q.activities.total])).toEqual([
      ["2019-Q1", 2, 3],
      ["2019-Q2", 1, 1],
      ["2019-Q3", 0, 1],
      ["2019-Q4", 0, 0],
    ]);
    expect(y2019.previous.change).toEqual({ exemplars: 0, activities: 4, plans: -1, bulletins: 1 });
  });
});
