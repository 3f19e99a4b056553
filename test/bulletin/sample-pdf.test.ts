// The sample bulletins as `npm run build` wrote them (the suite's shared build): every issue in
// content/bulletins has a PDF with right TOC numbers, an outline entry per article, metadata, A4,
// embedded fonts, its size on the archive, and a print page kept out of search and the sitemap.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { siteDir } from "../helpers/site.ts";
import { collapse, isA4, pageText, pdfFonts, pdfInfo, pdfOutline } from "../helpers/pdf.ts";

const CONTENT = path.resolve(import.meta.dirname, "../../content");

function frontMatter(file: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, "utf8"));
  if (!m) throw new Error(`no front matter in ${file}`);
  return parse(m[1]!) as Record<string, unknown>;
}

/** Exemplar titles by slug, read from the files. */
function exemplarTitles(): Map<string, string> {
  const out = new Map<string, string>();
  const root = path.join(CONTENT, "exemplars");
  for (const year of readdirSync(root)) {
    for (const f of readdirSync(path.join(root, year)).filter((x) => x.endsWith(".md"))) {
      out.set(f.slice(0, -3), collapse(frontMatter(path.join(root, year, f))["title"] as string));
    }
  }
  return out;
}

const site = parse(readFileSync(path.join(CONTENT, "site.yaml"), "utf8")) as {
  organisation: { name: string };
  document: { bulletinName: string };
};
const issues = readdirSync(path.join(CONTENT, "bulletins"))
  .filter((f) => /^\d{4}-\d{2}\.md$/.test(f))
  .map((f) => ({ id: f.slice(0, -3), data: frontMatter(path.join(CONTENT, "bulletins", f)) }))
  .filter((i) => i.data["draft"] !== true);
const titles = exemplarTitles();

describe("the sample bulletins", () => {
  it("there are sample issues to check", () => {
    expect(issues.length).toBeGreaterThanOrEqual(2);
  });

  for (const issue of issues) {
    describe(`issue ${issue.id}`, () => {
      const pdf = () => path.join(siteDir(), "ban-tin", `${issue.id}.pdf`);
      const slugs = issue.data["exemplars"] as string[];

      it("is an A4 PDF with the bulletin's metadata", async () => {
        const info = await pdfInfo(pdf());
        expect(isA4(info.pageSize), JSON.stringify(info.pageSize)).toBe(true);
        expect(info.title).toBe(`${site.document.bulletinName} số ${issue.data["number"]}/${issue.id.slice(0, 4)}`);
        expect(info.author).toBe(site.organisation.name);
        expect(info.subject).toBe(issue.data["title"] ?? titles.get(slugs[0]!));
        expect(info.tagged).toBe(true);
      });

      it("embeds every font", async () => {
        const fonts = await pdfFonts(pdf());
        expect(fonts.length).toBeGreaterThan(0);
        for (const f of fonts) expect(f.embedded, f.name).toBe(true);
      });

      it("lists each exemplar in the TOC with the page where its title is printed, and in the outline", async () => {
        const { pages, lang } = await pdfInfo(pdf());
        const texts: string[] = [];
        for (let p = 1; p <= pages; p++) texts.push(collapse(await pageText(pdf(), p)));
        const outline = await pdfOutline(pdf());
        expect(lang).toBe("vi");
        for (const slug of slugs) {
          const title = titles.get(slug)!;
          const m = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} (\\d+)`).exec(texts[1]!);
          expect(m, `TOC entry for ${title}`).not.toBeNull();
          const actual = texts.findIndex((t, i) => i >= 2 && t.includes(title)) + 1;
          expect(Number(m![1]), title).toBe(actual);
          const entry = outline.find((o) => o.title === title);
          expect(entry, `outline entry for ${title}`).toBeDefined();
          expect(entry!.page).toBe(actual);
        }
        for (const [i, text] of texts.entries()) {
          expect(text).toBe(text.normalize("NFC"));
          if (i > 0) expect(text).toContain(`Trang ${i + 1}/${pages}`);
        }
        expect(texts[0]).not.toMatch(/Trang \d+\/\d+/);
      });

      it("is linked from its page and the archive with its size", () => {
        const size = `(PDF, ${Math.round(statSync(pdf()).size / 1024)} KB)`;
        for (const page of ["ban-tin/index.html", `ban-tin/${issue.id}/index.html`]) {
          const text = readFileSync(path.join(siteDir(), page), "utf8");
          expect(text, page).toContain(`${issue.id}.pdf"`);
          expect(text, page).toContain(size);
        }
      });

      it("has a print page that is noindex, outside the search index and the sitemap", () => {
        const print = readFileSync(path.join(siteDir(), "ban-tin", issue.id, "in", "index.html"), "utf8");
        expect(print).toContain('<meta name="robots" content="noindex, nofollow">');
        expect(print).not.toContain("data-pagefind-body");
        expect(readFileSync(path.join(siteDir(), "sitemap.xml"), "utf8")).not.toContain(`/ban-tin/${issue.id}/in/`);
      });
    });
  }

  it("leaves no temporary file next to the PDFs", () => {
    expect(existsSync(path.join(siteDir(), "ban-tin"))).toBe(true);
    expect(readdirSync(path.join(siteDir(), "ban-tin")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
