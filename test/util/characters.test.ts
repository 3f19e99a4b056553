// The one list of dangerous characters (src/util/characters.ts) and its three users: the validator, the terminal
// and every output. The code points are written out here, not taken from the code under test.
import { describe, expect, it } from "vitest";
import { checkSpecialCharacters, specialCharacter } from "../../src/content/text.ts";
import { characterClass, codeUnitPrefilter, FORBIDDEN_IN_CONTENT, UNREPRESENTABLE } from "../../src/util/characters.ts";
import { withoutUnsafeCharacters } from "../../src/render/escape.ts";
import { plainText } from "../../src/util/terminal.ts";

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const hex = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, "0");

const CONTROLS = [...range(0x00, 0x08), 0x0b, 0x0c, ...range(0x0e, 0x1f), ...range(0x7f, 0x9f)];
const BIDI = [0x061c, 0x200e, 0x200f, ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)];
const INVISIBLE = [0x00ad, 0x180e, ...range(0x200b, 0x200d), ...range(0x2060, 0x2064), 0xfeff, ...range(0xfff9, 0xfffb), ...range(0xe0000, 0xe007f)];
const SEPARATORS = [0x2028, 0x2029];
const NONCHARACTERS = [...range(0xfdd0, 0xfdef), ...range(0, 16).flatMap((plane) => [plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff])];
/** Lone surrogates, as strings (String.fromCodePoint would pair nothing either). */
const SURROGATES = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "a\uD83D", "\uDE00a"];
/** Characters every user lets through as they are. */
const SAFE = ["a", "ệ", "Đ", "\u00A0", "\u200A", "\u2027", "\uFFFD", "😀", "\u{10FFFD}", "\u0009"];

const chars = (cps: number[]): string[] => cps.map((cp) => String.fromCodePoint(cp));

describe("the validator (content may hold none of them)", () => {
  it.each([
    ["unicode-control", [...chars([...CONTROLS, 0x0d, ...SEPARATORS, ...NONCHARACTERS]), ...SURROGATES.filter((s) => s.length === 1)]],
    ["unicode-bidi", chars(BIDI)],
    ["unicode-invisible", chars(INVISIBLE)],
  ] as const)("reports %s for each", (rule, list) => {
    for (const ch of list) expect(specialCharacter(ch)?.rule, `U+${hex(ch.codePointAt(0) as number)}`).toBe(rule);
  });

  it("lets ordinary text, tab and line feed through", () => {
    for (const ch of [...SAFE, "\n"]) expect(specialCharacter(ch), JSON.stringify(ch)).toBeUndefined();
  });

  it("finds each of them inside a long Vietnamese text, behind the quick first test", () => {
    const prose = "Cô giáo Nguyễn Thị Ánh đã dạy học ba mươi năm ở phường Dịch Vọng Hậu. 😀\n".repeat(50);
    expect(checkSpecialCharacters(prose)).toEqual([]);
    for (const ch of [...chars([...CONTROLS, ...BIDI, ...INVISIBLE, ...SEPARATORS, ...NONCHARACTERS]), ...SURROGATES.filter((s) => s.length === 1)]) {
      expect(checkSpecialCharacters(`${prose}x${ch}y`).length, `U+${hex(ch.codePointAt(0) as number)}`).toBeGreaterThan(0);
    }
  });

  it.each([
    ["content", FORBIDDEN_IN_CONTENT],
    ["outputs", UNREPRESENTABLE],
  ] as const)("has a quick first test (%s) that misses no code point the exact class matches", (_name, groups) => {
    const exact = characterClass(groups);
    const quick = codeUnitPrefilter(groups);
    expect(quick.flags).toBe(""); // code units, not code points: that is what makes it quick
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (exact.test(ch) && !quick.test(ch)) expect.fail(`U+${hex(cp)} is missed by the quick test`);
    }
    for (const s of SURROGATES) expect(quick.test(s), JSON.stringify(s)).toBe(true);
    for (const ch of ["a", "ệ", "Đ", "\u00A0", "\u2027", "\uFFFD", "\t", "\n"]) expect(quick.test(ch), JSON.stringify(ch)).toBe(false);
  });
});

describe("the terminal (a printed line shows each as <U+XXXX>)", () => {
  it("makes every one visible, line feed and carriage return included", () => {
    for (const cp of [...CONTROLS, 0x0a, 0x0d, ...BIDI, ...INVISIBLE, ...SEPARATORS, ...NONCHARACTERS]) {
      expect(plainText(`x${String.fromCodePoint(cp)}y`)).toBe(`x<U+${hex(cp)}>y`);
    }
    expect(plainText("\uD800")).toBe("<U+D800>");
    for (const ch of SAFE) expect(plainText(ch)).toBe(ch);
  });
});

describe("the outputs (HTML, XML, iCalendar, CSV, Word: what none can carry becomes U+FFFD)", () => {
  it("replaces controls, noncharacters and lone surrogates, and nothing else", () => {
    for (const cp of [...CONTROLS, ...NONCHARACTERS]) expect(withoutUnsafeCharacters(`x${String.fromCodePoint(cp)}y`), `U+${hex(cp)}`).toBe("x\uFFFDy");
    for (const s of SURROGATES) expect(withoutUnsafeCharacters(s)).toBe(s.replace(/[\uD800-\uDFFF]/, "\uFFFD"));
    // Line breaks and what the validator alone refuses (bidi, invisible) are text an output can carry.
    for (const ch of [...SAFE, "\n", "\r", ...chars([...BIDI, ...INVISIBLE, ...SEPARATORS])]) expect(withoutUnsafeCharacters(ch)).toBe(ch);
  });
});
