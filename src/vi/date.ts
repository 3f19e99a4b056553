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
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** True for a date-time with an explicit offset whose date and time parts are real. */
export function isDateTimeWithOffset(text: string): boolean {
  const m = DATE_TIME_RE.exec(text);
  if (!m) return false;
  if (!parseCalendarDate(`${m[1]}-${m[2]}-${m[3]}`)) return false;
  return Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60;
}

const vietnamParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Vietnam of an instant. */
export function vietnamDateOfInstant(instant: Date): CalendarDate {
  const parts = Object.fromEntries(vietnamParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
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
  const plain = parseCalendarDate(text);
  if (plain) return plain;
  if (isDateTimeWithOffset(text)) return vietnamDateOfInstant(new Date(text));
  throw new RangeError(`Not a content date: ${text}`);
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

/** Compares two content dates by their Vietnamese calendar date (then by instant when both have times). */
export function compareContentDates(a: string, b: string): number {
  const da = isoDate(vietnamDate(a));
  const db = isoDate(vietnamDate(b));
  if (da !== db) return da < db ? -1 : 1;
  const ta = isDateTimeWithOffset(a) ? Date.parse(a) : 0;
  const tb = isDateTimeWithOffset(b) ? Date.parse(b) : 0;
  return ta - tb;
}
