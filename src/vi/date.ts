// Calendar dates as Vietnamese readers know them, always in Asia/Ho_Chi_Minh whatever the machine's zone.

export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  // The proleptic Gregorian calendar, as Date counts it (test/vi/date.test.ts compares every month of years 0–2400).
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The offsets clocks use on Earth run from -12:00 to +14:00. */
export const MIN_OFFSET_MINUTES = -12 * 60;
export const MAX_OFFSET_MINUTES = 14 * 60;

/** Minutes east of UTC of an offset written `Z`, `+07:00`, `-05:30`; undefined when it is not a real one. */
export function offsetMinutes(offset: string): number | undefined {
  if (offset === "Z") return 0;
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  const signed = m[1] === "-" ? -minutes : minutes;
  if (Number(m[3]) >= 60 || signed < MIN_OFFSET_MINUTES || signed > MAX_OFFSET_MINUTES) return undefined;
  return signed;
}

/** The offset part of a date-time (`+07:00`, `Z`), or undefined. */
export function dateTimeOffset(text: string): string | undefined {
  return DATE_TIME_RE.exec(text)?.[7];
}

/** Parses `YYYY-MM-DD` into a real calendar date, or returns undefined (2019-02-30 is not one). */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== undefined;
}

/** True when `MM-DD` is a day some year has: 02-29 is one, 02-30 and 04-31 are not. */
export function isMonthDay(text: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [month, day] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

/**
 * The date a yearly `MM-DD` day falls on in a year. The rule for 29 February: in a year that is not
 * a leap year it is kept on 28 February.
 */
export function monthDayIn(monthDay: string, year: number): CalendarDate {
  const [month, day] = monthDay.split("-").map(Number) as [number, number];
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}

/** True for a date-time with an explicit offset whose date, time and offset are real. */
export function isDateTimeWithOffset(text: string): boolean {
  const m = DATE_TIME_RE.exec(text);
  if (!m) return false;
  if (!parseCalendarDate(`${m[1]}-${m[2]}-${m[3]}`)) return false;
  if (offsetMinutes(m[7] as string) === undefined) return false;
  return Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60 && !Number.isNaN(Date.parse(text));
}

const vietnamParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Vietnam of an instant. */
export function vietnamDateOfInstant(instant: Date): CalendarDate {
  const t = instant.getTime();
  const known = dayOfInstant.get(t);
  if (known) return { ...known };
  const parts = Object.fromEntries(vietnamParts.formatToParts(instant).map((p) => [p.type, p.value]));
  const day = { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
  remember(dayOfInstant, t, day);
  return { ...day };
}

/** Intl's time-zone lookup is the slow part of reading a date: each instant and each text is read once. */
const dayOfInstant = new Map<number, CalendarDate>();
const dayOfText = new Map<string, CalendarDate>();
function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= 200_000) map.clear();
  map.set(key, value);
}

/** The Vietnamese calendar date (`YYYY-MM-DD`) of a timestamp such as git's ISO dates; "" when it cannot be read. */
export function vietnamDayOfTimestamp(text: string): string {
  const t = Date.parse(text);
  return Number.isNaN(t) ? "" : isoDate(vietnamDateOfInstant(new Date(t)));
}

const vietnamClockParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: VIETNAM_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "08:30": the time of day in Vietnam of a content date-time; undefined for a plain date. */
export function vietnamClock(text: string): string | undefined {
  if (!/T\d{2}:\d{2}/.test(text)) return undefined;
  const parts = Object.fromEntries(vietnamClockParts.formatToParts(new Date(text)).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute}`;
}

/**
 * The Vietnamese calendar date of a content date: `YYYY-MM-DD` as written, or a date-time with
 * an offset converted to Asia/Ho_Chi_Minh (2018-12-31T20:00:00-05:00 is 2019-01-01 in Hà Nội).
 */
export function vietnamDate(text: string): CalendarDate {
  const known = dayOfText.get(text);
  if (known) return { ...known };
  const plain = parseCalendarDate(text);
  const day = plain ?? (isDateTimeWithOffset(text) ? vietnamDateOfInstant(new Date(text)) : undefined);
  if (!day) throw new RangeError(`Not a content date: ${text}`);
  remember(dayOfText, text, day);
  return { ...day };
}

export function isoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** "ngày 10 tháng 12 năm 2018", the form used in Party documents and on every page. */
export function formatDateVi(text: string | CalendarDate): string {
  const d = typeof text === "string" ? vietnamDate(text) : text;
  return `ngày ${d.day} tháng ${d.month} năm ${d.year}`;
}

/** "10/12/2018", for tables. */
export function formatDateShort(text: string | CalendarDate): string {
  const d = typeof text === "string" ? vietnamDate(text) : text;
  return `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}`;
}

/** Today's calendar date in Vietnam. */
export function todayInVietnam(now: Date = new Date()): CalendarDate {
  return vietnamDateOfInstant(now);
}

const dayKeys = new Map<string, string>();
/** `YYYY-MM-DD` of a content date, read once per text (sorting compares each date many times). */
function dayKey(text: string): string {
  let key = dayKeys.get(text);
  if (key === undefined) remember(dayKeys, text, (key = isoDate(vietnamDate(text))));
  return key;
}

/** Compares two content dates by their Vietnamese calendar date (then by instant when both have times). */
export function compareContentDates(a: string, b: string): number {
  const da = dayKey(a);
  const db = dayKey(b);
  if (da !== db) return da < db ? -1 : 1;
  const ta = isDateTimeWithOffset(a) ? Date.parse(a) : 0;
  const tb = isDateTimeWithOffset(b) ? Date.parse(b) : 0;
  return ta - tb;
}
