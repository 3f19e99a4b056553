// Checks on the raw text of a file: UTF-8 only, legacy Vietnamese encodings, NFC, invisible and bidirectional characters.
import type { Pos } from "./yaml.ts";
import { BIDI_CONTROLS, CARRIAGE_RETURN, CONTROLS, characterClass, codeUnitPrefilter, FORBIDDEN_IN_CONTENT, INVISIBLES, LONE_SURROGATES, NONCHARACTERS, SEPARATORS } from "../util/characters.ts";

export interface TextProblem {
  pos: Pos;
  rule: string;
  severity: "error" | "warning";
  message: string;
}

export interface DecodedText {
  /** The text without a leading BOM; undefined when the bytes are not UTF-8. */
  text?: string;
  hasBom: boolean;
  problems: TextProblem[];
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, offset: number): Pos {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Valid UTF-8 sequences as UTF-8, every other byte as Latin-1: how a legacy-encoded line reads. */
function mixedDecode(bytes: Uint8Array): string {
  let out = "";
  let rest = bytes;
  for (;;) {
    const bad = firstInvalidUtf8(rest);
    if (bad < 0) return out + decoder.decode(rest);
    out += decoder.decode(rest.subarray(0, bad)) + String.fromCharCode(rest[bad] as number);
    rest = rest.subarray(bad + 1);
  }
}

/** Decodes strictly; invalid bytes become one error naming the line (with a hint when they look like TCVN3 or VNI). */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: decoder.decode(body), hasBom, problems: [] };
  } catch {
    const offset = firstInvalidUtf8(body);
    const pos = lineOfByte(body, Math.max(0, offset));
    const legacy = legacyEncoding(mixedDecode(body));
    const hint = legacy
      ? ` Có vẻ tệp được gõ bằng bảng mã cũ ${legacy}; hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, đích Unicode) rồi lưu lại với mã UTF-8.`
      : " Hãy mở tệp bằng trình soạn thảo và lưu lại với mã UTF-8.";
    return {
      hasBom,
      problems: [{ pos, rule: "encoding-invalid", severity: "error", message: `Tệp không phải UTF-8: dòng ${pos.line} có byte không hợp lệ.${hint}` }],
    };
  }
}

// Characters Vietnamese text in Unicode has and legacy text read as Latin-1/Windows-1252 does not.
const VIETNAMESE_ONLY = /[ăĂđĐơƠưƯ\u1EA0-\u1EF9]/u;
// TCVN3 (ABC) maps Vietnamese letters to Latin-1 symbols no Vietnamese text uses: ¸ µ ¶ · ¹ for the
// tones on a, ¨ © ª « ¬ soft-hyphen ® § for ă â ê ô ơ ư đ Đ, Ö for ệ ("ViÖt")…
const TCVN3_SPECIFIC = /[¸µ¶·¹¨©ª«¬\u00AD®§¡¢£¤¥¦ÆÇËÎÏÖ×ØÜÞß]/gu;
// VNI writes the tone as a second Latin-1 letter after the vowel: "Vieät", "ngöôøi", "Ñaûng".
const VNI_PAIRS = /[aeiouyAEIOUYâêôÂÊÔöÖ][øùûõïäåæçëîòØÙÛÕÏÄÅÆÇËÎÒ]/gu;
// Latin-1 letters both legacy encodings produce and Vietnamese never uses.
const LEGACY_SHARED = /[ñÑöäåæçëîïøùûÿ]/gu;

const LEGACY_ANY = /[¸µ¶·¹¨©ª«¬\u00AD®§¡¢£¤¥¦ÆÇËÎÏÖ×ØÜÞßñÑöäåæçëîïøùûÿ]/u;

function count(re: RegExp, text: string): number {
  return (text.match(re) ?? []).length;
}

/** "TCVN3", "VNI" or undefined: a heuristic over characteristic character sequences. */
export function legacyEncoding(text: string): "TCVN3" | "VNI" | undefined {
  const tcvn = count(TCVN3_SPECIFIC, text);
  const vni = count(VNI_PAIRS, text);
  if (tcvn + vni + count(LEGACY_SHARED, text) < 3) return undefined;
  return vni > tcvn ? "VNI" : "TCVN3";
}

/** Warns (once per file, at the first such line) when UTF-8 text looks like TCVN3 or VNI typed into a Unicode file. */
export function checkLegacyText(text: string): TextProblem[] {
  // Fast path: most files have none of the Latin-1 letters legacy encodings produce.
  if (!LEGACY_ANY.test(text)) return [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (VIETNAMESE_ONLY.test(line)) continue;
    const legacy = legacyEncoding(line);
    if (!legacy) continue;
    return [
      {
        pos: { line: i + 1, column: 1 },
        rule: "encoding-legacy",
        severity: "warning",
        message: `Dòng này có vẻ được gõ bằng bảng mã cũ ${legacy}, không phải Unicode, nên sẽ hiện sai dấu. Hãy chuyển mã sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, nguồn ${legacy}, đích Unicode).`,
      },
    ];
  }
  return [];
}

const CHARACTER_NAMES: Record<string, string> = {
  "\u200B": "dấu cách độ rộng 0 (U+200B)",
  "\u200C": "ký tự nối độ rộng 0 (U+200C)",
  "\u200D": "ký tự nối độ rộng 0 (U+200D)",
  "\u2060": "ký tự nối từ vô hình (U+2060)",
  "\uFEFF": "dấu BOM lạc giữa tệp (U+FEFF)",
  "\u00AD": "dấu gạch nối mềm vô hình (U+00AD)",
  "\u2028": "ký tự ngắt dòng U+2028",
  "\u2029": "ký tự ngắt đoạn U+2029",
  "\r": "ký tự về đầu dòng CR (U+000D)",
  "\u001B": "ký tự ESC (U+001B), dùng để điều khiển màn hình dòng lệnh,",
};

