// What the loudspeaker reads of one exemplar: title, trích ngang, achievements as flowing sentences, method.
// Shared by the loudspeaker scripts (src/loudspeaker) and the validator's slot rule, so it knows nothing of either.
import type { Exemplar, SiteConfig } from "../types/generated.ts";
import { readNumber } from "./number.ts";
import { endSentence, markdownBlocks } from "./plain.ts";

/** The channel id an exemplar or activity names to reach the ward loudspeakers (docs/contracts.md). */
export const LOUDSPEAKER_CHANNEL = "loudspeaker";

/** The schema titles an item reads as labels (src/render/labels.ts, or the validator's own labels). */
export interface ItemTitles {
  achievements: string;
  method: string;
}

/**
 * Lower-cases the first letter of a list element so it flows after "Kết quả đạt được:", unless it
 * starts with an abbreviation or one of the proper names given (the subject, units, wards).
 */
function listElement(text: string, properNames: readonly string[]): string {
  const trimmed = text.trim().replace(/[.;,]+$/, "");
  const first = trimmed.split(/\s+/u)[0] ?? "";
  const properName = /^\p{Lu}{2,}/u.test(first) || properNames.some((name) => name && trimmed.startsWith(name));
  return properName ? trimmed : trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/** "Thứ nhất", "Thứ hai", "Thứ tư", … for achievements that are full sentences. */
function ordinalLead(n: number): string {
  return `Thứ ${n === 1 ? "nhất" : n === 4 ? "tư" : readNumber(n)}`;
}

/**
 * The text read for an exemplar before normalisation: title, trích ngang, achievements as flowing
 * sentences, method. Labels are the schema titles, passed in (`ItemTitles`).
 */
export function exemplarParagraphs(data: Exemplar, titles: ItemTitles, properNames: readonly string[] = []): string[] {
  const names = [data.subject.name, ...properNames];
  if (data.loudspeaker) return markdownBlocks(data.loudspeaker).map(endSentence);
  const paragraphs = [endSentence(markdownBlocks(data.title).join(" ") || data.title)];
  paragraphs.push(markdownBlocks(data.summary).map(endSentence).join(" "));
  const achievements = data.achievements.map((a) => markdownBlocks(a).join(". ")).filter(Boolean);
  const label = titles.achievements;
  const sentences = achievements.some((a) => /[.!?]\s/u.test(a.replace(/[.!?]+$/, "")));
  if (achievements.length === 1) paragraphs.push(endSentence(`${label}: ${listElement(achievements[0] as string, names)}`));
  else if (sentences) paragraphs.push(`${label}. ${achievements.map((a, i) => `${ordinalLead(i + 1)}, ${endSentence(listElement(a, names))}`).join(" ")}`);
  else if (achievements.length > 1) {
    const elements = achievements.map((a) => listElement(a, names));
    const last = elements.pop() as string;
    paragraphs.push(endSentence(`${label}: ${elements.join("; ")}; và ${last}`));
  }
  if (data.method) paragraphs.push(`${titles.method}: ${markdownBlocks(data.method).map(endSentence).join(" ")}`);
  return paragraphs.filter((p) => p.trim() !== "");
}

/** Names from site.yaml that keep their capital letter at the start of a list element. */
export function siteProperNames(site: SiteConfig): string[] {
  return [...site.units.flatMap((u) => [u.name, u.shortName ?? ""]), ...site.wards.map((w) => w.name)].filter(Boolean);
}
