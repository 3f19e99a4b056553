// src/word on its own: site.yaml's Word settings and their limits, Markdown as Word blocks, and a
// Party document read back from its own XML (test/word/docx-reader.ts).
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { markdownTokens } from "../../src/render/markdown.ts";
import { markdownBlocks } from "../../src/word/blocks.ts";
import { partyDocument } from "../../src/word/party.ts";
import { wordSettings } from "../../src/word/settings.ts";
import { check, MINIMAL_SITE } from "../content/helpers.ts";
import { all, first, kids, readDocx, textOf } from "./docx-reader.ts";

describe("Word settings", () => {
  it("default to Times New Roman 14 pt and margins of 20, 15, 20 and 30 mm when site.yaml gives none", async () => {
    const { model } = await loadContent(path.dirname(MINIMAL_SITE), {});
    expect(wordSettings(model.site)).toEqual({ font: "Times New Roman", size: 14, margins: { top: 20, right: 15, bottom: 20, left: 30 } });
  });

  it("refuse margins and sizes outside the Party format, with the field's Vietnamese name and line", async () => {
    const site = (await readFile(MINIMAL_SITE, "utf8")).replace("  bulletinName: Bản tin Thử\n", "  bulletinName: Bản tin Thử\n  word:\n    size: 12\n    margins:\n      left: 40\n");
    const line = site.split("\n").findIndex((l) => l.includes("size: 12")) + 1;
    expect(await check({ "site.yaml": site })).toEqual([
      `site.yaml:${line}:11: error: Trường "Cỡ chữ nội dung (pt)" (document.word.size) phải không nhỏ hơn 13; đang ghi 12. (schema-range)`,
      `site.yaml:${line + 2}:13: error: Trường "Lề trái (Word)" (document.word.margins.left) phải không lớn hơn 35; đang ghi 40. (schema-range)`,
    ]);
  });
});

describe("Markdown as Word blocks", () => {
  it("keeps headings relative to the text's first level, list items in reading order around a nested list, and images as their description", () => {
    const blocks = markdownBlocks(markdownTokens("## I. Một\n\n### 1. Hai\n\n- a\n  - a1\n- b\n\n**Đậm** và *nghiêng* ![ảnh cờ](x.png)\n\n<b>thô</b>"));
    expect(blocks).toEqual([
      { type: "heading", level: 1, text: [{ text: "I. Một" }] },
      { type: "heading", level: 2, text: [{ text: "1. Hai" }] },
      { type: "list", ordered: false, items: [[{ text: "a" }]], level: 0 },
      { type: "list", ordered: false, items: [[{ text: "a1" }]], level: 1 },
      { type: "list", ordered: false, items: [[{ text: "b" }]], level: 0 },
      { type: "paragraph", text: [{ text: "Đậm", bold: true }, { text: " và " }, { text: "nghiêng", italic: true }, { text: " " }, { text: "[Ảnh: ảnh cờ]", italic: true }] },
      { type: "paragraph", text: [{ text: "<b>thô</b>" }] },
    ]);
  });
});

describe("Party document", () => {
  it("writes the same bytes twice, and text no XML may carry as U+FFFD", async () => {
    const { model } = await loadContent(path.dirname(MINIMAL_SITE), {});
    const spec = {
      settings: wordSettings(model.site),
      properties: { title: "Thử", subject: "Thử", creator: "Ban Thử", date: "2019-03-31" },
      header: { parent: "Đảng bộ Thử", issuer: "BAN THỬ", number: "-BC/T", blank: true, partyHeader: "ĐẢNG CỘNG SẢN VIỆT NAM", placeDate: "Thử, ngày 1 tháng 1 năm 2019" },
      kind: "BÁO CÁO",
      title: "Tiêu đề",
      body: [{ type: "paragraph" as const, text: [{ text: "a\u0001b\u000bc" }] }],
      recipients: [{ lines: ["Lưu."] }],
      signer: { title: "Trưởng ban", name: "Người Ký" },
    };
    const a = await partyDocument(spec);
    const b = await partyDocument(spec);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const file = path.join(tmpdir(), `gs-word-${process.pid}.docx`);
    await writeFile(file, a);
    const d = readDocx(file);
    const paragraphs = all(d.xml("word/document.xml"), "w:p").map(textOf);
    expect(paragraphs).toContain("a\ufffdb\ufffdc");
    expect(first(d.xml("docProps/core.xml"), "dcterms:created")?.children[0]?.text).toBe("2019-03-31T05:00:00Z");
    expect(kids(first(d.xml("word/document.xml"), "w:sectPr")!, "w:titlePg")).toHaveLength(1);
    // The signer's title is printed in capitals, as the Party format asks.
    expect(paragraphs).toContain("TRƯỞNG BAN");
  });
});

describe("Word files kept in the build cache", () => {
  it("gives back the very bytes made for an equal document, makes a changed one afresh, and prunes what a build did not use", async () => {
    const { mkdtemp, readdir, rm } = await import("node:fs/promises");
    const { openWordStore } = await import("../../src/build/word-cache.ts");
    const { useWordStore } = await import("../../src/word/cache.ts");
    const { model } = await loadContent(path.dirname(MINIMAL_SITE), {});
    const spec = (title: string) => ({
      settings: wordSettings(model.site),
      properties: { title, subject: title, creator: "Ban Thử", date: "2019-03-31" },
      header: { parent: "Đảng bộ Thử", issuer: "BAN THỬ", number: "-BC/T", blank: true, partyHeader: "ĐẢNG CỘNG SẢN VIỆT NAM", placeDate: "Thử, ngày 1 tháng 1 năm 2019" },
      kind: "BÁO CÁO",
      title,
      body: [{ type: "paragraph" as const, text: [{ text: "Nội dung." }] }],
      recipients: [{ lines: ["Lưu."] }],
    });
    const fresh = await partyDocument(spec("Một"));
    const dir = await mkdtemp(path.join(tmpdir(), "gs-word-cache-"));
    try {
      const first = await openWordStore(dir);
      useWordStore(first);
      const made = await partyDocument(spec("Một"));
      await partyDocument(spec("Hai"));
      const folder = (await readdir(path.join(dir, "word")))[0]!;
      expect(await readdir(path.join(dir, "word", folder))).toHaveLength(2);
      // A second build: "Một" comes from the file (same bytes as made without any cache), "Hai" is not used.
      const second = await openWordStore(dir);
      let reads = 0;
      let writes = 0;
      useWordStore({ get: async (k) => ((reads += 1), second.get(k)), set: (k, b) => ((writes += 1), second.set(k, b)) });
      const again = await partyDocument(spec("Một"));
      expect([reads, writes]).toEqual([1, 0]);
      expect(Buffer.from(again).equals(Buffer.from(fresh))).toBe(true);
      expect(Buffer.from(made).equals(Buffer.from(fresh))).toBe(true);
      await second.prune();
      expect(await readdir(path.join(dir, "word", folder))).toHaveLength(1);
    } finally {
      useWordStore(undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