// The groups come from the one list, src/util/characters.ts. Invisible: zero-width spaces and joiners, word
// joiner and invisible operators, a stray BOM, the soft hyphen, the Mongolian vowel separator, interlinear
// annotation marks and the tag characters (which can carry hidden text).
const INVISIBLE = characterClass([INVISIBLES]);
const BIDI = characterClass([BIDI_CONTROLS]);
// Controls: C0 but Tab and line feed, DEL, C1, the line and paragraph separators, noncharacters and
// surrogates without their pair (only an escape in a quoted YAML value can make one).
const CONTROL = characterClass([CONTROLS, CARRIAGE_RETURN, SEPARATORS, NONCHARACTERS, LONE_SURROGATES]);
// Everything above, in one expression (a CR that ends a CRLF line is let through by the line split).
const ANY_SPECIAL = characterClass(FORBIDDEN_IN_CONTENT);
// Its quick first test: nothing it misses can match ANY_SPECIAL (test/util/characters.test.ts).
const MAYBE_SPECIAL = codeUnitPrefilter(FORBIDDEN_IN_CONTENT);
// The same for matchAll (which copies this one and leaves its lastIndex at 0).
const EACH_SPECIAL = characterClass(FORBIDDEN_IN_CONTENT, "g");

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * How a character that is not in the file itself got into the text: written as an escape in a quoted
 * YAML value, or as an HTML entity in the article. Empty for a character typed into the file.
 */
export type CharacterSource = "" | "escape" | "entity";

const FIX: Record<CharacterSource, string> = {
  "": "Hãy xóa ký tự này",
  escape: "Ký tự này được viết bằng chuỗi thoát (\\u…, \\x…) trong dấu ngoặc kép; hãy xóa chuỗi thoát đó",
  entity: "Ký tự này được viết bằng mã HTML (&#…; hoặc &tên;) trong bài; hãy xóa mã đó",
};

/** The rule and message for one invisible, bidirectional or control character, or undefined for any other character. */
export function specialCharacter(ch: string, source: CharacterSource = ""): { rule: string; message: string } | undefined {
  if (BIDI.test(ch)) {
    return { rule: "unicode-bidi", message: `Ký tự điều khiển hướng chữ ${codePoint(ch)} có thể làm văn bản hiện khác với nội dung thật. ${FIX[source]}.` };
  }
  if (INVISIBLE.test(ch)) {
    const hint = source === "" ? " (thường lẫn vào khi sao chép từ trang web hoặc Word)" : "";
    return { rule: "unicode-invisible", message: `Ký tự vô hình: ${CHARACTER_NAMES[ch] ?? codePoint(ch)}. ${FIX[source]}${hint}.` };
  }
  if (CONTROL.test(ch)) {
    const name = CHARACTER_NAMES[ch] ?? `ký tự điều khiển ${codePoint(ch)}`;
    return { rule: "unicode-control", message: `${name[0]?.toUpperCase()}${name.slice(1)} không được phép trong văn bản. ${FIX[source]}.` };
  }
  return undefined;
}

/** Each invisible, bidirectional or control character of a string (CR included), with its index. */
export function specialCharacters(text: string, source: CharacterSource = ""): { index: number; ch: string; rule: string; message: string }[] {
  const out: { index: number; ch: string; rule: string; message: string }[] = [];
  for (const m of text.matchAll(EACH_SPECIAL)) {
    const found = specialCharacter(m[0], source);
    if (found) out.push({ index: m.index ?? 0, ch: m[0], ...found });
  }
  return out;
}

/** Every invisible, bidirectional or control character, each with its line and column (a CR ending a CRLF line is fine). */
export function checkSpecialCharacters(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const strayCr = /\r(?!\n)/.test(text);
  if (!strayCr && (!MAYBE_SPECIAL.test(text) || !ANY_SPECIAL.test(text))) return problems;
  const lines = text.split("\n");
  lines.forEach((raw, index) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    for (const found of specialCharacters(line)) {
      // A soft hyphen is TCVN3's "ư": such lines get the encoding-legacy warning instead.
      if (found.ch === "\u00AD" && legacyEncoding(line)) continue;
      problems.push({ pos: { line: index + 1, column: found.index + 1 }, rule: found.rule, severity: "error", message: found.message });
    }
  });
  return problems;
}

/** True when most line breaks of a text are a CR alone (old Mac files); a stray CR elsewhere is a control character. */
export function crLineEnds(text: string): boolean {
  let lone = 0;
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) lone++;
  if (lone === 0) return false;
  let lf = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lf++;
  return lone > lf;
}

/** The first place where the text is not in Unicode NFC (one finding per line). */
export function checkNfc(text: string): TextProblem[] {
  if (text.normalize("NFC") === text) return [];
  const problems: TextProblem[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.normalize("NFC") === line) return;
    // Point at the letter that carries a separate combining mark (or at the first character NFC changes).
    let column = 1;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i] as string;
      if (/\p{M}/u.test(ch)) {
        column = Math.max(1, i);
        break;
      }
      if (ch.normalize("NFC") !== ch) {
        column = i + 1;
        break;
      }
    }
    problems.push({
      pos: { line: index + 1, column },
      rule: "unicode-nfc",
      severity: "error",
      message: "Chữ tiếng Việt chưa ở dạng Unicode dựng sẵn (NFC): dấu được gõ tách rời khỏi chữ. Chạy npm run validate -- --fix để sửa tự động.",
    });
  });
  return problems;
}
