// The built sample site (test/global-setup.ts): report JSON, CSV, pages and PDFs agree with each other
// and with an independent count of the raw content files.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { pdfFonts, pdfText } from "../helpers/pdf.ts";
import { readCsv } from "./csv-reader.ts";
import { rawContent, rawFigures, type RawFigures } from "./raw-count.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const siteDir = inject("siteDir");
const content = rawContent(path.join(REPO, "content"));
const site = content.site as {
  organisation: { parent: string; name: string; partyHeader: string; symbol?: string; leader?: { title: string; name: string } };
  units: { id: string; name: string; submits?: boolean }[];
  wards: { id: string; name: string }[];
  fields: { id: string; name: string }[];
  channels: { id: string; name: string }[];
  activityTypes: { id: string; name: string }[];
};
const kinds = JSON.parse(readFileSync(path.join(REPO, "schemas/exemplar.schema.json"), "utf8")).properties.kind.enum as string[];
const QUARTERS = ["2018-Q4", "2019-Q1", "2019-Q2"];
const slugOf = (period: string) => period.toLowerCase();

interface QuarterJson {
  period: string;
  from: string;
  to: string;
  exemplars: { total: number; byKind: Record<string, number>; byUnit: Record<string, number>; byWard: Record<string, number>; byField: Record<string, number>; slugs: string[] };
  activities: { total: number; byType: Record<string, number>; byChannel: Record<string, number>; slugs: string[] };
  plans: { total: number; slugs: string[] };
  bulletins: { total: number; ids: string[] };
  unitsWithoutExemplars: string[];
}

const read = (p: string) => readFileSync(path.join(siteDir, p), "utf8");
const json = (period: string) => JSON.parse(read(`bao-cao/${slugOf(period)}.json`)) as QuarterJson;
const decode = (s: string) =>
  s.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();

