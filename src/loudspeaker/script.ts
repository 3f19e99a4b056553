// Broadcast scripts: per ward and quarter, and per scheduled broadcast, assembled from exemplars naming the loudspeaker channel.
import { createHash } from "node:crypto";
import type { ActivityEntry, ContentModel, ExemplarEntry, SiteConfig } from "../content/model.ts";
import { ITEM_TITLES } from "../content/slot.ts";
import { type Quarter, compareQuarters, quarterLabel, quarterOf, quarterSlug } from "../vi/quarter.ts";
import { formatDateVi, isoDate, vietnamDate } from "../vi/date.ts";
import { viCollator } from "../vi/text.ts";
import { type Speaker, createSpeaker } from "../speech/spoken.ts";
import { countSyllables, readingSeconds } from "../speech/timing.ts";
import { exemplarParagraphs, LOUDSPEAKER_CHANNEL, siteProperNames } from "../speech/item.ts";
import { loudspeakerQuarterPath, loudspeakerScriptPaths } from "../paths/paths.ts";

export interface SpokenText {
  /** Paragraphs as the announcer reads them. */
  paragraphs: string[];
  syllables: number;
  seconds: number;
}

export interface ScriptItem extends SpokenText {
  slug: string;
  /** Content file, relative to the content directory. */
  file: string;
  title: string;
  /** The title as read (abbreviations expanded, no symbols), for the plain-text headings. */
  spokenTitle: string;
  date: string;
  /** Ward id the item belongs to, or undefined for a district-wide item. */
  ward?: string;
  /** "override" when the exemplar's own `loudspeaker:` text is read. */
  source: "override" | "generated";
  draft: boolean;
}

/** One broadcast of a split plan: consecutive items that fit the slot with the opening and closing. */
export interface BroadcastPart {
  /** Indexes into `Script.items`. */
  items: number[];
  seconds: number;
  /** True when a single item is longer than the slot on its own. */
  overSlot: boolean;
}

export interface Script {
  kind: "quarter" | "broadcast";
  quarter: Quarter;
  /** "2019-q2". */
  quarterSlug: string;
  ward: { id: string; name: string };
  /** Broadcast scripts: the activity that schedules them and its Vietnamese calendar date (YYYY-MM-DD). */
  activity?: { slug: string; title: string; file: string; date: string };
  /** Heading: "Phường Dịch Vọng Hậu · Quý II năm 2019" or with the broadcast date. */
  title: string;
  /** Site paths of the page and the plain-text file. */
  url: string;
  textUrl: string;
  opening?: SpokenText;
  closing?: SpokenText;
  items: ScriptItem[];
  /** Opening + items + closing. */
  seconds: number;
  slotSeconds: number;
  fits: boolean;
  /** How to split the items across broadcasts when the script does not fit (one part when it does). */
  parts: BroadcastPart[];
  /** Upper-case words left unexpanded: candidates for `loudspeaker.abbreviations` in site.yaml. */
  unknownAbbreviations: string[];
}

export interface QuarterScripts {
  quarter: Quarter;
  slug: string;
  label: string;
  url: string;
  scripts: Script[];
  broadcasts: Script[];
}

/** Reads one paragraph list with the speaker and times it. */
function spokenText(paragraphs: readonly string[], speaker: Speaker, wordsPerMinute: number): SpokenText {
  const spoken = paragraphs.map((p) => speaker.speak(p)).filter(Boolean);
  const syllables = spoken.reduce((sum, p) => sum + countSyllables(p), 0);
  return { paragraphs: spoken, syllables, seconds: readingSeconds(syllables, wordsPerMinute) };
}

const itemCache = new WeakMap<SiteConfig, WeakMap<ExemplarEntry, ScriptItem>>();

/** What is kept of one exemplar's reading between builds: everything the speaker and the timing computed. */
export interface SpokenItem extends SpokenText {
  spokenTitle: string;
}

/** Readings kept between builds (the build cache's `speech` store, src/build/speech-cache.ts), by `readingKey`. */
export interface SpokenStore {
  get(key: string): SpokenItem | undefined;
  set(key: string, item: SpokenItem): void;
}

let spokenStore: SpokenStore | undefined;

/** Lends the build's store of readings to the item readers until it is taken back with `undefined`. */
export function useSpokenStore(store: SpokenStore | undefined): void {
  spokenStore = store;
}

/**
 * The key of one exemplar's reading: its file and the hash of its bytes (its data), and everything else the reading
 * depends on in site.yaml: the abbreviations, the reading speed and the proper names the speaker keeps as written.
 * The code (the speaker, the schema's titles) is the store's version.
 */
