// One escaping function per output context, each checked with a real parser of its format.
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { parseFragment } from "parse5";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { csvCell, escapeCssString, escapeHtml, escapeICalText, escapeXml, foldICalLine, jsonForHtml, withoutUnsafeCharacters, xmlName } from "../../src/render/escape.ts";
import { xml } from "../../src/render/html.ts";

/** Strings an attacker (or a careless paste) puts in a title, a name or a site setting. */
const HOSTILE = [
  `</style><script>alert(1)</script>`,
  `"'\\\n\r\u2028\u2029`,
  "<!--",
  "]]>",
  "&amp;&#0;&#x1;",
  "\u0000\u0001\u0007\u001b[31m\u007f\u0085\u009b",
  "\uFFFE\uFFFF\uFDD0\u{1FFFE}",
  "\uD800 lone \uDFFF",
  "\u202Eđảo chiều\u202C \u200B",
  "::error file=x::giả",
  "=HYPERLINK(\"http://x\")",
  "Nguyễn Văn Đức",
];

/** A well-formed XML document with the text in an element and an attribute, or the parser's error. */
function parseXml(doc: string): { texts: string[]; attrs: string[] } {
  const parser = new SaxesParser({ xmlns: false });
  const texts: string[] = [];
  const attrs: string[] = [];
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("text", (t) => texts.push(t));
  parser.on("opentag", (tag) => {
    for (const v of Object.values(tag.attributes)) attrs.push(String(v));
  });
  parser.write(doc).close();
  return { texts, attrs };
}

