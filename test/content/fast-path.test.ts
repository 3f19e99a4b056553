// The fast path (yaml-fast.ts, lazy positions) against the positioned path: same data, same docs, same findings.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { prng } from "../../src/bench/corpus.ts";
import { loadContent } from "../../src/content/load.ts";
import { parseFile, positionsPending, type FileRef, type ParsedDoc } from "../../src/content/parse.ts";
import { parseYaml } from "../../src/content/yaml.ts";
import { parseYamlFast } from "../../src/content/yaml-fast.ts";
import { EXEMPLAR, line, withLine, writeTree } from "./helpers.ts";

const SHIPPED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content");
const REF: FileRef = { kind: "exemplar", type: "exemplar", slug: "a", file: "exemplars/2019/a.md", absPath: "/nowhere/a.md" };

/** Every field of a ParsedDoc, with the positions map read (which computes it on the fast path). */
function snapshot(doc: ParsedDoc): Record<string, unknown> {
  return { ...doc, positions: [...doc.positions] };
}

function bothWays(text: string, ref: FileRef = REF): { fast: ParsedDoc; slow: ParsedDoc } {
  const bytes = new TextEncoder().encode(text);
  return { fast: parseFile(ref, bytes), slow: parseFile(ref, bytes, false) };
}

/** The exemplar fixture with its front matter lines from `from` replaced by `lines`. */
function exemplarWith(from: string, lines: string): string {
  return withLine(EXEMPLAR, from, lines);
}

/** Front matter the fast reader must accept, each with the data both readers must give. */
const ACCEPTED: [string, string, unknown][] = [
  ["plain Vietnamese text", "title: Cô giáo gương mẫu", { title: "Cô giáo gương mẫu" }],
  ["trailing spaces dropped", "title: Cô giáo   ", { title: "Cô giáo" }],
  ["an integer where the schema wants one", "subject:\n  birthYear: 1975", { subject: { birthYear: 1975 } }],
  ["05 kept as written where text is wanted", "title: 05", { title: "05" }],
  ["2019 kept as written where text is wanted", "title: 2019", { title: "2019" }],
  ["1.10 kept as written where text is wanted", "title: 1.10", { title: "1.10" }],
  ["true kept as written where text is wanted", "title: true", { title: "true" }],
  ["0x1F kept where text is wanted", "title: 0x1F", { title: "0x1F" }],
  [".inf kept where text is wanted", "title: .inf", { title: ".inf" }],
  ["null stays null even where text is wanted", "title: null", { title: null }],
  ["~ is null", "title: ~", { title: null }],
  ["empty value is null", "title:", { title: null }],
  ["booleans where the schema wants one", "consent: True\ndraft: FALSE", { consent: true, draft: false }],
  ["yes/no are text in YAML 1.2", "summary: yes", { summary: "yes" }],
  ["a date stays text", "date: 2019-03-15", { date: "2019-03-15" }],
  ["a date-time stays text", "date: 2019-03-15T08:00:00+07:00", { date: "2019-03-15T08:00:00+07:00" }],
  ["& * ! inside a plain scalar are text", "title: Học & làm * 3 lần! C#", { title: "Học & làm * 3 lần! C#" }],
  ["a colon without a space is text", "title: 10:30 tại https://x.vn/a", { title: "10:30 tại https://x.vn/a" }],
  ["double quotes", 'title: "Cô giáo: \'Mai\' # 1"', { title: "Cô giáo: 'Mai' # 1" }],
  ["double quotes keep inner spaces", 'title: "  05  "  ', { title: "  05  " }],
  ["single quotes with ''", "title: 'Nhà ''Mai'' : # x'", { title: "Nhà 'Mai' : # x" }],
  ["flow list of plain and quoted items", "tags: [a b, \"05\", 'c', 2019]", { tags: ["a b", "05", "c", "2019"] }],
  ["empty flow list and map", "tags: []\nimage: {}", { tags: [], image: {} }],
  ["block list, indented", "achievements:\n  - Một\n  - \"Hai\"", { achievements: ["Một", "Hai"] }],
  ["block list at the key's indentation", "achievements:\n- Một\n- 05\ntitle: x", { achievements: ["Một", "05"], title: "x" }],
  ["list of mappings", "units:\n  - id: a\n    name: A\n  -   id: b\n      name: B", { units: [{ id: "a", name: "A" }, { id: "b", name: "B" }] }],
  ["comments and blank lines", "# đầu\ntitle: a\n\n  # thụt lề\nsummary: b", { title: "a", summary: "b" }],
  ["nested mapping", "image:\n  src: a.jpg\n  alt: Ảnh cô giáo", { image: { src: "a.jpg", alt: "Ảnh cô giáo" } }],
  ["keys with digits, - and _", "a1-b_c: x\nZ:  y", { "a1-b_c": "x", Z: "y" }],
];