export function readingKey(entry: Pick<ExemplarEntry, "file" | "hash">, settingsKey: string): string {
  return `${entry.file}\u0000${entry.hash}\u0000${settingsKey}`;
}

/** The hash of what a reading takes from site.yaml. */
export function readingSettingsKey(site: SiteConfig): string {
  const { abbreviations, wordsPerMinute } = site.loudspeaker;
  return createHash("sha256").update(JSON.stringify([abbreviations, wordsPerMinute, siteProperNames(site)])).digest("hex");
}

/** Compiles the speaker once and reads any exemplar as a timed script item. */
export function createItemReader(site: SiteConfig): (entry: ExemplarEntry) => ScriptItem {
  const speaker = createSpeaker(site.loudspeaker.abbreviations);
  const wardOfUnit = new Map(site.units.map((u) => [u.id, u.ward]));
  // Items are kept per settings object and entry object: a later load that reuses both (the dev server's) reads
  // nothing again; a changed site.yaml or a changed file is a new object, so its items are read afresh.
  let cache = itemCache.get(site);
  if (!cache) itemCache.set(site, (cache = new WeakMap()));
  const items = cache;
  const properNames = siteProperNames(site);
  const store = spokenStore;
  const settings = store ? readingSettingsKey(site) : "";
  const read = (entry: ExemplarEntry): SpokenItem => {
    const key = store ? readingKey(entry, settings) : "";
    const kept = store?.get(key);
    if (kept) return kept;
    const spoken: SpokenItem = {
      ...spokenText(exemplarParagraphs(entry.data, ITEM_TITLES, properNames), speaker, site.loudspeaker.wordsPerMinute),
      spokenTitle: speaker.speak(entry.data.title),
    };
    store?.set(key, spoken);
    return spoken;
  };
  return (entry) => {
    const cached = items.get(entry);
    if (cached) return cached;
    const { paragraphs, syllables, seconds, spokenTitle } = read(entry);
    const item: ScriptItem = {
      paragraphs,
      syllables,
      seconds,
      slug: entry.slug,
      file: entry.file,
      title: entry.data.title,
      spokenTitle,
      date: entry.data.date,
      ward: entry.data.ward ?? wardOfUnit.get(entry.data.unit),
      source: entry.data.loudspeaker ? "override" : "generated",
      draft: entry.draft,
    };
    items.set(entry, item);
    return item;
  };
}

/** The opening or closing line of site.yaml for one ward, read and timed. */
export function frameText(template: string | undefined, wardName: string, speaker: Speaker, wordsPerMinute: number): SpokenText | undefined {
  if (!template?.trim()) return undefined;
  return spokenText([template.replaceAll("{phuong}", wardName)], speaker, wordsPerMinute);
}

/** Greedy split: consecutive items per broadcast, each broadcast with its opening and closing within the slot. */
export function splitIntoBroadcasts(itemSeconds: readonly number[], frameSeconds: number, slotSeconds: number): BroadcastPart[] {
  const parts: BroadcastPart[] = [];
  let current: BroadcastPart | undefined;
  itemSeconds.forEach((seconds, index) => {
    if (!current || (current.items.length > 0 && current.seconds + seconds > slotSeconds)) {
      current = { items: [], seconds: frameSeconds, overSlot: false };
      parts.push(current);
    }
    current.items.push(index);
    current.seconds += seconds;
    if (current.items.length === 1 && current.seconds > slotSeconds) current.overSlot = true;
  });
  return parts;
}

function compareItems(a: ScriptItem, b: ScriptItem): number {
  // The ward's own exemplars first, then district-wide ones; each oldest first.
  const localA = a.ward ? 0 : 1;
  const localB = b.ward ? 0 : 1;
  return localA - localB || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || viCollator.compare(a.title, b.title);
}

interface ScriptSpec {
  kind: Script["kind"];
  quarter: Quarter;
  ward: { id: string; name: string };
  items: ScriptItem[];
  slotMinutes: number;
  activity?: Script["activity"];
}

