// Prints the fixture bulletin (test/fixtures/bulletin) through the real PDF step and reads the PDF
// back with npm libraries (pdfjs-dist, pdf-lib); expectations come from the source files, read here with yaml.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveIssues } from "../../src/bulletin/issue.ts";
import { PdfPrintError, printPdfJobs, type PrintedPdf } from "../../src/print/pdf.ts";
import { pdfSizePlaceholder } from "../../src/print/pdf-size.ts";
import { renderBulletinPrint } from "../../src/bulletin/print.ts";
import { writePrintFonts } from "../../src/print/style.ts";
import { loadContent } from "../../src/content/load.ts";
import { bulletinJobs, makePrintImages } from "../../src/site/sections/bulletins.ts";
import { collapse, isA4, pageText, pdfFonts, pdfImages, pdfInfo, pdfOutline, textBoxes } from "../helpers/pdf.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/bulletin");

/** Front matter and body of a content file, read without the project's loader. */
function source(rel: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(path.join(FIXTURE, rel), "utf8");
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`no front matter in ${rel}`);
  return { data: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}

const issueSrc = source("bulletins/2019-03.md");
const slugs = issueSrc.data["exemplars"] as string[];
const exemplars = slugs.map((s) => ({ slug: s, ...source(`exemplars/2019/${s}.md`) }));
const titleOf = (e: (typeof exemplars)[number]) => e.data["title"] as string;

let siteDir: string;
let pdf: string;
let printed: PrintedPdf[];
let pages: number;

beforeAll(async () => {
  siteDir = mkdtempSync(path.join(tmpdir(), "gs-bulletin-"));
  const { model, findings } = await loadContent(FIXTURE);
  expect(findings).toEqual([]);
  const issues = resolveIssues(model);
  const images = await makePrintImages(model.exemplars, siteDir);
  await writePrintFonts(siteDir);
  for (const issue of issues) {
    const dir = path.join(siteDir, issue.paths.print);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "index.html"), renderBulletinPrint(issue, { site: model.site, images }));
  }
  // The archive page with its size placeholder, as the site's page template writes it.
  writeFileSync(path.join(siteDir, "ban-tin/index.html"), `<p>${pdfSizePlaceholder("/ban-tin/2019-03.pdf").value}</p>`);
  printed = await printPdfJobs(siteDir, bulletinJobs(model));
  pdf = path.join(siteDir, "ban-tin/2019-03.pdf");
  pages = (await pdfInfo(pdf)).pages;
});

