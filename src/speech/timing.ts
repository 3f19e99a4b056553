// Reading time: Vietnamese syllables (space-separated words of the spoken text) at the announcer's rate.
import { readDigits, readNumber } from "./number.ts";

/**
 * Syllables an announcer says for a spoken text. Vietnamese writes one syllable per word, so this is
 * the number of words; a group of digits counts as the syllables it is read with
 * ("2019" → "hai nghìn không trăm mười chín" = 6, "08" → "không tám" = 2).
 */
export function countSyllables(text: string): number {
  let count = 0;
  for (const raw of text.split(/\s+/u)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (!word) continue;
    if (/^\d+$/.test(word)) {
      const spoken = word.length > 1 && word.startsWith("0") ? readDigits(word) : readNumber(Number(word));
      count += spoken.split(" ").length;
    } else count += 1;
  }
  return count;
}

/** Seconds to read `syllables` at `wordsPerMinute`, rounded up to a whole second. */
export function readingSeconds(syllables: number, wordsPerMinute: number): number {
  return Math.ceil((syllables * 60) / wordsPerMinute);
}

/** Seconds to read a spoken text at `wordsPerMinute`. */
export function textSeconds(text: string, wordsPerMinute: number): number {
  return readingSeconds(countSyllables(text), wordsPerMinute);
}

/** "4 phút 30 giây", "45 giây", "15 phút". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes === 0) return `${rest} giây`;
  return rest === 0 ? `${minutes} phút` : `${minutes} phút ${rest} giây`;
}

/** "4:30", for tables and the plain-text file. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
