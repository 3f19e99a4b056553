// Does one exemplar fit a broadcast on its own? The validator's question (rule loudspeaker-slot), answered with the
// loudspeaker's own reading (src/speech), so the rule and the scripts can never disagree.
import type { Exemplar, SiteConfig } from "./model.ts";
import { exemplarFieldTitle } from "./labels.ts";
import { exemplarParagraphs, type ItemTitles, siteProperNames } from "../speech/item.ts";
import { type Speaker, createSpeaker } from "../speech/spoken.ts";
import { countSyllables, readingSeconds } from "../speech/timing.ts";
import { codeUnitTable } from "../util/characters.ts";

/** The schema titles the loudspeaker reads as labels. */
export const ITEM_TITLES: ItemTitles = { achievements: exemplarFieldTitle("achievements"), method: exemplarFieldTitle("method") };

/** What the bound needs to know of a character. */
const LETTER = 1;
const SPACE = 2;
const OTHER = 3;
const IS_LETTER = /^\p{L}$/u;
const IS_SPACE = /^\s$/u;
const classOfUnit = codeUnitTable((ch) => (IS_LETTER.test(ch) ? LETTER : IS_SPACE.test(ch) ? SPACE : OTHER));

/** `,.;:!?`, the punctuation a plain word may end with. */
function isTrailingPunctuation(c: number): boolean {
  return c === 0x2c || c === 0x2e || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f;
}

/** I V X L C D M: a word of these alone may be a Roman numeral, read as a number. */
function isRomanLetter(c: number): boolean {
  return c === 0x49 || c === 0x56 || c === 0x58 || c === 0x4c || c === 0x43 || c === 0x44 || c === 0x4d;
}

/**
 * An upper bound of the syllables a raw text can be read with, for a site's abbreviations: the text is split at
 * white space (`\s`); a plain word (letters only, `\p{L}`, once `,.;:!?` at its end are set aside; not a Roman numeral;
 * not an abbreviation, with or without that punctuation) is one syllable; any other word gets a generous allowance,
 * `3 × its length + the longest expansion × ⌈its length / the shortest abbreviation⌉`. One pass over the text, without
 * cutting it into words (the validator runs this on every exemplar meant for the loudspeaker).
 */
export function syllableBound(abbreviations: Readonly<Record<string, string | undefined>>): (text: string) => number {
  const keys = new Set(Object.keys(abbreviations));
  const keyLengths = new Set([...keys].map((k) => k.length));
  const maxExpansion = Math.max(1, ...Object.values(abbreviations).map((v) => (v ?? "").split(/\s+/u).length));
  const minKey = Math.max(1, Math.min(...[...keys].map((k) => k.length)));
  const allowance = (length: number): number => 3 * length + maxExpansion * Math.ceil(length / minKey);
  return (text) => {
    let n = 0;
    let i = 0;
    const end = text.length;
    while (i < end) {
      // Skip white space; astral characters are never white space.
      const c0 = text.charCodeAt(i);
      if (c0 < 0xd800 || c0 > 0xdbff ? classOfUnit(c0) === SPACE : false) {
        i++;
        continue;
      }
      // One word: up to the next white space. `bareEnd` is where its trailing punctuation starts.
      const start = i;
      let letters = true;
      let roman = true;
      let bareEnd = start;
      while (i < end) {
        const c = text.charCodeAt(i);
        let width = 1;
        let kind: number;
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
          const cp = text.codePointAt(i) as number;
          width = cp > 0xffff ? 2 : 1;
          kind = cp > 0xffff && IS_LETTER.test(String.fromCodePoint(cp)) ? LETTER : OTHER;
        } else kind = classOfUnit(c);
        if (kind === SPACE) break;
        if (!isTrailingPunctuation(c)) {
          // Whatever came since the last letter was punctuation inside the word: not plain.
          if (bareEnd !== i) letters = false;
          if (kind !== LETTER) letters = false;
          if (!isRomanLetter(c)) roman = false;
          bareEnd = i + width;
        }
        i += width;
      }
      const length = i - start;
      let plain = letters && bareEnd > start && !roman;
      if (plain && (keyLengths.has(bareEnd - start) || keyLengths.has(length))) {
        plain = !keys.has(text.slice(start, bareEnd)) && !keys.has(text.slice(start, i));
      }
      n += plain ? 1 : allowance(length);
    }
    return n;
  };
}

export interface SlotCheck {
  /** Seconds for the opening, the exemplar and the closing (NaN when a quick bound showed it fits without reading it). */
  seconds: number;
  /** Seconds for the exemplar alone (NaN as above). */
  itemSeconds: number;
  slotSeconds: number;
  fits: boolean;
}

/** A checker compiled once per site.yaml: the speaker and the longest opening and closing. */
export function createSlotChecker(site: SiteConfig, options: { exact?: boolean } = {}): (exemplar: Exemplar) => SlotCheck {
  const speaker: Speaker = createSpeaker(site.loudspeaker.abbreviations);
  const { wordsPerMinute, slotMinutes } = site.loudspeaker;
  const slotSeconds = Math.round(slotMinutes * 60);
  const wardName = new Map(site.wards.map((w) => [w.id, w.name]));
  const unitWard = new Map(site.units.map((u) => [u.id, u.ward]));
  const frameCache = new Map<string, number>();
  const properNames = siteProperNames(site);
  const syllablesOf = (text: string | undefined): number => (text ? countSyllables(speaker.speak(text)) : 0);
  /** Opening and closing syllables for one ward (a district-wide item is read in every ward: the longest frame counts). */
  const frameSyllables = (wardId: string | undefined): number => {
    const key = wardId ?? "";
    let n = frameCache.get(key);
    if (n === undefined) {
      const names = wardId && wardName.has(wardId) ? [wardName.get(wardId) as string] : [...wardName.values()];
      n = Math.max(0, ...names.map((name) => syllablesOf(site.loudspeaker.opening?.replaceAll("{phuong}", name)) + syllablesOf(site.loudspeaker.closing?.replaceAll("{phuong}", name))));
      frameCache.set(key, n);
    }
    return n;
  };
  const slotSyllables = (slotSeconds * wordsPerMinute) / 60;
  const upperBound = syllableBound(site.loudspeaker.abbreviations);
  return (exemplar) => {
    // Most items are far shorter than a slot: a cheap bound on the raw text settles them without reading them.
    const raw = exemplar.loudspeaker ?? [exemplar.title, exemplar.summary, ...exemplar.achievements, exemplar.method ?? ""].join(" ");
    const labels = exemplar.loudspeaker ? 0 : 10 + 5 * exemplar.achievements.length;
    const bound = upperBound(raw) + labels + frameSyllables(exemplar.ward ?? unitWard.get(exemplar.unit));
    if (!options.exact && bound <= slotSyllables) {
      return { seconds: Number.NaN, itemSeconds: Number.NaN, slotSeconds, fits: true };
    }
    const itemSyllables = exemplarParagraphs(exemplar, ITEM_TITLES, properNames).reduce((sum, p) => sum + countSyllables(speaker.speak(p)), 0);
    const frame = frameSyllables(exemplar.ward ?? unitWard.get(exemplar.unit));
    const itemSeconds = readingSeconds(itemSyllables, wordsPerMinute);
    const seconds = readingSeconds(itemSyllables + frame, wordsPerMinute);
    return { seconds, itemSeconds, slotSeconds, fits: seconds <= slotSeconds };
  };
}