describe("the fixture bulletin PDF", () => {
  it("is A4, tagged, with title, author = the organisation, subject and language vi", async () => {
    const info = await pdfInfo(pdf);
    const site = parse(readFileSync(path.join(FIXTURE, "site.yaml"), "utf8")) as { organisation: { name: string }; document: { bulletinName: string } };
    expect(isA4(info.pageSize), JSON.stringify(info.pageSize)).toBe(true);
    expect(info.tagged).toBe(true);
    expect(info.title).toBe(`${site.document.bulletinName} số 3/2019`);
    expect(info.author).toBe(site.organisation.name);
    expect(info.subject).toBe(issueSrc.data["title"]);
    expect(info.keywords).toContain(site.document.bulletinName);
    expect(info.lang).toBe("vi");
  });

  it("lays the text inside the margins of site.yaml, the missing ones taken from the schema's defaults", async () => {
    const site = parse(readFileSync(path.join(FIXTURE, "site.yaml"), "utf8")) as { document: { margins: Record<string, number> } };
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../schemas/site.schema.json"), "utf8"));
    const defaults = schema.properties.document.properties.margins.properties as Record<string, { default: number }>;
    const mm = (side: string) => (site.document.margins[side] ?? defaults[side]!.default) * (72 / 25.4);
    const words = await textBoxes(pdf, 3);
    // The running header sits in the top margin and the footer in the bottom one; the body between.
    const body = words.filter((w) => w.yMin > mm("top") && w.yMax < 841.89 - mm("bottom"));
    expect(body.length).toBeGreaterThan(20);
    expect(Math.min(...body.map((w) => w.xMin))).toBeCloseTo(mm("left"), 0);
    expect(Math.max(...body.map((w) => w.xMax))).toBeLessThanOrEqual(595.28 - mm("right") + 0.5);
    expect(Math.max(...body.map((w) => w.xMax))).toBeGreaterThan(595.28 - mm("right") - 3);
    expect(Math.min(...words.map((w) => w.xMin))).toBeCloseTo(mm("left"), 0);
  });

  it("embeds every font, and they are Noto Serif", async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoSerif-(Regular|Bold|Italic|BoldItalic)$/);
    }
  });

  it("has a table of contents whose page numbers are the pages where the articles begin", async () => {
    const toc = collapse(await pageText(pdf, 2));
    expect(toc).toContain("MỤC LỤC");
    for (const e of exemplars) {
      const title = collapse(titleOf(e));
      const m = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} (\\d+)`).exec(toc);
      expect(m, `TOC entry for ${title}`).not.toBeNull();
      const listed = Number(m![1]);
      // Where the title really is: the first page after the table of contents that prints it.
      let actual = 0;
      for (let p = 3; p <= pages && !actual; p++) if (collapse(await pageText(pdf, p)).includes(title)) actual = p;
      expect(listed, title).toBe(actual);
      // Each article starts a page: its kicker and title come first after the running header.
      const lines = (await pageText(pdf, actual)).split("\n").map(collapse).filter(Boolean);
      expect(collapse(lines.slice(0, 6).join(" "))).toContain(title.slice(0, 30));
    }
    // The lead story's title sits on the cover with "Đọc tiếp trang N".
    const cover = collapse(await pageText(pdf, 1));
    const lead = printed[0]!.tocPages[`bai-${slugs[0]}`];
    expect(cover).toContain(collapse(titleOf(exemplars[0]!)));
    expect(cover).toContain(`Đọc tiếp trang ${lead}`);
  });

  it("has an outline entry per article, pointing at its page", async () => {
    const outline = await pdfOutline(pdf);
    const toc = collapse(await pageText(pdf, 2));
    for (const e of exemplars) {
      const entry = outline.find((o) => o.title === collapse(titleOf(e)));
      expect(entry, titleOf(e)).toBeDefined();
      expect(entry!.depth).toBe(0);
      expect(toc).toContain(`${collapse(titleOf(e))} ${entry!.page}`);
    }
    expect(outline.filter((o) => o.depth === 0).map((o) => o.title)).toContain("Mục lục");
  });

  it("prints a running header and 'Trang X/Y' on every page but the cover", async () => {
    const site = parse(readFileSync(path.join(FIXTURE, "site.yaml"), "utf8")) as { document: { bulletinName: string } };
    expect(await pageText(pdf, 1)).not.toMatch(/Trang \d+\/\d+/);
    expect(await pageText(pdf, 1)).not.toContain("Số 3/2019\n");
    for (let p = 2; p <= pages; p++) {
      const text = await pageText(pdf, p, "layout");
      expect(text).toContain(`Trang ${p}/${pages}`);
      expect(text.split("\n").find((l) => l.trim())).toMatch(new RegExp(`${site.document.bulletinName}\\s+Số 3/2019`));
    }
  });

  it("extracts the text of a known exemplar exactly, in NFC", async () => {
    const e = exemplars.find((x) => x.slug === "to-dan-pho-xanh")!;
    const page = printed[0]!.tocPages[`bai-${e.slug}`]!;
    const text = await pageText(pdf, page);
    expect(text).toBe(text.normalize("NFC"));
    expect(text).not.toMatch(/\p{M}/u);
    const flat = collapse(text);
    expect(flat).toContain(collapse(e.data["summary"] as string));
    for (const a of e.data["achievements"] as string[]) expect(flat).toContain(collapse(a));
    for (const paragraph of e.body.split(/\n\s*\n/).map(collapse).filter(Boolean)) expect(flat).toContain(paragraph);
  });

  it("prints the exemplar's image in grayscale with its caption and credit", async () => {
    const e = exemplars.find((x) => x.slug === "ba-nguyen-thi-hue")!;
    const image = e.data["image"] as { alt: string; credit: string };
    const images = await pdfImages(pdf);
    expect(images.length).toBeGreaterThanOrEqual(1);
    for (const img of images) {
      expect(img.color).toBe("gray");
      expect(Math.abs(img.xppi - img.yppi), "aspect ratio kept").toBeLessThanOrEqual(1);
      expect(img.xppi, "sharp enough to print").toBeGreaterThanOrEqual(120);
    }
    const page = printed[0]!.tocPages[`bai-${e.slug}`]!;
    expect(images.map((i) => i.page)).toContain(page);
    expect(collapse(await pageText(pdf, page))).toContain(`${image.alt}. Ảnh: ${image.credit}.`);
  });

  it("writes the PDF's size into the archive page and leaves no temporary file", () => {
    const bytes = readFileSync(pdf).length;
    expect(printed[0]!.bytes).toBe(bytes);
    const archive = readFileSync(path.join(siteDir, "ban-tin/index.html"), "utf8");
    expect(archive).toContain(`(PDF, ${Math.round(bytes / 1024)} KB)</span>`);
    expect(readdirSync(path.join(siteDir, "ban-tin")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("the PDF step on other pages", () => {
  it("blocks every request that is not to the local site and still prints", async () => {
    mkdirSync(path.join(siteDir, "khac/in"), { recursive: true });
    writeFileSync(
      path.join(siteDir, "khac/in/index.html"),
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Báo cáo thử</title><meta name="author" content="Ban Thử"></head>` +
        `<body><h1>Báo cáo</h1><img src="https://example.com/x.png" alt=""><p>Nội dung.</p></body></html>`,
    );
    const [result] = await printPdfJobs(siteDir, [{ source: "/khac/in/", output: "/khac.pdf", kind: "report", title: "Báo cáo thử", subject: "Thử" }]);
    expect(result!.blocked).toEqual(["https://example.com/x.png"]);
    expect((await pdfInfo(path.join(siteDir, "khac.pdf"))).author).toBe("Ban Thử");
  });

  it("prints again with the real numbers when the predicted TOC page is wrong", async () => {
    // Changes of named page break the printed pages (into and out of "khac") but not the measuring
    // layout, so the prediction says page 2 where the heading really lands on page 4.
    mkdirSync(path.join(siteDir, "lech/in"), { recursive: true });
    writeFileSync(
      path.join(siteDir, "lech/in/index.html"),
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lệch</title><style>@page{size:A4;margin:20mm}@page khac{margin:20mm}</style></head>` +
        `<body><h1>Mục lục</h1><p>Đích: trang <span data-toc-page="dich"></span></p><div style="break-before:page">Trang hai</div>` +
        `<div style="page:khac">Trang ba, tên trang khác</div><h1 id="dich">Đích đến</h1></body></html>`,
    );
    const [result] = await printPdfJobs(siteDir, [{ source: "/lech/in/", output: "/lech.pdf", kind: "report", title: "Lệch", subject: "Lệch" }]);
    const file = path.join(siteDir, "lech.pdf");
    const total = (await pdfInfo(file)).pages;
    let actual = 0;
    for (let p = 2; p <= total && !actual; p++) if ((await pageText(file, p)).includes("Đích đến")) actual = p;
    expect(actual).toBe(4);
    expect(result!.passes).toBe(2);
    expect(collapse(await pageText(file, 1))).toContain(`Đích: trang ${actual}`);
  });

  it("fails with a Vietnamese message and writes nothing when the print page is missing", async () => {
    const job = { source: "/khong-co/in/", output: "/khong-co.pdf", kind: "report" as const, title: "x", subject: "x" };
    await expect(printPdfJobs(siteDir, [job])).rejects.toThrow(
      new PdfPrintError("Không tìm thấy trang in /khong-co/in/ trong thư mục đã dựng (HTTP 404)."),
    );
    expect(existsSync(path.join(siteDir, "khong-co.pdf"))).toBe(false);
  });

  it("lets the build know there is no browser (BrowserNotFoundError-family error, no PDF)", async () => {
    const job = { source: "/ban-tin/2019-03/in/", output: "/lan-hai.pdf", kind: "bulletin" as const, title: "x", subject: "x" };
    await expect(printPdfJobs(siteDir, [job], { env: { GUONG_SANG_BROWSER: "/khong/co/trinh-duyet" } })).rejects.toMatchObject({
      code: expect.stringMatching(/^E_BROWSER/),
    });
    expect(existsSync(path.join(siteDir, "lan-hai.pdf"))).toBe(false);
  });
});
