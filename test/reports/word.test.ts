// The Word files of the built sample site (test/global-setup.ts), read as Word reads them: the zip's
// own XML parts (test/word/docx-reader.ts, nothing from src/), their figures against an independent
// count of the raw content files, their text through an independent reader (mammoth); and the year's
// JSON, CSV and PDF beside the quarters'.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import mammoth from "mammoth";
import { parse } from "yaml";
import { describe, expect, inject, it } from "vitest";
import { readCsv } from "./csv-reader.ts";
import { rawContent, rawFigures } from "./raw-count.ts";
import { sitePrefix } from "../helpers/site.ts";
import { alignment, all, type Docx, first, kids, readDocx, relTarget, runProps, tableRows, textOf, textRuns, type XNode } from "../word/docx-reader.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const siteDir = inject("siteDir");
const content = rawContent(path.join(REPO, "content"));
type Named = { id: string; name: string };
const site = content.site as {
  organisation: { parent: string; name: string; partyHeader: string; place: string; symbol?: string; leader: { title: string; name: string } };
  units: (Named & { submits?: boolean })[];
  wards: Named[];
  fields: Named[];
  channels: Named[];
  activityTypes: Named[];
};
const kinds = JSON.parse(readFileSync(path.join(REPO, "schemas/exemplar.schema.json"), "utf8")).properties.kind.enum as string[];
const QUARTERS = ["2018-Q4", "2019-Q1", "2019-Q2"];
const YEARS = ["2018", "2019"];
const PERIODS = [...QUARTERS, ...YEARS];
const file = (p: string) => path.join(siteDir, p);
/** The path prefix every link of the built sample carries (from its baseUrl). */
const prefix = sitePrefix(siteDir);
const reportFile = (period: string) => file(`bao-cao/${period.toLowerCase()}.docx`);
const upper = (s: string) => s.toLocaleUpperCase("vi");

/** Hướng dẫn 36-HD/VPTW and Nghị định 30/2020/NĐ-CP: margins in millimetres, body 13–14 pt. */
const MARGINS_MM = { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] } as const;
const twipsToMm = (t: number) => (t * 25.4) / 1440;
/** Sizes in half-points as Word stores them: 15 pt party header, 14 pt header lines, 16 pt kind, 12 pt recipients. */
const SZ = { partyHeader: 30, header: 28, kind: 32, recipients: 24, signer: 28 };

const sectPr = (d: Docx): XNode => first(d.xml("word/document.xml"), "w:sectPr") as XNode;

function expectWordPage(d: Docx): void {
  const s = sectPr(d);
  const size = kids(s, "w:pgSz")[0]!;
  expect([Number(size.attrs["w:w"]), Number(size.attrs["w:h"])], d.file).toEqual([11906, 16838]);
  const mar = kids(s, "w:pgMar")[0]!;
  for (const [side, [min, max]] of Object.entries(MARGINS_MM)) {
    const mm = twipsToMm(Number(mar.attrs[`w:${side}`]));
    expect(mm, `${d.file} ${side}`).toBeGreaterThanOrEqual(min - 0.05);
    expect(mm, `${d.file} ${side}`).toBeLessThanOrEqual(max + 0.05);
  }
  // Times New Roman, body 13–14 pt, Vietnamese, for every run that does not say otherwise.
  const defaults = first(d.xml("word/styles.xml"), "w:rPrDefault") as XNode;
  expect(first(defaults, "w:rFonts")?.attrs["w:ascii"]).toBe("Times New Roman");
  expect(first(defaults, "w:rFonts")?.attrs["w:hAnsi"]).toBe("Times New Roman");
  expect([26, 28]).toContain(Number(first(defaults, "w:sz")?.attrs["w:val"]));
  expect(first(defaults, "w:lang")?.attrs["w:val"]).toBe("vi-VN");
  const fonts = new Set(all(d.xml("word/document.xml"), "w:rFonts").map((f) => f.attrs["w:ascii"]));
  for (const font of fonts) expect(font).toBe("Times New Roman");
  expect(first(d.xml("word/settings.xml"), "w:themeFontLang")?.attrs["w:val"]).toBe("vi-VN");
  expect(coreProp(d, "dc:language")).toBe("vi-VN");

  // Page numbers from page 2: a different first page (titlePg) without a number, and a PAGE field in the default header.
  expect(kids(s, "w:titlePg"), `${d.file} titlePg`).toHaveLength(1);
  const header = (type: string) => {
    const ref = kids(s, "w:headerReference").find((h) => h.attrs["w:type"] === type);
    expect(ref, `${d.file} ${type} header`).toBeDefined();
    return d.parts[relTarget(d, ref!.attrs["r:id"]!)] as string;
  };
  expect(header("default")).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE\s*"/);
  expect(header("first")).not.toMatch(/PAGE/);
  for (const ref of kids(s, "w:footerReference")) expect(d.parts[relTarget(d, ref.attrs["r:id"]!)]).not.toMatch(/PAGE/);
}

