// Quarter and year figures from the content model: the /bao-cao/ JSON shape plus what the report pages show.
import type { ActivityEntry, BulletinEntry, ContentModel, Entry, ExemplarEntry, PlanEntry, SiteConfig } from "../content/model.ts";
import { isDateTimeWithOffset, isoDate, monthDayIn, vietnamDate } from "../vi/date.ts";
import {
  type Quarter,
  addQuarters,
  compareQuarters,
  currentQuarter,
  parseQuarter,
  quarterEnd,
  quarterId,
  quarterOf,
  quarterStart,
  quartersOfYear,
} from "../vi/quarter.ts";
import { exemplarKinds } from "./labels.ts";

/** `/bao-cao/<yyyy>-q<n>.json`, exactly the shape in docs/contracts.md (key order is part of it). */
export interface PeriodData {
  period: string;
  from: string;
  to: string;
  exemplars: {
    total: number;
    byKind: Record<string, number>;
    byUnit: Record<string, number>;
    byWard: Record<string, number>;
    byField: Record<string, number>;
    slugs: string[];
  };
  activities: { total: number; byType: Record<string, number>; byChannel: Record<string, number>; slugs: string[] };
  plans: { total: number; slugs: string[] };
  bulletins: { total: number; ids: string[] };
  unitsWithoutExemplars: string[];
}

/** The published entries of one period, each list sorted by date then slug. */
export interface PeriodEntries {
  exemplars: ExemplarEntry[];
  activities: ActivityEntry[];
  plans: PlanEntry[];
  bulletins: BulletinEntry[];
}

export interface Totals {
  exemplars: number;
  activities: number;
  plans: number;
  bulletins: number;
}

export interface Comparison {
  /** "2019-Q1" or "2018". */
  period: string;
  totals: Totals;
  /** This period's totals minus that period's. */
  change: Totals;
}

/** An exchange event, talk or broadcast held on an anniversary. */
export interface OccasionEvent {
  slug: string;
  title: string;
  date: string;
  type: string;
  unit: string;
  anniversary: string;
  participants?: number;
}

export interface AnniversaryDate {
  id: string;
  name: string;
  /** The calendar date it falls on that year, `YYYY-MM-DD`. */
  date: string;
  /** How many years since `since` (the 89th anniversary), when site.yaml gives `since`. */
  ordinal?: number;
}

export interface UnitFollowUp {
  unit: string;
  /** Activities the unit held in the period (it may be active without proposing an exemplar). */
  activities: number;
  /** Date of the unit's latest exemplar before the period ended, if any. */
  lastExemplar?: string;
}

/** What a quarter's or a year's page shows beyond the JSON. */
export interface PeriodReport {
  data: PeriodData;
  entries: PeriodEntries;
  /** Exemplars by the channels they were published on (one exemplar may count in several). */
  exemplarsByChannel: Record<string, number>;
  /** Activities by channel, then by ward (loudspeaker broadcasts per ward, portal postings…). */
  activitiesByChannelAndWard: Record<string, Record<string, number>>;
  /** Activities that name no ward, by channel. */
  activitiesWithoutWard: Record<string, number>;
  occasions: OccasionEvent[];
  followUp: UnitFollowUp[];
  previous: Comparison;
  yearAgo?: Comparison;
  /** Anniversaries that fall in the next period (quarter or year), in date order. */
  nextAnniversaries: AnniversaryDate[];
}

export interface QuarterReport extends PeriodReport {
  quarter: Quarter;
}

export interface YearReport extends PeriodReport {
  year: number;
  /** The year's four quarters, Q1 to Q4 (zeros for quarters without content). */
  quarters: PeriodData[];
}

/** Every report the site publishes, oldest first. */
export interface Reports {
  quarters: QuarterReport[];
  years: YearReport[];
}

function zeros(ids: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) out[id] = 0;
  return out;
}

/** Counts into a map created with every id; an id unknown to site.yaml (invalid content) is ignored. */
function bump(map: Record<string, number>, id: string | undefined): void {
  if (id !== undefined && Object.hasOwn(map, id)) map[id] = (map[id] as number) + 1;
}