describe("withoutUnsafeCharacters", () => {
  it("replaces controls, lone surrogates and noncharacters by U+FFFD and keeps tab, line breaks and every real character", () => {
    expect(withoutUnsafeCharacters("a\u0000b\u0001c\u007fd\u0085e\uFFFEf\u{10FFFF}g\uD800h")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh");
    expect(withoutUnsafeCharacters("\t\r\nNguyễn 😀 \u202E")).toBe("\t\r\nNguyễn 😀 \u202E");
  });
});

describe("escapeHtml", () => {
  it("gives back the same text through an HTML parser, as text and as an attribute, with no element made", () => {
    for (const text of HOSTILE) {
      const fragment = parseFragment(`<p title="${escapeHtml(text)}">${escapeHtml(text)}</p>`);
      expect(fragment.childNodes).toHaveLength(1);
      const p = fragment.childNodes[0] as unknown as { tagName: string; attrs: { value: string }[]; childNodes: { nodeName: string; value?: string }[] };
      expect(p.tagName).toBe("p");
      const expected = withoutUnsafeCharacters(text).replace(/\r\n?/g, "\n");
      expect(p.attrs[0]!.value.replace(/\r\n?/g, "\n")).toBe(expected);
      expect(p.childNodes.every((n) => n.nodeName === "#text")).toBe(true);
      expect(p.childNodes.map((n) => n.value).join("")).toBe(expected);
    }
  });
});

describe("escapeXml and the xml template", () => {
  it("keep every document well-formed XML 1.0 and give the text back", () => {
    for (const text of HOSTILE) {
      const doc = xml`<?xml version="1.0" encoding="utf-8"?>\n<feed a="${text}"><title>${text}</title></feed>`.value;
      const { texts, attrs } = parseXml(doc);
      const expected = withoutUnsafeCharacters(text);
      // XML normalises line breaks to LF in text, and to spaces in attribute values unless written as references.
      expect(texts.join("").replace(/^\n/, "")).toBe(expected.replace(/\r\n?/g, "\n"));
      expect(attrs[0]!).toBe(expected.replace(/\r\n|[\r\n\t]/g, " "));
      expect(escapeXml(text)).not.toMatch(/[<>"']/);
    }
  });
});

describe("xmlName", () => {
  it("makes ids that are XML names, leaving good ones alone", () => {
    expect(xmlName("2019-q1-loai-title")).toBe("id-2019-q1-loai-title");
    expect(xmlName("bieu-do_1.2")).toBe("bieu-do_1.2");
    expect(xmlName("-x")).toBe("id--x");
    expect(xmlName("a b\"<c>")).toBe("a-b-c-");
    for (const name of ["2019-q1", "-x", "a b", "ñ", ""]) expect(xmlName(name)).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
  });
});

describe("escapeCssString", () => {
  it("writes a CSS string that cannot leave the string, the rule or the <style> element", () => {
    for (const text of HOSTILE) {
      const literal = escapeCssString(text);
      expect(literal).toMatch(/^"[^"\\<>&\r\n\u2028\u2029]*(\\[0-9a-f]+ [^"\\<>&\r\n\u2028\u2029]*)*"$/);
      const html = `<style>a{content:${literal}}</style><p>x</p>`;
      const fragment = parseFragment(html);
      expect(fragment.childNodes.map((n) => n.nodeName)).toEqual(["style", "p"]);
    }
    expect(escapeCssString("Bản tin \"Gương sáng\"\n</style>")).toBe('"Bản tin \\22 Gương sáng\\22 \\a \\3c \\2f style\\3e "');
  });
  it("reads back as the same text by CSS's escape rule (a hexadecimal escape and one space after it are one character)", () => {
    const decode = (literal: string) => literal.slice(1, -1).replace(/\\([0-9a-f]{1,6}) ?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
    for (const text of HOSTILE) expect(decode(escapeCssString(text))).toBe(withoutUnsafeCharacters(text));
  });
});

describe("iCalendar text", () => {
  it("escapes backslash, semicolon, comma and every kind of line break", () => {
    expect(escapeICalText("a\\b;c,d\ne\rf\r\ng")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });
  it("folds at 75 octets, continuation lines starting with a space, never inside a UTF-8 character", () => {
    const line = "SUMMARY:" + "Giao lưu điển hình tiêu biểu chào mừng Ngày sinh Chủ tịch Hồ Chí Minh 😀".repeat(3);
    const parts = foldICalLine(line).split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, p] of parts.entries()) {
      expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
      expect(Buffer.from(p, "utf8").toString("utf8")).toBe(p);
      if (i > 0) expect(p.startsWith(" ")).toBe(true);
    }
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
  });
  it("gives a parser the same text back, in one property", () => {
    for (const text of HOSTILE) {
      const doc = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//VI", "BEGIN:VEVENT", "UID:a", "DTSTAMP:20190101T000000Z", `SUMMARY:${escapeICalText(text)}`, "END:VEVENT", "END:VCALENDAR"]
        .map(foldICalLine)
        .join("\r\n");
      const event = new ICAL.Component(ICAL.parse(doc)).getFirstSubcomponent("vevent")!;
      expect(event.getAllProperties().map((p) => p.name)).toEqual(["uid", "dtstamp", "summary"]);
      expect(event.getFirstPropertyValue("summary")).toBe(withoutUnsafeCharacters(text).replace(/\r\n|\r/g, "\n"));
    }
  });
});

describe("csvCell", () => {
  it("turns text that starts like a formula into text, also after spaces and in full-width forms", () => {
    expect(["=1+1", "+84 912", "-5", "@SUM(A1)", "\tx", "\rx", " =1", "＝1", "bình thường"].map(csvCell)).toEqual([
      "'=1+1",
      "'+84 912",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
      "' =1",
      "'＝1",
      "bình thường",
    ]);
    expect(csvCell(-5)).toBe("-5");
  });
  it("gives a CSV parser one cell per value, whatever the value holds", () => {
    const line = HOSTILE.map(csvCell).join(",") + "\r\n";
    const rows = parse(line, { bom: true, relax_quotes: false, relax_column_count: false }) as string[][];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(HOSTILE.length);
    rows[0]!.forEach((cell, i) => expect(cell.replace(/^'/, "")).toBe(withoutUnsafeCharacters(HOSTILE[i]!)));
  });
});

describe("jsonForHtml", () => {
  it("cannot close a <script> element and parses back to the same value", () => {
    const value = { a: HOSTILE, b: "</script><script>alert(1)</script>", c: "<!--<script>" };
    const json = jsonForHtml(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    const fragment = parseFragment(`<script type="application/json">${json}</script><p>x</p>`);
    expect(fragment.childNodes.map((n) => n.nodeName)).toEqual(["script", "p"]);
    expect(JSON.parse(json)).toEqual(value);
  });
});
