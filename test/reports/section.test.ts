import { describe, expect, it } from "vitest";
import { reportsSection } from "../../src/site/sections/reports.ts";
import { loadFixture, NOW } from "./fixture.ts";

describe("reports section", () => {
  it("asks the PDF step for one report per published quarter and year, from its print page", async () => {
    const model = await loadFixture(true);
    const jobs = reportsSection.pdfJobs!({ model, drafts: true, now: NOW });
    expect(jobs.map((j) => [j.kind, j.source, j.output, j.title])).toEqual([
      ["report", "/bao-cao/2018-q3/in/", "/bao-cao/2018-q3.pdf", "Báo cáo quý III năm 2018"],
      ["report", "/bao-cao/2018-q4/in/", "/bao-cao/2018-q4.pdf", "Báo cáo quý IV năm 2018"],
      ["report", "/bao-cao/2019-q1/in/", "/bao-cao/2019-q1.pdf", "Báo cáo quý I năm 2019"],
      ["report", "/bao-cao/2019-q2/in/", "/bao-cao/2019-q2.pdf", "Báo cáo quý II năm 2019"],
      ["report", "/bao-cao/2019-q3/in/", "/bao-cao/2019-q3.pdf", "Báo cáo quý III năm 2019"],
      ["report", "/bao-cao/2020-q1/in/", "/bao-cao/2020-q1.pdf", "Báo cáo quý I năm 2020"],
      ["report", "/bao-cao/2018/in/", "/bao-cao/2018.pdf", "Báo cáo năm 2018"],
      ["report", "/bao-cao/2019/in/", "/bao-cao/2019.pdf", "Báo cáo năm 2019"],
      ["report", "/bao-cao/2020/in/", "/bao-cao/2020.pdf", "Báo cáo năm 2020"],
    ]);
    expect(jobs[2]!.subject).toBe("Kết quả tuyên truyền điển hình tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh quý I năm 2019");
    expect(jobs[7]!.subject).toBe("Kết quả tuyên truyền điển hình tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2019");
  });

  it("gives the pages every published quarter and year; a draft alone (2019-Q4) makes no report, even in a preview", async () => {
    const model = await loadFixture(true);
    expect(model.activities.find((a) => a.slug === "nhap-quy-bon")?.draft).toBe(true);
    const data = reportsSection.data!({ model, drafts: true, now: NOW }, undefined) as { quarters: { data: { period: string } }[]; years: { year: number }[]; published: Set<string> };
    expect(data.quarters.map((q) => q.data.period)).toEqual(["2018-Q3", "2018-Q4", "2019-Q1", "2019-Q2", "2019-Q3", "2020-Q1"]);
    expect(data.years.map((y) => y.year)).toEqual([2018, 2019, 2020]);
    expect([...data.published]).toEqual(data.quarters.map((q) => q.data.period));
  });
});
