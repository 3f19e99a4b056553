import { describe, expect, it } from "vitest";
import {
  daysInMonth,
  compareContentDates,
  formatDateShort,
  formatDateVi,
  isCalendarDate,
  isDateTimeWithOffset,
  parseCalendarDate,
  todayInVietnam,
  vietnamDate,
} from "../../src/vi/date.ts";

describe("calendar dates", () => {
  it("accepts real dates only", () => {
    expect(isCalendarDate("2019-02-28")).toBe(true);
    expect(isCalendarDate("2019-02-29")).toBe(false);
    expect(isCalendarDate("2020-02-29")).toBe(true);
    expect(isCalendarDate("2019-02-30")).toBe(false);
    expect(isCalendarDate("2019-13-01")).toBe(false);
    expect(isCalendarDate("2019-5-19")).toBe(false);
    expect(parseCalendarDate("2018-12-10")).toEqual({ year: 2018, month: 12, day: 10 });
  });
  it("accepts date-times with an explicit offset only", () => {
    expect(isDateTimeWithOffset("2019-05-19T08:00:00+07:00")).toBe(true);
    expect(isDateTimeWithOffset("2019-05-19T08:00+07:00")).toBe(true);
    expect(isDateTimeWithOffset("2019-05-19T08:00:00")).toBe(false);
    expect(isDateTimeWithOffset("2019-05-19T25:00:00+07:00")).toBe(false);
  });
});

describe("vietnamDate", () => {
  it("reads a plain date as written", () => {
    expect(vietnamDate("2018-12-31")).toEqual({ year: 2018, month: 12, day: 31 });
  });
  it("converts a date-time to the calendar date in Hà Nội", () => {
    expect(vietnamDate("2019-01-01T00:30:00+07:00")).toEqual({ year: 2019, month: 1, day: 1 });
    expect(vietnamDate("2018-12-31T20:00:00-05:00")).toEqual({ year: 2019, month: 1, day: 1 });
    expect(vietnamDate("2018-12-31T16:59:00Z")).toEqual({ year: 2018, month: 12, day: 31 });
    expect(vietnamDate("2018-12-31T17:00:00Z")).toEqual({ year: 2019, month: 1, day: 1 });
  });
  it("gives today's date in Vietnam for an instant late in the UTC day", () => {
    expect(todayInVietnam(new Date("2026-11-26T18:30:00Z"))).toEqual({ year: 2026, month: 11, day: 27 });
  });
});

describe("formatting", () => {
  it("writes dates as Party documents do", () => {
    expect(formatDateVi("2018-12-10")).toBe("ngày 10 tháng 12 năm 2018");
    expect(formatDateVi("2019-02-03")).toBe("ngày 3 tháng 2 năm 2019");
    expect(formatDateShort("2019-02-03")).toBe("03/02/2019");
  });
  it("orders content dates by their date in Vietnam", () => {
    expect(compareContentDates("2018-12-31T20:00:00-05:00", "2018-12-31")).toBeGreaterThan(0);
    expect(compareContentDates("2019-05-19T08:00:00+07:00", "2019-05-19T14:00:00+07:00")).toBeLessThan(0);
  });
});

describe("daysInMonth by arithmetic", () => {
  it("agrees with the proleptic Gregorian calendar of Date for every month of the years 0 to 2400", () => {
    const wrong: string[] = [];
    for (let year = 0; year <= 2400; year++) {
      for (let month = 1; month <= 12; month++) {
        const d = new Date(0);
        d.setUTCFullYear(year, month, 0);
        if (daysInMonth(year, month) !== d.getUTCDate()) wrong.push(`${year}-${month}`);
      }
    }
    expect(wrong).toEqual([]);
    expect([daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2024, 2), daysInMonth(2026, 2)]).toEqual([28, 29, 29, 28]);
  });

  it("reads the same date twice the same way, and a caller changing one copy changes nothing else", () => {
    const a = vietnamDate("2019-12-31T20:00:00+00:00");
    a.day = 99;
    expect(vietnamDate("2019-12-31T20:00:00+00:00")).toEqual({ year: 2020, month: 1, day: 1 });
  });
});
