// splitFrontMatter's line scan against gray-matter, which it replaced: the same YAML, body and line for every input.
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/content/frontmatter.ts";
import { EXEMPLAR } from "./helpers.ts";

const NO_ENGINE = {
  parse: () => {
    throw new Error("no engine may run");
  },
};

/** What the previous implementation returned for a text that passed the delimiter checks: gray-matter's split. */
function grayMatterSplit(text: string): { yaml: string; body: string } {
  const engines = { yaml: { parse: (t: string) => ({ text: t }), stringify: NO_ENGINE.parse } };
  const options = { engines, language: "yaml", delimiters: "---", excerpt: false } as unknown as Parameters<typeof matter>[1];
  const parsed = matter(text, options) as unknown as { data: { text?: string }; content: string };
  return { yaml: (parsed.data.text ?? "\n").replace(/\r\n/g, "\n").replace(/\r$/, ""), body: parsed.content };
}

const SAME_AS_GRAY_MATTER = [
  EXEMPLAR,
  EXEMPLAR.replace(/\n/g, "\r\n"),
  "---\n---\n",
  "---\n---",
  "---\r\n---\r\nThân.",
  "---\n---\n\nThân bài sau một dòng trống.\n",
  "---\ntitle: a\n---",
  "---\ntitle: a\n---\r\nThân.",
  "---\n# chỉ chú thích\n  # thụt lề\n---\nThân.\n",
  "---\n#\n---\nThân.\n",
  "---\n\u00A0\n---\nThân.\n",
  "---\ntitle: a\n\n\n---\nThân.\n---\nvẫn là thân\n",
  "---\ntitle: '---'\nsummary: -- a\n---\n...\n---\n",
  "---\ntitle: a\r\nsummary: b\r\n---\n\r\nThân.",
  "---\ntitle: a\n---\n---\nThân.\n",
];

describe("splitFrontMatter", () => {
  it.each(SAME_AS_GRAY_MATTER.map((t) => [JSON.stringify(t).slice(0, 60), t]))("splits %s as gray-matter did", (_name, text) => {
    const split = splitFrontMatter(text);
    expect(split.problems).toEqual([]);
    expect({ yaml: split.yaml, body: split.body }).toEqual(grayMatterSplit(text));
  });

  it("counts the body's first line after the closing ---", () => {
    expect(splitFrontMatter(EXEMPLAR).bodyLine).toBe(18);
    expect(splitFrontMatter("---\r\ntitle: a\r\n---\r\nThân.").bodyLine).toBe(4);
    expect(splitFrontMatter("---\n---\n").bodyLine).toBe(3);
  });

  it("refuses the same delimiter lines as before, at the same place", () => {
    const rule = (text: string): string => splitFrontMatter(text).problems.map((p) => `${p.pos.line}:${p.pos.column} ${p.rule}`).join();
    expect(rule("---\ntitle: a\n----\nThân")).toBe("3:1 frontmatter-delimiter");
    expect(rule("---\ntitle: a\n--- \nThân")).toBe("3:1 frontmatter-delimiter");
    expect(rule("---\ntitle: a\n...\n---\n")).toBe("3:1 frontmatter-delimiter");
    expect(rule("---\ntitle: a\nThân")).toBe("1:1 frontmatter-unclosed");
    expect(rule("---")).toBe("1:1 frontmatter-unclosed");
    expect(rule("--- \ntitle: a\n---\n")).toBe("1:4 frontmatter-delimiter");
    expect(rule("---js\nmodule.exports = {}\n---\n")).toBe("1:4 frontmatter-language");
    expect(rule("title: a\n---\n")).toBe("1:1 frontmatter-missing");
    expect(rule("")).toBe("1:1 frontmatter-missing");
  });
});
