// The one list of dangerous characters: what can drive a terminal, hide or reorder text, or break an output format.
// Each group is the source text of a regular-expression character class (for `characterClass`), so every user
// (the validator's messages, the terminal's `plainText`, the outputs' `withoutUnsafeCharacters`) picks the groups
// it needs from this one list and none writes its own. test/util/characters.test.ts lists the code points.

/** C0 controls but tab, line feed and carriage return; DEL; the C1 controls. */
export const CONTROLS = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F";

/** Line feed: ordinary text, but it breaks a one-line message. */
export const LINE_FEED = "\\u000A";

/** Carriage return: ends a CRLF line; anywhere else it moves a terminal's cursor back over the line. */
export const CARRIAGE_RETURN = "\\u000D";

/** The Unicode line and paragraph separators (U+2028, U+2029). */
export const SEPARATORS = "\\u2028\\u2029";

/** Bidirectional formatting controls: they can make text show other than it reads ("Trojan Source"). */
export const BIDI_CONTROLS = "\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069";

/**
 * Invisible format characters: soft hyphen, Mongolian vowel separator, zero-width space and joiners, word joiner
 * and invisible operators, a BOM inside text, interlinear annotation marks, the tag characters (hidden text).
 */
export const INVISIBLES = "\\u00AD\\u180E\\u200B-\\u200D\\u2060-\\u2064\\uFEFF\\uFFF9-\\uFFFB\\u{E0000}-\\u{E007F}";

/** Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF … U+10FFFF). */
export const NONCHARACTERS = `\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${Array.from({ length: 16 }, (_, i) => {
  const plane = (i + 1).toString(16).toUpperCase();
  return `\\u{${plane}FFFE}\\u{${plane}FFFF}`;
}).join("")}`;

/** A surrogate without its pair: not a character at all, and no UTF-8 output can carry it. */
export const LONE_SURROGATES = "\\p{Cs}";

/** One expression matching any character of the given groups; `flags` adds to `u` (`g` for `replace`/`matchAll`). */
export function characterClass(groups: readonly string[], flags = ""): RegExp {
  return new RegExp(`[${groups.join("")}]`, `u${flags}`);
}

const SURROGATES = "\\uD800-\\uDFFF";
const hex4 = (cp: number): string => `\\u${cp.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * A quick first test over UTF-16 code units that matches wherever `characterClass(groups)` could: the same characters
 * of the Basic Multilingual Plane, and any surrogate for the astral ones (tag characters, plane-end noncharacters)
 * and for lone surrogates. Without the `u` flag it runs several times faster over Vietnamese text, which almost never
 * holds any of them; a match only means "look closer with the exact class".
 */
export function codeUnitPrefilter(groups: readonly string[]): RegExp {
  const source = groups
    .join("")
    .replace(/\\u\{([0-9A-Fa-f]+)\}-\\u\{([0-9A-Fa-f]+)\}|\\u\{([0-9A-Fa-f]+)\}|\\p\{Cs\}/g, (_, from?: string, to?: string, one?: string) => {
      if (one !== undefined) {
        const cp = parseInt(one, 16);
        return cp > 0xffff ? SURROGATES : hex4(cp);
      }
      if (from === undefined || to === undefined) return SURROGATES; // \p{Cs}
      const [a, b] = [parseInt(from, 16), parseInt(to, 16)];
      if (b <= 0xffff) return `${hex4(a)}-${hex4(b)}`;
      return a > 0xffff ? SURROGATES : `${hex4(a)}-\\uFFFF${SURROGATES}`;
    });
  if (/\\p\{/.test(source)) throw new Error(`codeUnitPrefilter: a property class it cannot widen: ${source}`);
  return new RegExp(`[${source}]`);
}

/**
 * What `classify` says of each BMP code unit (a number from 1 to 255), asked once per code unit and remembered: for
 * loops over every character of long texts, where a regular expression per character would be the cost.
 */
export function codeUnitTable(classify: (ch: string) => number): (unit: number) => number {
  const known = new Uint8Array(0x10000);
  return (unit) => {
    let k = known[unit] as number;
    if (k === 0) known[unit] = k = classify(String.fromCharCode(unit));
    return k;
  };
}

/** What no output format may carry (HTML, XML 1.0, iCalendar, CSV): controls, noncharacters, lone surrogates. */
export const UNREPRESENTABLE = [CONTROLS, NONCHARACTERS, LONE_SURROGATES] as const;

/** What a content file may not hold: the unrepresentable, and what hides or reorders text or breaks a line. */
export const FORBIDDEN_IN_CONTENT = [...UNREPRESENTABLE, CARRIAGE_RETURN, SEPARATORS, BIDI_CONTROLS, INVISIBLES] as const;

/** What a line printed for a person may not carry as it is: every group, line feed included. */
export const UNSAFE_IN_A_LINE = [...FORBIDDEN_IN_CONTENT, LINE_FEED] as const;