/** Rows of the first figure table whose caption is `caption`: name → number. */
function tableRows(page: string, caption: string): Record<string, number> {
  const tables = [...page.matchAll(/<table class="table report-table[^"]*">([\s\S]*?)<\/table>/g)].map((m) => m[1] as string);
  const table = tables.find((t) => decode(/<caption>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? "") === caption);
  if (!table) throw new Error(`No table captioned "${caption}"`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return Object.fromEntries(
    [...body.matchAll(/<tr><th scope="row">([\s\S]*?)<\/th><td class="num">(\d+)<\/td><\/tr>/g)].map((m) => [decode(m[1] as string), Number(m[2])]),
  );
}

const byName = (counts: Record<string, number>, list: { id: string; name: string }[]) =>
  Object.fromEntries(list.map((x) => [x.name, counts[x.id]]));

async function reportText(period: string): Promise<string> {
  return (await pdfText(path.join(siteDir, `bao-cao/${slugOf(period)}.pdf`))).replace(/\s+/g, " ");
}

describe("quarter reports of the sample content", () => {
  it("exist as page, JSON, CSV, print page and PDF for every quarter from Q4 2018 to Q2 2019, and as year pages", () => {
    for (const period of QUARTERS) {
      for (const file of [`${slugOf(period)}/index.html`, `${slugOf(period)}/in/index.html`, `${slugOf(period)}.json`, `${slugOf(period)}.csv`, `${slugOf(period)}.pdf`]) {
        expect(existsSync(path.join(siteDir, "bao-cao", file)), file).toBe(true);
      }
    }
    for (const year of ["2018", "2019"]) expect(existsSync(path.join(siteDir, `bao-cao/${year}/index.html`)), year).toBe(true);
    const published = readdirSync(path.join(siteDir, "bao-cao")).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5).toUpperCase());
    const withContent = [...new Set(content.entries.map((e) => e.period))];
    for (const period of withContent) expect(published).toContain(period);
    const index = read("bao-cao/index.html");
    for (const period of QUARTERS) expect(index).toContain(`href="/bao-cao/${slugOf(period)}/"`);
  });

  it("JSON figures match an independent count of the raw files, every site.yaml id present", () => {
    for (const period of QUARTERS) {
      const j = json(period);
      const raw: RawFigures = rawFigures(content, period, kinds);
      expect(raw.exemplars.total + raw.activities.total, `${period} has content`).toBeGreaterThan(0);
      expect(Object.keys(j)).toEqual(["period", "from", "to", "exemplars", "activities", "plans", "bulletins", "unitsWithoutExemplars"]);
      expect(j.period).toBe(period);
      expect({ ...j.exemplars, slugs: [...j.exemplars.slugs].sort() }).toEqual(raw.exemplars);
      expect({ ...j.activities, slugs: [...j.activities.slugs].sort() }).toEqual(raw.activities);
      expect(Object.keys(j.exemplars.byUnit)).toEqual(site.units.map((u) => u.id));
      expect(Object.keys(j.exemplars.byWard)).toEqual(site.wards.map((w) => w.id));
      expect(Object.keys(j.exemplars.byKind)).toEqual(kinds);
      expect([...j.plans.slugs].sort()).toEqual(raw.plans);
      expect(j.plans.total).toBe(raw.plans.length);
      expect([...j.bulletins.ids].sort()).toEqual(raw.bulletins);
      expect(j.bulletins.total).toBe(raw.bulletins.length);
      expect(j.unitsWithoutExemplars).toEqual(raw.unitsWithoutExemplars);
    }
  });

  it("never count a draft", () => {
    const drafts = readdirSync(path.join(REPO, "content/exemplars"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".md") && /^draft:\s*true\s*$/m.test(readFileSync(path.join(REPO, "content/exemplars", f), "utf8")))
      .map((f) => path.basename(f, ".md"));
    expect(drafts.length).toBeGreaterThan(0);
    for (const period of QUARTERS) for (const slug of drafts) expect(json(period).exemplars.slugs).not.toContain(slug);
  });

  it("CSV says what the JSON says, and opens in Excel (BOM, CRLF, Vietnamese header)", () => {
    const dims: Record<string, Record<string, keyof QuarterJson["exemplars"] | keyof QuarterJson["activities"]>> = {
      "Điển hình": { "Loại điển hình": "byKind", "Đơn vị đề xuất": "byUnit", "Phường": "byWard", "Lĩnh vực": "byField" },
      "Hoạt động": { "Loại hoạt động": "byType", "Kênh tuyên truyền": "byChannel" },
    };
    for (const period of QUARTERS) {
      const j = json(period);
      const csv = readCsv(read(`bao-cao/${slugOf(period)}.csv`));
      expect(csv.bom).toBe(true);
      expect([...csv.lineEndings]).toEqual(["\r\n"]);
      const [header, ...rows] = csv.rows;
      expect(header).toEqual(["Kỳ báo cáo", "Nhóm", "Phân loại", "Mã", "Tên", "Số lượng"]);
      const seen = { byKind: 0, byUnit: 0, byWard: 0, byField: 0, byType: 0, byChannel: 0 } as Record<string, number>;
      const followUp: string[] = [];
      for (const [p, group, dimension, id, , count] of rows as string[][]) {
        expect(p).toBe(period);
        const n = Number(count);
        if (group === "Đơn vị cần đôn đốc") followUp.push(id as string);
        else if (dimension === "Tổng số") {
          const total = { "Điển hình": j.exemplars.total, "Hoạt động": j.activities.total, "Kế hoạch": j.plans.total, "Bản tin": j.bulletins.total }[group as string];
          expect([group, n]).toEqual([group, total]);
        } else {
          const key = dims[group as string]?.[dimension as string] as string;
          const map = (group === "Điển hình" ? j.exemplars : j.activities) as unknown as Record<string, Record<string, number>>;
          expect([group, dimension, id, n]).toEqual([group, dimension, id, map[key]?.[id as string]]);
          seen[key]!++;
        }
      }
      expect(seen).toEqual({
        byKind: kinds.length,
        byUnit: site.units.length,
        byWard: site.wards.length,
        byField: site.fields.length,
        byType: site.activityTypes.length,
        byChannel: site.channels.length,
      });
      expect(followUp).toEqual(j.unitsWithoutExemplars);
    }
  });

  it("the page shows the JSON's figures in its tables and lists the units to follow up", () => {
    for (const period of QUARTERS) {
      const j = json(period);
      const page = read(`bao-cao/${slugOf(period)}/index.html`);
      expect(tableRows(page, "Điển hình theo đơn vị đề xuất")).toEqual(byName(j.exemplars.byUnit, site.units));
      expect(tableRows(page, "Điển hình theo lĩnh vực")).toEqual(byName(j.exemplars.byField, site.fields));
      expect(tableRows(page, "Điển hình theo phường")).toEqual(byName(j.exemplars.byWard, site.wards));
      expect(tableRows(page, "Hoạt động theo loại hoạt động")).toEqual(byName(j.activities.byType, site.activityTypes));
      expect(tableRows(page, "Hoạt động theo kênh tuyên truyền")).toEqual(byName(j.activities.byChannel, site.channels));
      const followUp = /<section aria-labelledby="[^"]*-don-doc" class="follow-up">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? "";
      expect(decode(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(followUp)?.[1] ?? "")).toBe(`Đơn vị cần đôn đốc: ${j.unitsWithoutExemplars.length}`);
      const listed = [...followUp.matchAll(/<li><strong>([\s\S]*?)<\/strong>/g)].map((m) => decode(m[1] as string));
      expect(listed).toEqual(j.unitsWithoutExemplars.map((id) => site.units.find((u) => u.id === id)!.name));
    }
  });

  it("draws every chart as SVG with a title, a description and a table beside it, without scripts", () => {
    const page = read("bao-cao/2019-q1/index.html");
    const figures = [...page.matchAll(/<figure class="chart"[^>]*>([\s\S]*?)<\/figure>/g)].map((m) => m[1] as string);
    expect(figures.length).toBeGreaterThanOrEqual(6);
    for (const f of figures) {
      expect(f).toMatch(/<svg class="bar-chart" role="img" aria-labelledby="[^"]+-title [^"]+-desc"/);
      expect(f).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
      expect(f).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
      expect(f).toContain("<table");
      expect(f).not.toContain("<script");
    }
  });

  it("a unit that submitted nothing is on every quarter's follow-up list, on the page and in the PDF", async () => {
    const proposing = new Set(content.entries.filter((e) => e.type === "exemplars").map((e) => (e.data as { unit: string }).unit));
    const silent = site.units.filter((u) => u.submits !== false && !proposing.has(u.id));
    expect(silent.length).toBeGreaterThan(0);
    for (const period of QUARTERS) {
      const text = await reportText(period);
      for (const unit of silent) {
        expect(json(period).unitsWithoutExemplars).toContain(unit.id);
        expect(read(`bao-cao/${slugOf(period)}/index.html`)).toContain(`<li><strong>${unit.name}</strong>`);
        expect(text).toContain(`${unit.name} (chưa đề xuất điển hình nào)`);
      }
    }
  });

  it("prints each quarter as a Party report with site.yaml's names, the number left to fill and embedded fonts", async () => {
    const org = site.organisation;
    for (const period of QUARTERS) {
      const text = await reportText(period);
      const j = json(period);
      expect(text).toContain(org.parent.toLocaleUpperCase("vi"));
      expect(text).toContain(org.partyHeader);
      expect(text).toMatch(new RegExp(`Số: -BC/${org.symbol}`));
      expect(text).toContain("BÁO CÁO");
      expect(text).toContain("I. KẾT QUẢ");
      expect(text).toContain("II. ĐÁNH GIÁ");
      expect(text).toMatch(/III\. PHƯƠNG HƯỚNG QUÝ (I|II|III|IV) NĂM \d{4}/);
      expect(text).toContain("Nơi nhận:");
      expect(text).toContain(org.leader!.name);
      if (j.exemplars.total > 0) expect(text).toContain(`giới thiệu ${j.exemplars.total} điển hình tiêu biểu`);
      const fonts = await pdfFonts(path.join(siteDir, `bao-cao/${slugOf(period)}.pdf`));
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f, f.name).toMatchObject({ name: expect.stringContaining("NotoSerif"), embedded: true, subset: true, toUnicode: true });
    }
  });
});
