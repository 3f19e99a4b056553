// Does one exemplar fit a broadcast on its own? The validator's question (rule loudspeaker-slot), answered with the
// loudspeaker's own reading (src/speech), so the rule and the scripts can never disagree.
import type { Exemplar, SiteConfig } from "./model.ts";
import { exemplarFieldTitle } from "./labels.ts";
import { exemplarParagraphs, type ItemTitles, siteProperNames } from "../speech/item.ts";
import { type Speaker, createSpeaker } from "../speech/spoken.ts";
import { countSyllables, readingSeconds } from "../speech/timing.ts";

/** The schema titles the loudspeaker reads as labels. */
export const ITEM_TITLES: ItemTitles = { achievements: exemplarFieldTitle("achievements"), method: exemplarFieldTitle("method") };

const PLAIN_WORD = /^\p{L}+$/u;
const ROMAN = /^[IVXLCDM]+$/;

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
  const keys = new Set(Object.keys(site.loudspeaker.abbreviations));
  const maxExpansion = Math.max(1, ...Object.values(site.loudspeaker.abbreviations).map((v) => (v ?? "").split(/\s+/u).length));
  const minKey = Math.max(1, Math.min(...[...keys].map((k) => k.length)));
  const slotSyllables = (slotSeconds * wordsPerMinute) / 60;
  /** An upper bound of the syllables a raw text can be read with: a plain word is one; anything else gets a generous allowance. */
  const upperBound = (text: string): number => {
    let n = 0;
    for (const token of text.split(/\s+/u)) {
      if (!token) continue;
      const bare = token.replace(/[,.;:!?]+$/u, "");
      if (PLAIN_WORD.test(bare) && !ROMAN.test(bare) && !keys.has(bare) && !keys.has(token)) n += 1;
      else n += 3 * token.length + maxExpansion * Math.ceil(token.length / minKey);
    }
    return n;
  };
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