function coreProp(d: Docx, name: string): string | undefined {
  return first(d.xml("docProps/core.xml"), name)?.children.map((c) => c.text ?? "").join("");
}

/** The paragraphs of one cell of a table, with their first text run's properties. */
function cellLines(tc: XNode): { text: string; props: ReturnType<typeof runProps>; align?: string }[] {
  return kids(tc, "w:p")
    .filter((p) => textOf(p).trim() !== "")
    .map((p) => ({ text: textOf(p), props: runProps(textRuns(p)[0]!), align: alignment(p) }));
}

/** Figure tables of a report, by the caption paragraph before each. */
function figureTables(d: Docx): { caption: string; rows: ReturnType<typeof tableRows> }[] {
  const body = d.body();
  const out: { caption: string; rows: ReturnType<typeof tableRows> }[] = [];
  body.forEach((node, i) => {
    const before = body[i - 1];
    if (node.name !== "w:tbl" || before?.name !== "w:p") return;
    const caption = textOf(before);
    if (/^Bảng \d+\. /.test(caption)) out.push({ caption: caption.replace(/^Bảng \d+\. /, ""), rows: tableRows(node) });
  });
  return out;
}

function tableByCaption(d: Docx, pattern: RegExp): ReturnType<typeof tableRows> {
  const t = figureTables(d).find((x) => pattern.test(x.caption));
  if (!t) throw new Error(`${d.file}: no table captioned ${pattern}`);
  return t.rows;
}

/** Body rows as name → number (second column). */
const counts = (rows: ReturnType<typeof tableRows>) => Object.fromEntries(rows.filter((r) => !r.header).map((r) => [r.cells[0], Number(r.cells[1])]));
const byName = (map: Record<string, number>, list: Named[], nonZero = false) =>
  Object.fromEntries(list.filter((x) => !nonZero || (map[x.id] ?? 0) > 0).map((x) => [x.name, map[x.id] ?? 0]));

