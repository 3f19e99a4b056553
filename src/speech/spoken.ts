// Spoken text for the loudspeaker: plain prose with abbreviations, dates, numbers, document numbers and symbols written as they are read.
import { parseCalendarDate } from "../vi/date.ts";
import { readDecimal, readNumber, parseRoman } from "./number.ts";

/** The abbreviation table of site.yaml (`loudspeaker.abbreviations`): short form → what is read. */
export type Abbreviations = Readonly<Record<string, string | undefined>>;

/**
 * Party and State document type codes, as in Hướng dẫn 36-HD/VPTW and Nghị định 30/2020/NĐ-CP.
 * These are national conventions, not organisation data.
 */
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  NQ: "Nghị quyết",
  QĐ: "Quyết định",
  CT: "Chỉ thị",
  KL: "Kết luận",
  QC: "Quy chế",
  QĐi: "Quy định",
  HD: "Hướng dẫn",
  KH: "Kế hoạch",
  TB: "Thông báo",
  BC: "Báo cáo",
  TTr: "Tờ trình",
  CTr: "Chương trình",
  ĐA: "Đề án",
  PA: "Phương án",
  CV: "Công văn",
  BB: "Biên bản",
  TT: "Thông tư",
  NĐ: "Nghị định",
};

const L = "\\p{L}\\p{N}";
/** Not preceded / followed by a letter or digit: a whole word. */
const WORD_START = `(?<![${L}])`;
const WORD_END = `(?![${L}])`;