function assemble(spec: ScriptSpec, site: SiteConfig, speaker: Speaker): Script {
  const { wordsPerMinute } = site.loudspeaker;
  const opening = frameText(site.loudspeaker.opening, spec.ward.name, speaker, wordsPerMinute);
  const closing = frameText(site.loudspeaker.closing, spec.ward.name, speaker, wordsPerMinute);
  const frameSeconds = (opening?.seconds ?? 0) + (closing?.seconds ?? 0);
  const seconds = frameSeconds + spec.items.reduce((sum, item) => sum + item.seconds, 0);
  const slotSeconds = Math.round(spec.slotMinutes * 60);
  const qSlug = quarterSlug(spec.quarter);
  const paths = loudspeakerScriptPaths(spec.quarter, spec.ward.id, spec.activity?.slug);
  const when = spec.activity ? `Buổi phát ${formatDateVi(spec.activity.date)}` : quarterLabel(spec.quarter);
  const unknown = new Set<string>();
  for (const text of [opening, closing, ...spec.items]) {
    for (const p of text?.paragraphs ?? []) for (const word of speaker.unknownAbbreviations(p)) unknown.add(word);
  }
  return {
    kind: spec.kind,
    quarter: spec.quarter,
    quarterSlug: qSlug,
    ward: spec.ward,
    activity: spec.activity,
    title: `Phường ${spec.ward.name} · ${when}`,
    url: paths.page,
    textUrl: paths.text,
    opening,
    closing,
    items: spec.items,
    seconds,
    slotSeconds,
    fits: seconds <= slotSeconds,
    parts: splitIntoBroadcasts(spec.items.map((i) => i.seconds), frameSeconds, slotSeconds),
    unknownAbbreviations: [...unknown].sort(),
  };
}

/** True when an exemplar names the loudspeaker channel. */
export function namesLoudspeaker(entry: ExemplarEntry): boolean {
  return entry.data.channels.includes(LOUDSPEAKER_CHANNEL);
}

/** True when an activity schedules a loudspeaker broadcast of exemplars. */
export function schedulesBroadcast(activity: ActivityEntry): boolean {
  return activity.data.channel === LOUDSPEAKER_CHANNEL && (activity.data.exemplars?.length ?? 0) > 0;
}

/**
 * Every script of a content model, grouped by quarter (oldest first). A ward gets a quarter script
 * when it has items that quarter: its own exemplars (the exemplar's `ward`, else its unit's ward)
 * plus district-wide ones. An activity on the loudspeaker channel naming exemplars adds a broadcast
 * script for its ward (for every ward when it names none), timed against its `durationMinutes`
 * when given, else the slot of site.yaml.
 */
export function buildScripts(model: ContentModel): QuarterScripts[] {
  const site = model.site;
  const speaker = createSpeaker(site.loudspeaker.abbreviations);
  const readItem = createItemReader(site);
  const wards = site.wards.map((w) => ({ id: w.id, name: w.name }));
  const byQuarter = new Map<string, { quarter: Quarter; items: ScriptItem[]; broadcasts: Script[] }>();
  const bucket = (q: Quarter) => {
    const key = quarterSlug(q);
    let b = byQuarter.get(key);
    if (!b) byQuarter.set(key, (b = { quarter: q, items: [], broadcasts: [] }));
    return b;
  };

  for (const entry of model.exemplars) {
    if (namesLoudspeaker(entry)) bucket(quarterOf(entry.data.date)).items.push(readItem(entry));
  }

  const exemplarsBySlug = new Map(model.exemplars.map((e) => [e.slug, e]));
  for (const activity of model.activities) {
    if (!schedulesBroadcast(activity)) continue;
    const quarter = quarterOf(activity.data.date);
    const items = (activity.data.exemplars ?? []).flatMap((slug) => {
      const entry = exemplarsBySlug.get(slug);
      return entry ? [readItem(entry)] : [];
    });
    if (items.length === 0) continue;
    const targets = activity.data.ward ? wards.filter((w) => w.id === activity.data.ward) : wards;
    const info = { slug: activity.slug, title: activity.data.title, file: activity.file, date: isoDate(vietnamDate(activity.data.date)) };
    for (const ward of targets) {
      bucket(quarter).broadcasts.push(
        assemble({ kind: "broadcast", quarter, ward, items, slotMinutes: activity.data.durationMinutes ?? site.loudspeaker.slotMinutes, activity: info }, site, speaker),
      );
    }
  }

  const wardOrder = new Map(wards.map((w, i) => [w.id, i]));
  return [...byQuarter.values()]
    .sort((a, b) => compareQuarters(a.quarter, b.quarter))
    .map(({ quarter, items, broadcasts }) => {
      const scripts = wards.flatMap((ward) => {
        const own = items.filter((i) => i.ward === undefined || i.ward === ward.id).sort(compareItems);
        return own.length ? [assemble({ kind: "quarter", quarter, ward, items: own, slotMinutes: site.loudspeaker.slotMinutes }, site, speaker)] : [];
      });
      broadcasts.sort(
        (a, b) =>
          (wardOrder.get(a.ward.id) ?? 0) - (wardOrder.get(b.ward.id) ?? 0) ||
          ((a.activity?.date ?? "") < (b.activity?.date ?? "") ? -1 : 1),
      );
      const slug = quarterSlug(quarter);
      return { quarter, slug, label: quarterLabel(quarter), url: loudspeakerQuarterPath(quarter), scripts, broadcasts };
    });
}