function emptyEntries(): PeriodEntries {
  return { exemplars: [], activities: [], plans: [], bulletins: [] };
}

/** Sort key of a content date: its Hà Nội calendar date, then its instant when it has a time. */
function dateKey(date: string): { day: string; instant: number } {
  return { day: isoDate(vietnamDate(date)), instant: isDateTimeWithOffset(date) ? Date.parse(date) : 0 };
}

/**
 * Groups the published entries by quarter, once, each list by date then slug. Drafts never count,
 * even when the model holds them for a preview build. Each date is converted once (10,000 entries
 * sorted with a converting comparator cost seconds).
 */
export function entriesByQuarter(model: ContentModel): Map<string, PeriodEntries> {
  type Keyed = { entry: Entry; day: string; instant: number };
  const buckets = new Map<string, Record<keyof PeriodEntries, Keyed[]>>();
  const put = (key: keyof PeriodEntries, entry: Entry & { data: { date: string } }): void => {
    if (entry.draft) return;
    const k = dateKey(entry.data.date);
    const id = quarterId(quarterOf(k.day));
    let bucket = buckets.get(id);
    if (!bucket) buckets.set(id, (bucket = { exemplars: [], activities: [], plans: [], bulletins: [] }));
    bucket[key].push({ entry, ...k });
  };
  for (const e of model.exemplars) put("exemplars", e);
  for (const a of model.activities) put("activities", a);
  for (const p of model.plans) put("plans", p);
  for (const b of model.bulletins) put("bulletins", b);
  const byKey = (a: Keyed, b: Keyed): number =>
    a.day < b.day ? -1 : a.day > b.day ? 1 : a.instant - b.instant || (a.entry.slug < b.entry.slug ? -1 : a.entry.slug > b.entry.slug ? 1 : 0);
  const sorted = <T extends Entry>(list: Keyed[]): T[] => list.sort(byKey).map((k) => k.entry as T);
  const out = new Map<string, PeriodEntries>();
  for (const [id, b] of buckets) {
    out.set(id, { exemplars: sorted(b.exemplars), activities: sorted(b.activities), plans: sorted(b.plans), bulletins: sorted(b.bulletins) });
  }
  return out;
}

/** Consecutive periods joined, keeping date order (concat: spreading 10,000+ entries into push() can overflow the stack). */
function mergeEntries(parts: readonly PeriodEntries[]): PeriodEntries {
  return {
    exemplars: ([] as ExemplarEntry[]).concat(...parts.map((p) => p.exemplars)),
    activities: ([] as ActivityEntry[]).concat(...parts.map((p) => p.activities)),
    plans: ([] as PlanEntry[]).concat(...parts.map((p) => p.plans)),
    bulletins: ([] as BulletinEntry[]).concat(...parts.map((p) => p.bulletins)),
  };
}

/**
 * The contract figures of one period from its entries. An exemplar counts in its own `ward`, else
 * in the ward of its proposing unit when site.yaml places the unit in one ward, else in none.
 */
export function periodData(site: SiteConfig, period: string, from: string, to: string, entries: PeriodEntries): PeriodData {
  const units = site.units.map((u) => u.id);
  const byKind = zeros(exemplarKinds());
  const byUnit = zeros(units);
  const byWard = zeros(site.wards.map((w) => w.id));
  const byField = zeros(site.fields.map((f) => f.id));
  const unitWard = new Map(site.units.map((u) => [u.id, u.ward]));
  for (const e of entries.exemplars) {
    bump(byKind, e.data.kind);
    bump(byUnit, e.data.unit);
    bump(byWard, e.data.ward ?? unitWard.get(e.data.unit));
    bump(byField, e.data.field);
  }
  const byType = zeros(site.activityTypes.map((t) => t.id));
  const byChannel = zeros(site.channels.map((c) => c.id));
  for (const a of entries.activities) {
    bump(byType, a.data.type);
    bump(byChannel, a.data.channel);
  }
  return {
    period,
    from,
    to,
    exemplars: {
      total: entries.exemplars.length,
      byKind,
      byUnit,
      byWard,
      byField,
      slugs: entries.exemplars.map((e) => e.slug),
    },
    activities: { total: entries.activities.length, byType, byChannel, slugs: entries.activities.map((a) => a.slug) },
    plans: { total: entries.plans.length, slugs: entries.plans.map((p) => p.slug) },
    bulletins: { total: entries.bulletins.length, ids: entries.bulletins.map((b) => b.slug) },
    unitsWithoutExemplars: site.units.filter((u) => u.submits !== false && byUnit[u.id] === 0).map((u) => u.id),
  };
}

