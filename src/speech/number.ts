// Vietnamese number reading for the announcer: 1250 → "một nghìn hai trăm năm mươi" (Hà Nội usage).

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;

function digit(d: number): string {
  return DIGITS[d] ?? "";
}

/**
 * Reads 0–999 as one group. `inner` is true when a higher group precedes it, so a group below 100
 * still says its hundreds ("một nghìn không trăm linh năm").
 */
function readGroup(n: number, inner: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || inner) words.push(digit(hundreds), "trăm");
  if (tens === 0) {
    if (units === 0) return words;
    // "linh" only after a spoken hundreds: 105 → "một trăm linh năm", but 5 → "năm".
    if (words.length > 0) words.push("linh");
    words.push(digit(units));
    return words;
  }
  if (tens === 1) words.push("mười");
  else words.push(digit(tens), "mươi");
  if (units === 0) return words;
  if (units === 1) words.push(tens >= 2 ? "mốt" : "một");
  else if (units === 4) words.push(tens >= 2 ? "tư" : "bốn");
  else if (units === 5) words.push("lăm");
  else words.push(digit(units));
  return words;
}

const SCALES = ["", "nghìn", "triệu"] as const;

function readBelowBillion(n: number, inner: boolean): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  let top = 2;
  while (top > 0 && groups[top] === 0) top--;
  const words: string[] = [];
  for (let i = top; i >= 0; i--) {
    const g = groups[i] ?? 0;
    // A zero group is skipped ("một triệu không trăm linh một"), never read as "không nghìn".
    if (g === 0) continue;
    words.push(...readGroup(g, inner || i !== top));
    if (SCALES[i]) words.push(SCALES[i] as string);
  }
  return words;
}

function readWords(n: number, inner: boolean): string[] {
  if (n >= 1_000_000_000) {
    const high = Math.floor(n / 1_000_000_000);
    const low = n % 1_000_000_000;
    const words = [...readWords(high, inner), "tỷ"];
    if (low > 0) words.push(...readBelowBillion(low, true));
    return words;
  }
  if (n === 0) return inner ? [] : [digit(0)];
  return readBelowBillion(n, inner);
}

/**
 * A whole number as a Vietnamese announcer reads it: 0 → "không", 15 → "mười lăm",
 * 21 → "hai mươi mốt", 24 → "hai mươi tư", 105 → "một trăm linh năm",
 * 1005 → "một nghìn không trăm linh năm", 1 000 000 → "một triệu".
 */
export function readNumber(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a safe integer: ${n}`);
  if (n < 0) return `âm ${readNumber(-n)}`;
  return readWords(n, false).join(" ");
}

/** Reads a string of digits one by one: "05" → "không năm" (document numbers, decimals). */
export function readDigits(digits: string): string {
  return [...digits].map((c) => digit(Number(c))).join(" ");
}

/**
 * A decimal written the Vietnamese way, integer part and fraction part as digit strings:
 * ("2", "5") → "hai phẩy năm", ("0", "05") → "không phẩy không năm", ("95", "25") → "chín mươi lăm phẩy hai mươi lăm".
 * Leading zeros of the fraction are read one by one, the rest as a number (up to three digits;
 * longer fractions digit by digit).
 */
export function readDecimal(integerPart: string, fractionPart: string): string {
  const whole = readNumber(Number(integerPart));
  const zeros = /^0*/.exec(fractionPart)?.[0] ?? "";
  const rest = fractionPart.slice(zeros.length);
  let fraction: string;
  if (fractionPart.length > 3) fraction = readDigits(fractionPart);
  else fraction = [zeros ? readDigits(zeros) : "", rest ? readNumber(Number(rest)) : ""].filter(Boolean).join(" ");
  return `${whole} phẩy ${fraction}`;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** Parses a well-formed Roman numeral ("XII" → 12), or undefined ("IIII", "VX" are rejected). */
export function parseRoman(text: string): number | undefined {
  if (!/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(text) || text === "") return undefined;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i] as string] ?? 0;
    const next = ROMAN[text[i + 1] as string] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}
