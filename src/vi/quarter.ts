// Quarter arithmetic: the quarter of a content date is the quarter of its calendar date in Vietnam.
import { type CalendarDate, daysInMonth, isoDate, todayInVietnam, vietnamDate } from "./date.ts";

export interface Quarter {
  year: number;
  /** 1 to 4. */
  quarter: number;
}

/** The quarter of a content date (`YYYY-MM-DD` or a date-time with an offset). */
export function quarterOf(date: string | CalendarDate): Quarter {
  const d = typeof date === "string" ? vietnamDate(date) : date;
  return { year: d.year, quarter: Math.floor((d.month - 1) / 3) + 1 };
}

/** "2018-Q4", the period id used in report data. */
export function quarterId(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

/** "2018-q4", the URL slug used under /bao-cao/ and /loa/. */
export function quarterSlug(q: Quarter): string {
  return `${q.year}-q${q.quarter}`;
}

/** Parses "2018-Q4" or "2018-q4". */
export function parseQuarter(text: string): Quarter | undefined {
  const m = /^(\d{4})-[qQ]([1-4])$/.exec(text);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : undefined;
}

/** "Quý IV năm 2018". */
export function quarterLabel(q: Quarter): string {
  return `Quý ${["I", "II", "III", "IV"][q.quarter - 1]} năm ${q.year}`;
}

export function quarterStart(q: Quarter): string {
  return isoDate({ year: q.year, month: (q.quarter - 1) * 3 + 1, day: 1 });
}

export function quarterEnd(q: Quarter): string {
  const month = q.quarter * 3;
  return isoDate({ year: q.year, month, day: daysInMonth(q.year, month) });
}

export function addQuarters(q: Quarter, n: number): Quarter {
  const index = q.year * 4 + (q.quarter - 1) + n;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year - b.year || a.quarter - b.quarter;
}

export function sameQuarter(a: Quarter, b: Quarter): boolean {
  return compareQuarters(a, b) === 0;
}

/** The current quarter in Vietnam. */
export function currentQuarter(now: Date = new Date()): Quarter {
  return quarterOf(todayInVietnam(now));
}

/** "IV", the Roman numeral Party documents use for a quarter ("quý IV năm 2018"). */
export function romanQuarter(q: Quarter): string {
  return ["I", "II", "III", "IV"][q.quarter - 1] ?? String(q.quarter);
}

/** The four quarters of a year, in order. */
export function quartersOfYear(year: number): Quarter[] {
  return [1, 2, 3, 4].map((quarter) => ({ year, quarter }));
}

/** True when a content date falls in the quarter (by its calendar date in Vietnam). */
export function quarterContains(q: Quarter, date: string): boolean {
  return sameQuarter(quarterOf(date), q);
}
