// The personal-data rule's cheap test before rendering (`mayHoldNumber`): true exactly when the text holds nine or more
// characters of Unicode's number class (any script, BMP or astral) or ampersands. Checked against that definition, written
// with the regular expression engine's own \p{N}, over arbitrary Unicode text and over text built from the edge cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayHoldNumber } from "../../src/content/rules/personal-data.ts";

const byDefinition = (text: string): boolean => (text.match(/[\p{N}&]/gu) ?? []).length >= 9;

// Digits and number characters of several kinds, astral ones included, among Vietnamese letters and lone surrogates.
const PIECES = ["1", "9", "&", "&#49;", "１", "①", "²", "½", "٣", "Ⅻ", "𝟎", "𝟗", "\u{1D7CE}", "\uD835", "\uDFCE", "ả", "đ", "Ư", " ", "\n", "a"];

describe("personal-data: the test for nine number characters", () => {
  it("agrees with the definition on arbitrary Unicode text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => mayHoldNumber(text) === byDefinition(text)), { numRuns: 3000 });
  });

  it("agrees with the definition on text made of digits of every kind, entities and surrogates", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => mayHoldNumber(parts.join("")) === byDefinition(parts.join(""))), { numRuns: 3000 });
  });

  it("counts an astral digit once, not as two code units", () => {
    expect(mayHoldNumber("𝟎".repeat(8))).toBe(false);
    expect(mayHoldNumber("𝟎".repeat(9))).toBe(true);
    expect(mayHoldNumber("12345678")).toBe(false);
    expect(mayHoldNumber("Số 0912 345 678")).toBe(true);
  });
});