export function totalsOf(d: PeriodData): Totals {
  return { exemplars: d.exemplars.total, activities: d.activities.total, plans: d.plans.total, bulletins: d.bulletins.total };
}

function compare(current: PeriodData, other: PeriodData): Comparison {
  const a = totalsOf(current);
  const b = totalsOf(other);
  return {
    period: other.period,
    totals: b,
    change: { exemplars: a.exemplars - b.exemplars, activities: a.activities - b.activities, plans: a.plans - b.plans, bulletins: a.bulletins - b.bulletins },
  };
}

/** The date an anniversary (`MM-DD`) falls on in a year; 02-29 falls on 02-28 in other years. */
export function anniversaryOn(site: SiteConfig, id: string, year: number): AnniversaryDate | undefined {
  const a = site.anniversaries.find((x) => x.id === id);
  if (!a) return undefined;
  const date = isoDate(monthDayIn(a.date, year));
  return { id: a.id, name: a.name, date, ...(a.since !== undefined && year > a.since ? { ordinal: year - a.since } : {}) };
}

/** Anniversaries falling in a quarter, in date order. */
export function anniversariesIn(site: SiteConfig, q: Quarter): AnniversaryDate[] {
  const from = quarterStart(q);
  const to = quarterEnd(q);
  return site.anniversaries
    .map((a) => anniversaryOn(site, a.id, q.year) as AnniversaryDate)
    .filter((a) => a.date >= from && a.date <= to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

interface Index {
  site: SiteConfig;
  buckets: Map<string, PeriodEntries>;
  /** Each unit's published exemplar dates (Vietnamese calendar dates), ascending. */
  exemplarDatesByUnit: Map<string, string[]>;
  /** Figures already computed, by period id (a quarter is needed by itself, the next quarter, a year later and its year). */
  figures: Map<string, PeriodData>;
}

function buildIndex(model: ContentModel): Index {
  const exemplarDatesByUnit = new Map<string, string[]>();
  for (const e of model.exemplars) {
    if (e.draft) continue;
    const list = exemplarDatesByUnit.get(e.data.unit) ?? [];
    list.push(isoDate(vietnamDate(e.data.date)));
    exemplarDatesByUnit.set(e.data.unit, list);
  }
  for (const list of exemplarDatesByUnit.values()) list.sort();
  return { site: model.site, buckets: entriesByQuarter(model), exemplarDatesByUnit, figures: new Map() };
}

function lastOnOrBefore(sorted: readonly string[] | undefined, to: string): string | undefined {
  if (!sorted) return undefined;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) <= to) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}

function quarterEntries(index: Index, q: Quarter): PeriodEntries {
  return index.buckets.get(quarterId(q)) ?? emptyEntries();
}

function cached(index: Index, period: string, compute: () => PeriodData): PeriodData {
  let data = index.figures.get(period);
  if (!data) index.figures.set(period, (data = compute()));
  return data;
}

function quarterData(index: Index, q: Quarter): PeriodData {
  const id = quarterId(q);
  return cached(index, id, () => periodData(index.site, id, quarterStart(q), quarterEnd(q), quarterEntries(index, q)));
}

function yearEntries(index: Index, year: number): PeriodEntries {
  return mergeEntries(quartersOfYear(year).map((q) => quarterEntries(index, q)));
}

function yearData(index: Index, year: number): PeriodData {
  return cached(index, String(year), () => periodData(index.site, String(year), `${year}-01-01`, `${year}-12-31`, yearEntries(index, year)));
}