/** Front matter the fast reader must leave to the positioned path. */
const REJECTED: [string, string][] = [
  ["an anchor and an alias", "title: &t Mai\nsummary: *t"],
  ["a tag", "title: !!str 05"],
  ["a local tag", "title: !x a"],
  ["a block scalar", "summary: |\n  Một\n  Hai"],
  ["a folded scalar", "summary: >-\n  Một"],
  ["a multi-line plain scalar", "summary: Một\n  hai"],
  ["a multi-line quoted scalar", 'summary: "Một\n  hai"'],
  ["an escape in double quotes", 'title: "a\\u0301"'],
  ["a duplicate key", "title: a\ntitle: b"],
  ["a merge key", "<<: {title: a}"],
  ["a flow mapping", "image: {src: a.jpg}"],
  ["a comment after a value", "title: a # b"],
  ["a colon and space inside a plain scalar", "title: Cô giáo: Mai"],
  ["a tab", "title:\ta"],
  ["a number the schema does not want as text, not canonical", "subject:\n  birthYear: 01975"],
  ["a float where text is not wanted", "participants: 1.5"],
  ["a key that YAML reads as a boolean", "True: a"],
  ["a quoted key", '"title": a'],
  ["a complex key", "? title\n: a"],
  ["a nested sequence", "tags:\n  - - a"],
  ["odd indentation", "subject:\n  name: a\n   role: b"],
  ["a directive", "%YAML 1.2\ntitle: a"],
  ["a flow item with a colon", "tags: [a: b]"],
  ["a trailing comma", "tags: [a, b,]"],
  ["a root indented", "  title: a"],
  ["a sequence at the root", "- a"],
  ["a key starting with a digit", "1a: x"],
  ["a space before the colon", "title : a"],
  ["no space after the colon", "title:a"],
  ["a non-ASCII key", "tiêu-đề: a"],
];

describe("parseYamlFast", () => {
  it.each(ACCEPTED)("accepts %s, with the positioned reader's data", (_name, yaml, expected) => {
    const text = `\n${yaml}\n`;
    const slow = parseYaml(text, "exemplar");
    expect(slow.problems).toEqual([]);
    const fast = parseYamlFast(text, "exemplar");
    expect(fast).toEqual(expected);
    expect(slow.data).toEqual(expected);
  });

  it.each(REJECTED)("leaves %s to the positioned reader", (_name, yaml) => {
    expect(parseYamlFast(`\n${yaml}\n`, "exemplar")).toBeUndefined();
  });
});

