// The legacy-encoding warning names the right line. Checked against the rule as written in checkLegacyText's contract:
// when the text has any Latin-1 letter legacy encodings produce, the first line (in order) that has no Vietnamese-only
// letter and that `legacyEncoding` reads as TCVN3 or VNI gets the one warning.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkLegacyText, legacyEncoding } from "../../src/content/text.ts";

const LEGACY_ANY = /[¸µ¶·¹¨©ª«¬\u00AD®§¡¢£¤¥¦ÆÇËÎÏÖ×ØÜÞßñÑöäåæçëîïøùûÿ]/u;
const VIETNAMESE_ONLY = /[ăĂđĐơƠưƯ\u1EA0-\u1EF9]/u;

function byDefinition(text: string): { line: number; legacy: string } | undefined {
  if (!LEGACY_ANY.test(text)) return undefined;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (VIETNAMESE_ONLY.test(line)) continue;
    const legacy = legacyEncoding(line);
    if (legacy) return { line: i + 1, legacy };
  }
  return undefined;
}

// Vietnamese words, TCVN3 and VNI spellings, the VNI tone letters outside the quick test (õ ò Ù Û Õ Ò), line breaks.
const PIECES = ["Vi\u00d6t", "Vieät", "ngöôøi", "Ñaûng", "cùng", "mùa", "người", "Đảng", "aõ", "eò", "oÙ", "uÛ", "¸", "µ", "ñ", "ÿ", "ù", "a", " ", "\n", "\r\n", "\n\n"];

describe("encoding-legacy: the first legacy-looking line", () => {
  it("is the line the definition names, with the same encoding", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const expected = byDefinition(text);
        const found = checkLegacyText(text);
        expect(found.map((p) => [p.pos.line, p.message.includes(`cũ ${expected?.legacy},`)])).toEqual(expected ? [[expected.line, true]] : []);
      }),
      { numRuns: 4000 },
    );
  });

  it("reads a VNI line whose tone letters the quick test does not list, once another line has one it does", () => {
    // Line 1 holds ù (so the quick test passes) and Đ (so it is Vietnamese and skipped); line 3 has three VNI pairs
    // written with õ and ò alone.
    const text = "Đảng viên cùng mùa\nxin chào\naõ eõ oò\n";
    expect(checkLegacyText(text).map((p) => p.pos.line)).toEqual([3]);
  });
});