function details(index: Index, data: PeriodData, entries: PeriodEntries): Omit<PeriodReport, "previous" | "yearAgo" | "nextAnniversaries"> {
  const { site } = index;
  const exemplarsByChannel = zeros(site.channels.map((c) => c.id));
  for (const e of entries.exemplars) for (const c of e.data.channels) bump(exemplarsByChannel, c);
  const activitiesByChannelAndWard: Record<string, Record<string, number>> = {};
  const activitiesWithoutWard = zeros(site.channels.map((c) => c.id));
  for (const c of site.channels) activitiesByChannelAndWard[c.id] = zeros(site.wards.map((w) => w.id));
  const occasions: OccasionEvent[] = [];
  const activitiesByUnit = zeros(site.units.map((u) => u.id));
  for (const a of entries.activities) {
    bump(activitiesByUnit, a.data.unit);
    if (a.data.channel !== undefined) {
      const row = activitiesByChannelAndWard[a.data.channel];
      if (row) {
        if (a.data.ward !== undefined) bump(row, a.data.ward);
        else bump(activitiesWithoutWard, a.data.channel);
      }
    }
    if (a.data.occasion !== undefined && site.anniversaries.some((x) => x.id === a.data.occasion)) {
      occasions.push({
        slug: a.slug,
        title: a.data.title,
        date: a.data.date,
        type: a.data.type,
        unit: a.data.unit,
        anniversary: a.data.occasion,
        ...(a.data.participants !== undefined ? { participants: a.data.participants } : {}),
      });
    }
  }
  const followUp = data.unitsWithoutExemplars.map((unit) => {
    const last = lastOnOrBefore(index.exemplarDatesByUnit.get(unit), data.to);
    return { unit, activities: activitiesByUnit[unit] ?? 0, ...(last ? { lastExemplar: last } : {}) };
  });
  return { data, entries, exemplarsByChannel, activitiesByChannelAndWard, activitiesWithoutWard, occasions, followUp };
}

function quarterReport(index: Index, q: Quarter): QuarterReport {
  const data = quarterData(index, q);
  return {
    quarter: q,
    ...details(index, data, quarterEntries(index, q)),
    previous: compare(data, quarterData(index, addQuarters(q, -1))),
    yearAgo: compare(data, quarterData(index, addQuarters(q, -4))),
    nextAnniversaries: anniversariesIn(index.site, addQuarters(q, 1)),
  };
}

function yearReport(index: Index, year: number): YearReport {
  const data = yearData(index, year);
  return {
    year,
    ...details(index, data, yearEntries(index, year)),
    previous: compare(data, yearData(index, year - 1)),
    nextAnniversaries: quartersOfYear(year + 1).flatMap((q) => anniversariesIn(index.site, q)),
    quarters: quartersOfYear(year).map((q) => quarterData(index, q)),
  };
}

/** Every quarter with any published content, plus the current quarter (by the injected clock), oldest first. */
export function reportQuarters(model: ContentModel, now: Date): Quarter[] {
  return publishedQuarters(entriesByQuarter(model), now);
}

function publishedQuarters(buckets: Map<string, PeriodEntries>, now: Date): Quarter[] {
  const ids = new Set(buckets.keys());
  ids.add(quarterId(currentQuarter(now)));
  return [...ids].map((id) => parseQuarter(id) as Quarter).sort(compareQuarters);
}

/** Every quarter and year report for the site, computed from one pass over the model. */
export function buildReports(model: ContentModel, now: Date): Reports {
  const index = buildIndex(model);
  const quarters = publishedQuarters(index.buckets, now);
  const years = [...new Set(quarters.map((q) => q.year))];
  return { quarters: quarters.map((q) => quarterReport(index, q)), years: years.map((y) => yearReport(index, y)) };
}

/** The contract figures of one quarter, zeros when it has no content. */
export function quarterFigures(model: ContentModel, q: Quarter): PeriodData {
  return quarterData(buildIndex(model), q);
}