function previousPeriod(period: string): string {
  if (!period.includes("-Q")) return String(Number(period) - 1);
  const [y, q] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

function rawTotals(period: string): number[] {
  const f = rawFigures(content, period, kinds);
  return [f.exemplars.total, f.activities.total, f.plans.length, f.bulletins.length];
}

/** The plan a report answers to in the sample: the only plan, read from its file. */
const planFile = path.join(REPO, "content/plans/2018/08-kh-btg.md");
const planText = readFileSync(planFile, "utf8");
const planData = parse(planText.split(/^---$/m)[1] as string) as {
  number: string;
  title: string;
  place: string;
  date: string;
  issuerParent: string;
  recipients: { purpose?: string; names: string[] }[];
  signer: { title: string; name: string; signed?: boolean };
};

describe("report Word files", () => {
  it("exist for every quarter and year as A4 pages with Party margins, Times New Roman, vi-VN and page numbers from page 2", () => {
    for (const period of PERIODS) {
      const d = readDocx(reportFile(period));
      expectWordPage(d);
      const when = period.includes("-Q") ? `quý ${["I", "II", "III", "IV"][Number(period.slice(6)) - 1]} năm ${period.slice(0, 4)}` : `năm ${period}`;
      expect(coreProp(d, "dc:title")).toBe(`Báo cáo ${when}`);
      expect(coreProp(d, "dc:creator")).toBe(site.organisation.name);
      expect(coreProp(d, "dc:subject")).toMatch(new RegExp(`^Kết quả .+ ${when}$`));
      expect(coreProp(d, "dc:language")).toBe("vi-VN");
    }
  });

  it("open with the Party header table, the number left blank, the italic place and date, and the centred bold kind and title", () => {
    const org = site.organisation;
    for (const period of PERIODS) {
      const d = readDocx(reportFile(period));
      const body = d.body();
      expect(body[0]?.name).toBe("w:tbl");
      const [left, right] = kids(kids(body[0]!, "w:tr")[0]!, "w:tc");
      const l = cellLines(left!);
      expect(l.map((x) => x.text.replace(/\s+/g, " "))).toEqual([upper(org.parent), expect.any(String), "*", `Số -BC/${org.symbol}`]);
      expect(upper(org.name).startsWith(l[1]!.text)).toBe(true);
      expect(l[3]!.text).toMatch(/^Số\s{4,}-BC\//u);
      expect(l[0]!.props).toMatchObject({ size: SZ.header, bold: false });
      expect(l[1]!.props).toMatchObject({ size: SZ.header, bold: true });
      expect(l[3]!.props).toMatchObject({ size: SZ.header, bold: false });
      const r = cellLines(right!);
      expect(r[0]).toMatchObject({ text: org.partyHeader, props: { size: SZ.partyHeader, bold: true, underline: true } });
      expect(r[1]!.text).toMatch(new RegExp(`^${org.place}, ngày\\s{4,}tháng\\s{4,}năm ${period.slice(0, 4)}$`, "u"));
      expect(r[1]!.props).toMatchObject({ size: SZ.header, italic: true });
      const kind = body.find((n) => n.name === "w:p" && textOf(n) === "BÁO CÁO")!;
      expect(alignment(kind)).toBe("center");
      expect(runProps(textRuns(kind)[0]!)).toMatchObject({ size: SZ.kind, bold: true });
      const title = body[body.indexOf(kind) + 1]!;
      expect(textOf(title)).toBe(coreProp(d, "dc:subject"));
      expect(alignment(title)).toBe("center");
      expect(runProps(textRuns(title)[0]!).bold).toBe(true);
      for (const heading of ["I. KẾT QUẢ", "II. ĐÁNH GIÁ"]) expect(body.some((n) => textOf(n) === heading)).toBe(true);
    }
  });

  it("end with Nơi nhận (site.yaml's report recipients, or the plan's) beside the signer's block", () => {
    // site.yaml's reports.recipients when it names them, else the plan's "Để báo cáo" group and its archive line.
    const configured = (content.site.reports as { recipients?: string[] } | undefined)?.recipients;
    const reportTo = planData.recipients.filter((g) => g.purpose?.toLowerCase().includes("báo cáo")).flatMap((g) => g.names);
    const archive = planData.recipients.flatMap((g) => g.names).find((n) => n.startsWith("Lưu"))!;
    const names = configured ?? [...reportTo, archive];
    for (const period of PERIODS) {
      const d = readDocx(reportFile(period));
      const tables = d.body().filter((n) => n.name === "w:tbl");
      const [left, right] = kids(kids(tables.at(-1)!, "w:tr")[0]!, "w:tc");
      const l = cellLines(left!);
      expect(l[0]).toMatchObject({ text: "Nơi nhận:", props: { underline: true } });
      expect(l.slice(1).map((x) => x.text)).toEqual(names.map((n, i) => `- ${n}${i === names.length - 1 ? "." : ","}`));
      for (const line of l.slice(1)) expect(line.props.size).toBe(SZ.recipients);
      const r = cellLines(right!);
      expect(r.map((x) => x.text)).toEqual([upper(site.organisation.leader.title), site.organisation.leader.name]);
      for (const line of r) expect(line.props).toMatchObject({ size: SZ.signer, bold: true });
    }
  });

  it("give every figure the JSON gives, by an independent count of the raw files, in tables whose header row repeats", () => {
    for (const period of PERIODS) {
      const d = readDocx(reportFile(period));
      const raw = rawFigures(content, period, kinds);
      const json = JSON.parse(readFileSync(file(`bao-cao/${period.toLowerCase()}.json`), "utf8"));
      expect(json.exemplars.total).toBe(raw.exemplars.total);
      const text = d.body().map(textOf).join("\n");
      for (const t of figureTables(d)) {
        expect(t.rows[0]!.header, `${period}: ${t.caption}`).toBe(true);
        expect(t.rows.slice(1).every((r) => !r.header)).toBe(true);
      }
      if (raw.exemplars.total > 0) {
        expect(text).toContain(`giới thiệu ${raw.exemplars.total} điển hình tiêu biểu`);
        expect(counts(tableByCaption(d, /theo lĩnh vực$/))).toEqual({ ...byName(raw.exemplars.byField, site.fields), "Tổng số": raw.exemplars.total });
        expect(counts(tableByCaption(d, /theo đơn vị đề xuất/))).toEqual({ ...byName(raw.exemplars.byUnit, site.units, true), "Tổng số": raw.exemplars.total });
      }
      if (raw.activities.total > 0) {
        expect(counts(tableByCaption(d, /theo loại hoạt động$/))).toEqual({ ...byName(raw.activities.byType, site.activityTypes), "Tổng số": raw.activities.total });
        // Activities by ward and channel, counted here from the raw files.
        const rows = tableByCaption(d, /theo phường và kênh/);
        const channels = rows[0]!.cells.slice(1);
        for (const [ci, channelName] of channels.entries()) {
          const channel = site.channels.find((c) => c.name === channelName)!;
          const acts = content.entries.filter((e) => e.type === "activities" && (e.period === period || e.period.startsWith(`${period}-Q`)) && e.data.channel === channel.id);
          const column = rows.slice(1).map((r) => Number(r.cells[ci + 1]));
          expect(column.reduce((a, b) => a + b, 0)).toBe(raw.activities.byChannel[channel.id]);
          for (const [wi, ward] of site.wards.entries()) expect(column[wi], `${period} ${ward.name} ${channelName}`).toBe(acts.filter((a) => a.data.ward === ward.id).length);
        }
      }
      const comparison = tableByCaption(d, /^So sánh với các kỳ trước$/);
      const rowsOf = comparison.slice(1).map((r) => r.cells.slice(1).map(Number));
      expect(rowsOf.map((r) => r[0])).toEqual(rawTotals(period));
      expect(rowsOf.map((r) => r[1])).toEqual(rawTotals(previousPeriod(period)));
      if (!period.includes("-Q")) {
        const byQuarter = tableByCaption(d, /^Kết quả từng quý/);
        for (let q = 1; q <= 4; q++) {
          const quarter = `${period}-Q${q}`;
          const f = rawFigures(content, quarter, kinds);
          expect(byQuarter[q]!.cells.slice(1).map(Number), quarter).toEqual([...rawTotals(quarter), f.unitsWithoutExemplars.length]);
        }
        expect(byQuarter[5]!.cells.slice(1).map(Number)).toEqual([...rawTotals(period), raw.unitsWithoutExemplars.length]);
      }
    }
  });

  it("read by an independent reader (mammoth), carry every exemplar of the period and every unit to follow up", async () => {
    for (const period of PERIODS) {
      const { value } = await mammoth.extractRawText({ path: reportFile(period) });
      const text = value.replace(/\s+/g, " ");
      const exemplars = content.entries.filter((e) => e.type === "exemplars" && (e.period === period || e.period.startsWith(`${period}-Q`)));
      expect(exemplars.length).toBe(rawFigures(content, period, kinds).exemplars.total);
      for (const e of exemplars) expect(text, `${period} ${e.slug}`).toContain((e.data.title as string).replace(/\s+/g, " "));
      for (const id of rawFigures(content, period, kinds).unitsWithoutExemplars) expect(text).toContain(site.units.find((u) => u.id === id)!.name);
    }
  });
});

describe("the year's exports", () => {
  it("publish /bao-cao/<yyyy>.json in the quarter's shape with its four quarters, and the CSV and PDF beside it", () => {
    for (const year of YEARS) {
      const j = JSON.parse(readFileSync(file(`bao-cao/${year}.json`), "utf8"));
      const q = JSON.parse(readFileSync(file(`bao-cao/${QUARTERS[0]!.toLowerCase()}.json`), "utf8"));
      expect(Object.keys(j)).toEqual([...Object.keys(q), "quarters"]);
      const raw = rawFigures(content, year, kinds);
      expect(j.period).toBe(year);
      expect([j.from, j.to]).toEqual([`${year}-01-01`, `${year}-12-31`]);
      expect({ ...j.exemplars, slugs: [...j.exemplars.slugs].sort() }).toEqual(raw.exemplars);
      expect({ ...j.activities, slugs: [...j.activities.slugs].sort() }).toEqual(raw.activities);
      expect([...j.plans.slugs].sort()).toEqual(raw.plans);
      expect([...j.bulletins.ids].sort()).toEqual(raw.bulletins);
      expect(j.unitsWithoutExemplars).toEqual(raw.unitsWithoutExemplars);
      expect(j.quarters.map((x: { period: string }) => x.period)).toEqual([1, 2, 3, 4].map((n) => `${year}-Q${n}`));
      for (const quarter of j.quarters as { period: string; exemplars: { total: number } }[]) {
        const own = file(`bao-cao/${quarter.period.toLowerCase()}.json`);
        if (existsSync(own)) expect(quarter).toEqual(JSON.parse(readFileSync(own, "utf8")));
        else expect(quarter.exemplars.total).toBe(0);
      }
      const csv = readCsv(readFileSync(file(`bao-cao/${year}.csv`), "utf8")).rows;
      expect(csv[0]).toEqual(["Kỳ báo cáo", "Nhóm", "Phân loại", "Mã", "Tên", "Số lượng"]);
      const total = (p: string) => csv.find((r) => r[0] === p && r[1] === "Điển hình" && r[2] === "Tổng số")?.[5];
      expect(total(year)).toBe(String(raw.exemplars.total));
      for (let n = 1; n <= 4; n++) expect(total(`${year}-Q${n}`)).toBe(String(rawFigures(content, `${year}-Q${n}`, kinds).exemplars.total));
      expect(readFileSync(file(`bao-cao/${year}.pdf`)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
  });

  it("are linked from the report pages and listed in /api/site.json, next to the quarter's, and every link leads to a file", () => {
    const index = readFileSync(file("bao-cao/index.html"), "utf8");
    for (const year of YEARS) {
      const page = readFileSync(file(`bao-cao/${year}/index.html`), "utf8");
      for (const ext of ["pdf", "docx", "csv", "json"]) {
        expect(page).toContain(`href="${prefix}bao-cao/${year}.${ext}"`);
        expect(index).toContain(`href="${prefix}bao-cao/${year}.${ext}"`);
        expect(existsSync(file(`bao-cao/${year}.${ext}`))).toBe(true);
      }
    }
    for (const period of QUARTERS) {
      const slug = period.toLowerCase();
      expect(readFileSync(file(`bao-cao/${slug}/index.html`), "utf8")).toContain(`href="${prefix}bao-cao/${slug}.docx"`);
      expect(index).toContain(`href="${prefix}bao-cao/${slug}.docx"`);
    }
    // The API lists every period's files, relative to the site, and each is there.
    const api = JSON.parse(readFileSync(file("api/site.json"), "utf8")) as { exports: Record<"quarters" | "years", Record<string, string>[]> };
    expect(api.exports.years.map((y) => y.period)).toEqual(expect.arrayContaining(YEARS));
    for (const year of YEARS) expect(api.exports.years.find((y) => y.period === year)).toEqual({ period: year, json: `bao-cao/${year}.json`, csv: `bao-cao/${year}.csv`, pdf: `bao-cao/${year}.pdf`, docx: `bao-cao/${year}.docx` });
    for (const period of QUARTERS) expect(api.exports.quarters.find((q) => q.period === period)?.docx).toBe(`bao-cao/${period.toLowerCase()}.docx`);
    for (const entry of [...api.exports.quarters, ...api.exports.years]) {
      for (const [key, value] of Object.entries(entry)) if (key !== "period") expect(existsSync(file(value)), value).toBe(true);
    }
  });
});

describe("plan as Word", () => {
  it("lays 08-KH/BTG out as the issued document: header block, number, place and date, title, numbered sections, Nơi nhận beside the signer", async () => {
    const d = readDocx(file("ke-hoach/08-kh-btg.docx"));
    expectWordPage(d);
    expect(readFileSync(file("ke-hoach/08-kh-btg/index.html"), "utf8")).toContain(`href="${prefix}ke-hoach/08-kh-btg.docx"`);
    const body = d.body();
    const [left, right] = kids(kids(body[0]!, "w:tr")[0]!, "w:tc");
    const l = cellLines(left!).map((x) => x.text);
    expect(l[0]).toBe(upper(planData.issuerParent));
    expect(l.slice(2)).toEqual(["*", `Số ${planData.number}`]);
    const r = cellLines(right!);
    expect(r[0]!.text).toBe(site.organisation.partyHeader);
    const [y, m, day] = String(planData.date).split("-").map(Number);
    expect(r[1]).toMatchObject({ text: `${planData.place}, ngày ${day} tháng ${m} năm ${y}`, props: { italic: true } });
    const kind = body.findIndex((n) => textOf(n) === "KẾ HOẠCH");
    expect(textOf(body[kind + 1]!)).toBe(planData.title);
    expect(runProps(textRuns(body[kind + 1]!)[0]!).bold).toBe(true);
    // Every "## " section of the Markdown is a level-1 heading (Word's navigation pane), in order.
    const sections = [...planText.matchAll(/^## (.+)$/gm)].map((x) => x[1]);
    const headings = body.filter((n) => n.name === "w:p" && first(n, "w:pStyle")?.attrs["w:val"] === "Heading1").map(textOf);
    expect(headings).toEqual(sections);
    const signatureRow = kids(body.filter((n) => n.name === "w:tbl").at(-1)!, "w:tr")[0]!;
    const [recipients, signer] = kids(signatureRow, "w:tc");
    const names = tableRows(first(recipients!, "w:tbl")!).map((row) => row.cells[0]!.replace(/^- /, "").replace(/[;,.]$/, ""));
    expect(names).toEqual(planData.recipients.flatMap((g) => g.names));
    const purposes = all(recipients!, "w:tc").map(textOf).filter((t) => t.startsWith("("));
    expect(purposes).toEqual(planData.recipients.filter((g) => g.purpose).map((g) => `(${g.purpose!.charAt(0).toLowerCase()}${g.purpose!.slice(1)})`));
    expect(cellLines(signer!).map((x) => x.text)).toEqual([upper(planData.signer.title), "(Đã ký)", planData.signer.name]);
    const { value } = await mammoth.extractRawText({ path: file("ke-hoach/08-kh-btg.docx") });
    const lastSentence = planText.trim().split("\n").at(-1)!;
    expect(value).toContain(lastSentence);
  });
});

describe("bulletin for editing", () => {
  it("carries each issue's editorial and articles in the issue's order", async () => {
    const bulletins = content.entries.filter((e) => e.type === "bulletins");
    expect(bulletins.length).toBeGreaterThan(0);
    for (const b of bulletins) {
      const docx = file(`ban-tin/${b.slug}.docx`);
      const d = readDocx(docx);
      expectWordPage(d);
      expect(readFileSync(file(`ban-tin/${b.slug}/index.html`), "utf8")).toContain(`href="${prefix}ban-tin/${b.slug}.docx"`);
      const { value } = await mammoth.extractRawText({ path: docx });
      const text = value.replace(/\s+/g, " ");
      const titles = (b.data.exemplars as string[]).map((slug) => content.entries.find((e) => e.type === "exemplars" && e.slug === slug)!.data.title as string);
      const at = titles.map((t) => text.indexOf(t.replace(/\s+/g, " ")));
      expect(at.every((i) => i >= 0), b.slug).toBe(true);
      expect([...at].sort((a, c) => a - c)).toEqual(at);
      expect(text.indexOf("Lời tòa soạn")).toBeLessThan(at[0]!);
    }
  });
});