describe("parseFile: fast and positioned paths", () => {
  it("gives the same doc for the fixture, and takes the fast path for it", () => {
    const { fast, slow } = bothWays(EXEMPLAR);
    expect(positionsPending(fast)).toBe(true);
    expect(positionsPending(slow)).toBe(false);
    expect(snapshot(fast)).toEqual(snapshot(slow));
    expect(positionsPending(fast)).toBe(false); // read once, kept
    expect(fast.positions.get("/unit")).toEqual({ value: { line: 8, column: 7 }, key: { line: 8, column: 1 } });
  });

  it.each([...ACCEPTED.map(([n, y]) => [n, y] as [string, string]), ...REJECTED])("gives the same doc with %s", (_name, yaml) => {
    // In place of the title line, so both valid and invalid variants are compared, findings and all.
    const { fast, slow } = bothWays(exemplarWith("title: Cô giáo gương mẫu\n", `${yaml}\n`));
    expect(snapshot(fast)).toEqual(snapshot(slow));
  });

  it("takes the positioned path whenever a file has a finding, so messages keep line and column", () => {
    const { fast, slow } = bothWays(withLine(EXEMPLAR, "kind: individual", "kind: person"));
    expect(positionsPending(fast)).toBe(false);
    expect(fast.problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(["3:7 schema-enum"]);
    expect(snapshot(fast)).toEqual(snapshot(slow));
    const date = bothWays(withLine(EXEMPLAR, "date: 2019-03-15", "date: 2019-02-30"));
    expect(date.fast.problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(["11:7 date-invalid"]);
    expect(snapshot(date.fast)).toEqual(snapshot(date.slow));
  });

  it("gives the same doc for CRLF, a BOM, text problems and site.yaml", () => {
    const variants = [
      EXEMPLAR.replace(/\n/g, "\r\n"),
      `\uFEFF${EXEMPLAR}`,
      withLine(EXEMPLAR, "Bài viết", "Ba\u0300i viết"),
      withLine(EXEMPLAR, "title: Cô giáo", "title: Cô\u200B giáo"),
      "---\n---\nThân bài.\n",
      "---\n# chỉ có chú thích\n---\nThân bài.\n",
    ];
    for (const text of variants) {
      const { fast, slow } = bothWays(text);
      expect(snapshot(fast)).toEqual(snapshot(slow));
    }
    const site: FileRef = { kind: "site", slug: "site", file: "site.yaml", absPath: "/nowhere/site.yaml" };
    const siteText = "title: Gương sáng\nunits:\n  - id: a\n    name: A\n";
    const { fast, slow } = bothWays(siteText, site);
    expect(snapshot(fast)).toEqual(snapshot(slow));
  });

  it("agrees with the positioned path on 3,000 seeded mutations of a valid exemplar", () => {
    const random = prng(20261126);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const tokens = [
      "05", "2019", "1.10", "-1", "+1", ".5", "1e3", "0o17", "0x1F", ".inf", ".NaN", "true", "True", "TRUE", "false", "null", "Null", "~", "yes", "no",
      "a: b", "a #b", "a#b", "&x a", "*x", "!x a", "!!str a", "'a''b'", "'a", '"a"', '"a\\"b"', '"a', "[a, b]", "[a, 05]", "[]", "{}", "{a: 1}", "- a", "-a",
      "|", ">", "a\n  b", "a\n- b", "Đơn vị", "https://x.vn", "10:30", "a:", ":a", "?a", "%a", "@a", "`a", ",a", "a ", " a", "\ta", "a\u00A0", "",
    ];
    const lines = EXEMPLAR.split("\n");
    const valueLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^( *)(- |[A-Za-z]+: )/.test(l));
    let fastCount = 0;
    let readCount = 0;
    for (let n = 0; n < 3000; n++) {
      const copy = [...lines];
      for (let k = 0, edits = 1 + Math.floor(random() * 3); k < edits; k++) {
        const [l, i] = pick(valueLines);
        const m = /^( *(?:- |[A-Za-z]+: ))/.exec(l) as RegExpExecArray;
        copy[i] = `${m[1]}${random() < 0.7 ? pick(tokens) : `${pick(tokens)} ${pick(tokens)}`}`;
      }
      const text = copy.join("\n");
      // The readers themselves: whatever the fast one accepts, the positioned one reads the same, without a problem.
      const yaml = text.slice(3, text.indexOf("\n---\n"));
      const data = parseYamlFast(yaml, "exemplar");
      if (data !== undefined) {
        readCount++;
        const positioned = parseYaml(yaml, "exemplar");
        expect(positioned.problems, text).toEqual([]);
        expect(data, text).toEqual(positioned.data);
      }
      // The whole file: data, body, problems with their lines, positions.
      const { fast, slow } = bothWays(text);
      if (positionsPending(fast)) fastCount++;
      expect(snapshot(fast), text).toEqual(snapshot(slow));
    }
    // Both paths were exercised (most mutations break the schema, which sends a file down the positioned path).
    expect(readCount).toBeGreaterThan(500);
    expect(readCount).toBeLessThan(2900);
    expect(fastCount).toBeGreaterThan(100);
  });
});

describe("loadContent: fast and positioned paths", () => {
  const slowParse = (ref: FileRef, bytes: Uint8Array): ParsedDoc => parseFile(ref, bytes, false);

  it("gives the same model and findings for the shipped content", async () => {
    const fast = await loadContent(SHIPPED, { cwd: SHIPPED });
    const slow = await loadContent(SHIPPED, { cwd: SHIPPED, parse: slowParse });
    expect(fast.findings).toEqual(slow.findings);
    expect(fast.model).toEqual(slow.model);
  });

  it("places cross-file findings in fast-path files at the same line and column", async () => {
    const tree = {
      "exemplars/2019/a.md": withLine(EXEMPLAR, "unit: don-vi-mot", "unit: don-vi-mott"),
      "exemplars/2019/b.md": withLine(EXEMPLAR, "channels: [portal, bulletin]", "channels:\n  - portal\n  - radio"),
      "exemplars/2018/c.md": EXEMPLAR,
      "activities/2019/d.md": `---
title: Tọa đàm
type: hoi-thao
date: 2019-05-19T08:00:00+07:00
unit: don-vi-mot
channel: portal
exemplars: [a, khong-co]
---
`,
    };
    const dir = await writeTree(tree);
    const fast = (await loadContent(dir, { cwd: dir })).findings.map(line);
    const slow = (await loadContent(dir, { cwd: dir, parse: slowParse })).findings.map(line);
    expect(fast).toEqual(slow);
    const placed = fast.map((f) => f.replace(/: (error|warning): .*\((.+)\)$/, " $2"));
    expect(placed).toEqual(
      expect.arrayContaining(["exemplars/2019/a.md:8:7 unit-unknown", "exemplars/2019/b.md:17:5 channel-unknown", "exemplars/2018/c.md:11:7 year-mismatch"]),
    );
  });
});
