// Does one exemplar fit a broadcast on its own? Shared by the validator rule and tests.
import type { Exemplar, SiteConfig } from "../content/model.ts";
import { exemplarParagraphs, siteProperNames } from "./script.ts";
import { type Speaker, createSpeaker } from "./spoken.ts";
import { countSyllables, readingSeconds } from "./timing.ts";

export interface SlotCheck {
  /** Seconds for the opening, the exemplar and the closing. */
  seconds: number;
  /** Seconds for the exemplar alone. */
  itemSeconds: number;
  slotSeconds: number;
  fits: boolean;
}

/** A checker compiled once per site.yaml: the speaker and the longest opening and closing. */
export function createSlotChecker(site: SiteConfig): (exemplar: Exemplar) => SlotCheck {
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
  return (exemplar) => {
    const itemSyllables = exemplarParagraphs(exemplar, properNames).reduce((sum, p) => sum + countSyllables(speaker.speak(p)), 0);
    const frame = frameSyllables(exemplar.ward ?? unitWard.get(exemplar.unit));
    const itemSeconds = readingSeconds(itemSyllables, wordsPerMinute);
    const seconds = readingSeconds(itemSyllables + frame, wordsPerMinute);
    return { seconds, itemSeconds, slotSeconds, fits: seconds <= slotSeconds };
  };
}