function escapeRegExp(text: string): string {
  // "-" and "/" need no escape outside a class (and "\-" is invalid with the u flag).
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The lower-cased text just before `offset`, for "is this already preceded by 'ngày'?" checks. */
function before(whole: string, offset: number, length = 12): string {
  return whole.slice(Math.max(0, offset - length), offset).toLowerCase();
}

function isValidDayMonth(day: number, month: number, year = 2020): boolean {
  return parseCalendarDate(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`) !== undefined;
}

/** "ngày 3 tháng 2 năm 2019", dropping "ngày" when the text before already says it. */
function datePhrase(whole: string, offset: number, day: number, month: number, year?: number): string {
  const lead = /ngày\s+$/.test(before(whole, offset)) ? "" : "ngày ";
  return `${lead}${day} tháng ${month}${year === undefined ? "" : ` năm ${year}`}`;
}

/** Ordinals after "thứ" and "hạng": 1 → nhất, 2 → nhì (hạng only), 4 → tư. */
function ordinal(n: number, rank: boolean): string {
  if (n === 1) return "nhất";
  if (n === 2 && rank) return "nhì";
  if (n === 4) return "tư";
  return readNumber(n);
}

/** Words a Roman numeral may follow ("khóa XII", "Quý IV", "thế kỷ XXI", "lần thứ IV"). */
const ROMAN_CONTEXT = "khóa|khoá|quý|đại hội|thế kỷ|lần thứ|thứ|phần|chương|mục|hạng|kỳ|nhiệm kỳ|giai đoạn";

/** A standalone Roman numeral or a quarter with a digit: the only texts romanNumerals() changes. */
const ROMAN_TRIGGER = /(?<![\p{L}\p{N}])[IVXLCDM]+(?![\p{L}\p{N}])|[Qq]uý\s+\d/u;

/** Measurement units written after a number, and how they are read. */
const UNITS: Readonly<Record<string, string>> = {
  "%": "phần trăm",
  "m²": "mét vuông",
  m2: "mét vuông",
  "km²": "ki lô mét vuông",
  km2: "ki lô mét vuông",
  km: "ki lô mét",
  kg: "ki lô gam",
  ha: "héc ta",
  đ: "đồng",
  tr: "triệu",
};

/** Symbols an announcer would stumble on, and the word read in their place. */
const SYMBOLS: Readonly<Record<string, string>> = {
  "&": " và ",
  "%": " phần trăm ",
  "+": " cộng ",
  "=": " bằng ",
  "~": " khoảng ",
  "≈": " khoảng ",
  "×": " nhân ",
  ">": " hơn ",
  "<": " dưới ",
  "≥": " từ ",
  "≤": " không quá ",
  "°C": " độ C ",
  "°": " độ ",
  "№": " số ",
};

/** Combining marks that Vietnamese letters use (tones, circumflex, breve, horn). */
const VIETNAMESE_MARKS = /^[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B]*$/u;

const letterCache = new Map<string, boolean>();

/** True for a letter of the Vietnamese alphabet, with its marks (also f, j, w, z for foreign names). */
export function isVietnameseLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122))) return true;
  if (code < 128) return false;
  let known = letterCache.get(ch);
  if (known === undefined) {
    const decomposed = ch.normalize("NFD");
    known = ch === "đ" || ch === "Đ" || (/^[a-zA-Z]/.test(decomposed) && VIETNAMESE_MARKS.test(decomposed.slice(1)));
    // Bounded: the cache only ever holds distinct characters met in content.
    if (letterCache.size < 10_000) letterCache.set(ch, known);
  }
  return known;
}

/** True for a character a script may keep as it is. */
function isAllowed(ch: string): boolean {
  return isVietnameseLetter(ch) || (ch >= "0" && ch <= "9") || ch === " " || ch === "\n" || SPOKEN_PUNCTUATION.includes(ch);
}

/** Punctuation an announcer reads as a pause; everything else in a script is a letter, a digit, a space or a line break. */
export const SPOKEN_PUNCTUATION = ".,;:!?";

/** The distinct characters of a text that are not allowed in a script (empty when it reads cleanly). */
export function stumblingCharacters(text: string): string[] {
  const bad = new Set<string>();
  for (const ch of text.normalize("NFC")) {
    if (!isAllowed(ch)) bad.add(ch);
  }
  return [...bad];
}

/** Turns a character outside the allow-list into what can be read: a foreign letter loses its marks, anything else goes. */
function sanitiseChar(ch: string): string {
  if (isAllowed(ch)) return ch;
  const base = ch.normalize("NFD").replace(/\p{M}+/gu, "");
  if (/^[a-zA-Z]$/.test(base)) return base;
  if (/\p{L}/u.test(ch)) return ch.normalize("NFD").replace(/\p{M}+/gu, "").replace(/[^a-zA-Z]/g, "");
  return " ";
}

/** A compiled speaker: the abbreviation table is turned into one regular expression once. */
export interface Speaker {
  /** Plain text (no Markdown) → spoken text. */
  speak(text: string): string;
  /** Upper-case words left in spoken text that the table does not expand, for the "add to site.yaml" hint. */
  unknownAbbreviations(spoken: string): string[];
}

export function createSpeaker(abbreviations: Abbreviations): Speaker {
  const table = new Map<string, string>();
  for (const [key, value] of Object.entries(abbreviations)) {
    if (value) table.set(key.normalize("NFC"), value.normalize("NFC"));
  }
  const keys = [...table.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const abbreviationRe = keys.length
    ? new RegExp(`${WORD_START}(${keys.map(escapeRegExp).join("|")})${WORD_END}`, "gu")
    : undefined;

  // Inside a document number the code is always a document type: "CT" there is Chỉ thị even when the
  // table reads a free-standing "CT" as "công tác".
  const typeTable = new Map<string, string>(Object.entries(DOCUMENT_TYPES));
  const typeCodes = [...typeTable.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
  const typeNames = [...new Set([...typeTable.values()].flatMap((n) => [n, n.charAt(0).toLowerCase() + n.slice(1)]))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  const issuer = "[A-ZĐ][A-ZĐa-z0-9]*(?:-[A-ZĐ][A-ZĐa-z0-9]*)*";
  // Party form 08-KH/BTG; State form 123/QĐ-UBND or 30/2020/NĐ-CP.
  const documentRe = new RegExp(
    `(?:(${typeNames})\\s+)?(?:([Ss]ố)\\s+)?(?<![${L}/-])(\\d{1,5})(?:\\s*-\\s*(${typeCodes})\\s*\\/\\s*(${issuer})|\\/(?:(\\d{4})\\/)?(${typeCodes})-(${issuer}))${WORD_END}`,
    "gu",
  );

  /** An issuer code read out: "BTG" → "Ban Tuyên giáo", "BTGTU" → "Ban Tuyên giáo Thành ủy" (split into known codes), else as written. */
  function expandIssuer(code: string): string {
    const whole = table.get(code);
    if (whole) return whole;
    const parts = code.split("-");
    if (parts.length > 1) return parts.map(expandIssuer).join(" ");
    // Greedy longest-prefix split over the table; unknown remains for the hint list.
    const out: string[] = [];
    let rest = code;
    while (rest) {
      const key = keys.find((k) => rest.startsWith(k) && /^[A-ZĐ]+$/u.test(k));
      if (!key) return code;
      out.push(table.get(key) as string);
      rest = rest.slice(key.length);
    }
    return out.join(" ");
  }

  function documentNumbers(text: string): string {
    return text.replace(documentRe, (match, ...args: unknown[]) => {
      const [typeWord, so, num, partyType, partyIssuer, , stateType, stateIssuer] = args as (string | undefined)[];
      const offset = args[8] as number;
      const code = (partyType ?? stateType) as string;
      const issuerCode = (partyIssuer ?? stateIssuer) as string;
      const typeName = typeWord ?? typeTable.get(code) ?? code;
      const rest = text.slice(offset + match.length);
      // The text names the issuer itself just after ("… ngày 19/11/2018 của Ban Tuyên giáo Thành ủy"): do not say it twice.
      const saysIssuer = /^[^.;:!?]{0,40}?\scủa\s/u.test(rest);
      const issuerText = saysIssuer ? "" : ` của ${expandIssuer(issuerCode)}`;
      void so;
      return `${typeName} số ${num}${issuerText}`;
    });
  }

  function romanNumerals(text: string): string {
    // "Quý I/2019", "quý 2-2019" → "quý một năm 2019".
    let out = text.replace(
      new RegExp(`${WORD_START}([Qq]uý)\\s+([IV]{1,3}|[1-4])(?:\\s*[/-]\\s*|\\s+năm\\s+)(\\d{4})${WORD_END}`, "gu"),
      (m, word: string, q: string, year: string) => {
        const n = /^\d$/.test(q) ? Number(q) : parseRoman(q);
        return n && n <= 4 ? `${word} ${readNumber(n)} năm ${year}` : m;
      },
    );
    out = out.replace(
      new RegExp(`${WORD_START}(${ROMAN_CONTEXT})\\s+([IVXLCDM]+)${WORD_END}`, "giu"),
      (m, word: string, roman: string) => {
        const n = parseRoman(roman);
        if (!n) return m;
        const lower = word.toLowerCase();
        const spoken = lower.endsWith("thứ") || lower === "hạng" ? ordinal(n, lower === "hạng") : readNumber(n);
        return `${word} ${spoken}`;
      },
    );
    // "Quý 1" with a digit.
    return out.replace(new RegExp(`${WORD_START}([Qq]uý)\\s+([1-4])${WORD_END}`, "gu"), (_m, word: string, q: string) => `${word} ${readNumber(Number(q))}`);
  }

  function dates(text: string): string {
    let out = text.replace(/(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])/g, (m, y: string, mo: string, d: string, offset: number, whole: string) =>
      parseCalendarDate(`${y}-${mo}-${d}`) ? datePhrase(whole, offset, Number(d), Number(mo), Number(y)) : m,
    );
    out = out.replace(/(?<![\d/.,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])/g, (m, d: string, _s: string, mo: string, y: string, offset: number, whole: string) =>
      isValidDayMonth(Number(d), Number(mo), Number(y)) ? datePhrase(whole, offset, Number(d), Number(mo), Number(y)) : m,
    );
    // Month and year: "tháng 5/2019", "5/2019".
    out = out.replace(/(?<![\d/.,])(tháng\s+)?(\d{1,2})\/(\d{4})(?![\d/])/giu, (m, word: string | undefined, mo: string, y: string) =>
      Number(mo) >= 1 && Number(mo) <= 12 ? `${word ?? "tháng "}${Number(mo)} năm ${y}` : m,
    );
    // Day and month: "19/5", "(03/02)". "24/7" means "round the clock" unless it follows "ngày".
    out = out.replace(/(?<![\d/.,])(\d{1,2})\/(\d{1,2})(?![\d/])/g, (m, d: string, mo: string, offset: number, whole: string) => {
      if (!isValidDayMonth(Number(d), Number(mo))) return m;
      if (d === "24" && mo === "7" && !/ngày\s+$/.test(before(whole, offset))) return "hai mươi tư trên bảy";
      return datePhrase(whole, offset, Number(d), Number(mo));
    });
    return out;
  }

  function times(text: string): string {
    let out = text.replace(/(?<![\p{L}\d])(\d{1,2})\s?[hg](\d{2})?(?![\p{L}\d])/gu, (m, h: string, min: string | undefined) =>
      Number(h) < 24 && (!min || Number(min) < 60) ? `${Number(h)} giờ${min && Number(min) > 0 ? ` ${Number(min)}` : ""}` : m,
    );
    out = out.replace(/(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])/g, (m, h: string, min: string) =>
      Number(h) < 24 && Number(min) < 60 ? `${Number(h)} giờ${Number(min) > 0 ? ` ${Number(min)}` : ""}` : m,
    );
    return out;
  }

  const unitRe = new RegExp(
    `(\\d)\\s?(${Object.keys(UNITS).sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})(?![${L}])`,
    "gu",
  );
  function units(text: string): string {
    return text.replace(unitRe, (_m, d: string, unit: string) => `${d} ${UNITS[unit]}`);
  }

  function ranges(text: string): string {
    // "2018-2019", "10 – 15", "19 tháng 5-25 tháng 5": a dash between numbers is "đến".
    return text.replace(/(\d)\s*[-–—]\s*(?=\d|ngày\s|tháng\s|năm\s)/gu, "$1 đến ");
  }

  function numbers(text: string): string {
    // Grouped thousands with an optional decimal part: "1.250" → "một nghìn hai trăm năm mươi", "1.250,5".
    let out = text.replace(/(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?(?![\d]|[.,]\d)/g, (_m, whole: string, frac: string | undefined) => {
      const digits = whole.replace(/\./g, "");
      return frac ? readDecimal(digits, frac) : readNumber(Number(digits));
    });
    // Decimals with the Vietnamese comma: "2,5" → "hai phẩy năm".
    out = out.replace(/(?<![\d.,])(\d+),(\d+)(?![\d]|[.,]\d)/g, (_m, whole: string, frac: string) => readDecimal(whole, frac));
    // Long plain numbers (five digits and more) are read in words; years and small counts stay as digits.
    out = out.replace(/(?<![\d.,])([1-9]\d{4,14})(?![\d]|[.,]\d)/g, (_m, n: string) => readNumber(Number(n)));
    return out;
  }

  function expandAbbreviations(text: string): string {
    return abbreviationRe ? text.replace(abbreviationRe, (key: string) => table.get(key) ?? key) : text;
  }

  function symbols(text: string): string {
    let out = text;
    if (out.includes("./.")) out = out.replace(/\.\/\./g, ".");
    if (out.includes("v.v")) out = out.replace(/(?<![\p{L}])v\.v\.*/gu, "vân vân.");
    if (/…|\.\./.test(out)) out = out.replace(/…|\.{2,}/g, ".");
    out = out.replace(/[“”"„‟«»‘’`']/g, "");
    // Parenthetical remarks are read as a clause between commas.
    if (/[()[\]]/.test(out)) out = out.replace(/\s*[([]\s*([^()[\]]*?)\s*[)\]]/g, ", $1, ").replace(/[()[\]]/g, " ");
    out = out.replace(/°C|[&%+=~≈×><≥≤°№]/g, (s) => SYMBOLS[s] ?? " ");
    if (out.includes("/")) {
      out = out
        .replace(/(\d)\s*\/\s*(\d)/g, "$1 trên $2")
        .replace(/(\p{L})\s*\/\s*(?=\p{L})/gu, "$1 hoặc ")
        .replace(/\//g, " ");
    }
    if (/[-–—]/.test(out)) {
      out = out
        // A dash between words, spaced or not (clause break or "chính trị - xã hội"): a pause.
        .replace(/\s+[-–—]+\s*|\s*[–—]+\s+|[–—]+/g, ", ")
        .replace(/(\p{L})-(?=\p{L})/gu, "$1 ")
        .replace(/(\d)-(?=\p{L})/gu, "$1 ")
        .replace(/-/g, " ");
    }
    // Most text is already clean: only rebuild it when a character is not allowed.
    for (const ch of out) if (!isAllowed(ch)) return [...out].map(sanitiseChar).join("");
    return out;
  }

  function tidy(text: string): string {
    let out = text
      .replace(/\s+/g, " ")
      .replace(/\s+([,.;:!?])/g, "$1")
      .replace(/([,;:])(?:\s*[,;:])+/g, "$1")
      .replace(/[,;:]+\s*([.!?])/g, "$1")
      .replace(/([.!?])(?:\s*[.,;:])+/g, "$1")
      .replace(/([,.;:!?])(?=\p{L})/gu, "$1 ")
      .replace(/^[\s,.;:!?]+/, "")
      .trim();
    // A sentence starts with a capital, also when it begins with an expanded abbreviation.
    out = out.replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_m, lead: string, ch: string) => lead + ch.toUpperCase());
    return out;
  }

  function speak(input: string): string {
    let text = input.normalize("NFC");
    // Each rule runs only when its trigger is present: most sentences have no URL, date or document number.
    if (/https?:|www\.|@/i.test(text)) {
      text = text.replace(/\b(?:https?:\/\/|www\.)\S+?(?=[.,;:!?)\]]*(?:\s|$))/giu, " ").replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu, " ");
    }
    if (text.includes("/")) text = documentNumbers(text);
    if (ROMAN_TRIGGER.test(text)) text = romanNumerals(text);
    if (/\d/.test(text)) {
      if (/\d\s?[/.-]\s?\d/.test(text)) text = dates(text);
      if (/\d\s?[hg:]/.test(text)) text = times(text);
      text = units(text);
      if (/\d\s*[-–—]/.test(text)) text = ranges(text);
      text = numbers(text);
    }
    text = expandAbbreviations(text);
    text = symbols(text);
    return tidy(text);
  }

  function unknownAbbreviations(spoken: string): string[] {
    const found = new Set<string>();
    for (const m of spoken.matchAll(/(?<![\p{L}\p{N}])[A-ZĐ][A-ZĐ0-9]*[A-ZĐ](?![\p{L}\p{N}])/gu)) {
      const word = m[0];
      if (parseRoman(word) !== undefined) continue;
      // An upper-case Vietnamese word with tone marks ("GƯƠNG SÁNG") is a word, not an abbreviation.
      if (/[^A-Z0-9Đ]/u.test(word.normalize("NFC"))) continue;
      if (word.length > 8) continue;
      found.add(word);
    }
    return [...found].sort();
  }

  return { speak, unknownAbbreviations };
}

/** One-off convenience: compiles a speaker for the table and reads one text. */
export function toSpoken(text: string, abbreviations: Abbreviations): string {
  return createSpeaker(abbreviations).speak(text);
}
