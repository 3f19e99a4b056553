// City figures: each quarter and year summed over the sources that published it, each source's own figures beside,
// the sources with nothing for the period, and the JSON in the contract's quarter shape plus `sources`/`unreadable`.
import { parseQuarter, quarterEnd, quarterStart } from "../vi/quarter.ts";
import type { QuarterExport, SourceOutcome } from "./model.ts";

/** One source's line in a period's table. */
export interface SourceRow {
  id: string;
  name: string;
  ok: boolean;
  /** The source published figures for this period (a year: at least one of its quarters). */
  published: boolean;
  figures: QuarterExport;
}

export interface CityPeriod {
  /** "2019-Q1" or "2019". */
  period: string;
  from: string;
  to: string;
  summed: QuarterExport;
  rows: SourceRow[];
  /** Sources with figures that proposed no exemplar in the period, or published nothing for it. */
  withoutExemplars: string[];
}

function emptyFigures(period: string, from: string, to: string): QuarterExport {
  return {
    period,
    from,
    to,
    exemplars: { total: 0, byKind: {}, byUnit: {}, byWard: {}, byField: {}, slugs: [] },
    activities: { total: 0, byType: {}, byChannel: {}, slugs: [] },
    plans: { total: 0, slugs: [] },
    bulletins: { total: 0, ids: [] },
    unitsWithoutExemplars: [],
  };
}

function addMap(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
}

/** `a + b` for one source (a year from its quarters); ids stay the source's own. */
function addFigures(into: QuarterExport, q: QuarterExport, prefix = ""): void {
  into.exemplars.total += q.exemplars.total;
  addMap(into.exemplars.byKind, q.exemplars.byKind);
  addMap(into.exemplars.byWard, q.exemplars.byWard);
  addMap(into.exemplars.byField, q.exemplars.byField);
  into.exemplars.slugs.push(...q.exemplars.slugs.map((s) => prefix + s));
  into.activities.total += q.activities.total;
  addMap(into.activities.byType, q.activities.byType);
  addMap(into.activities.byChannel, q.activities.byChannel);
  into.activities.slugs.push(...q.activities.slugs.map((s) => prefix + s));
  into.plans.total += q.plans.total;
  into.plans.slugs.push(...q.plans.slugs.map((s) => prefix + s));
  into.bulletins.total += q.bulletins.total;
  into.bulletins.ids.push(...q.bulletins.ids.map((s) => prefix + s));
}

function yearOf(period: string): string {
  return period.slice(0, 4);
}

/** Every quarter any source published, oldest first, and every year they fall in. */
export function cityPeriods(outcomes: readonly SourceOutcome[]): { quarters: string[]; years: string[] } {
  const quarters = new Set<string>();
  for (const o of outcomes) for (const q of o.snapshot?.quarters ?? []) quarters.add(q.period);
  const sorted = [...quarters].sort();
  return { quarters: sorted, years: [...new Set(sorted.map(yearOf))] };
}

function quarterBounds(period: string): { from: string; to: string } {
  const q = parseQuarter(period);
  if (!q) throw new RangeError(`Not a quarter: ${period}`);
  return { from: quarterStart(q), to: quarterEnd(q) };
}

/**
 * The city figures of one period. `quarters` picks the periods of a source that count (one quarter, or a year's
 * quarters). Sources without data (unreadable, no copy) are left out: they are listed as unreadable instead.
 */
function cityPeriod(period: string, from: string, to: string, outcomes: readonly SourceOutcome[], counts: (q: QuarterExport) => boolean): CityPeriod {
  const summed = emptyFigures(period, from, to);
  const rows: SourceRow[] = [];
  for (const o of outcomes) {
    if (!o.snapshot) continue;
    const own = emptyFigures(period, from, to);
    const mine = o.snapshot.quarters.filter(counts);
    for (const q of mine) addFigures(own, q);
    addFigures(summed, own, `${o.id}/`);
    summed.exemplars.byUnit[o.id] = own.exemplars.total;
    rows.push({ id: o.id, name: o.name, ok: o.ok, published: mine.length > 0, figures: own });
  }
  const withoutExemplars = rows.filter((r) => r.figures.exemplars.total === 0).map((r) => r.id);
  summed.unitsWithoutExemplars = withoutExemplars;
  return { period, from, to, summed, rows, withoutExemplars };
}

export function cityQuarter(period: string, outcomes: readonly SourceOutcome[]): CityPeriod {
  const { from, to } = quarterBounds(period);
  return cityPeriod(period, from, to, outcomes, (q) => q.period === period);
}

export function cityYear(year: string, outcomes: readonly SourceOutcome[]): CityPeriod & { quarters: CityPeriod[] } {
  const base = cityPeriod(year, `${year}-01-01`, `${year}-12-31`, outcomes, (q) => yearOf(q.period) === year);
  return { ...base, quarters: [1, 2, 3, 4].map((n) => cityQuarter(`${year}-Q${n}`, outcomes)) };
}

/** The contract's keys in the contract's order. */
function shaped(d: QuarterExport): QuarterExport {
  return {
    period: d.period,
    from: d.from,
    to: d.to,
    exemplars: { ...d.exemplars },
    activities: { ...d.activities },
    plans: { ...d.plans },
    bulletins: { ...d.bulletins },
    unitsWithoutExemplars: d.unitsWithoutExemplars,
  };
}

/** `/bao-cao/<yyyy>-q<n>.json` of the city section: the quarter shape summed, plus `sources` and `unreadable`. */
export function cityQuarterJson(p: CityPeriod, outcomes: readonly SourceOutcome[]): string {
  const sources: Record<string, unknown> = {};
  for (const o of outcomes) {
    const row = p.rows.find((r) => r.id === o.id);
    sources[o.id] = {
      name: o.name,
      exemplars: { total: row?.figures.exemplars.total ?? 0 },
      ok: o.ok,
      published: row?.published ?? false,
      ...(!o.ok && o.snapshot ? { copyOf: o.snapshot.readAt } : {}),
    };
  }
  const unreadable = outcomes.filter((o) => !o.ok).map((o) => ({ id: o.id, why: o.why ?? "không rõ" }));
  return `${JSON.stringify({ ...shaped(p.summed), sources, unreadable }, null, 2)}\n`;
}

/** `/bao-cao/<yyyy>.json` of the city section: the year's sums plus its four quarters, as a unit's year file. */
export function cityYearJson(y: CityPeriod & { quarters: CityPeriod[] }): string {
  return `${JSON.stringify({ ...shaped(y.summed), quarters: y.quarters.map((q) => shaped(q.summed)) }, null, 2)}\n`;
}
