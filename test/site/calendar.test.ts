// iCalendar output: CRLF, lines folded at 75 octets without splitting a character, escaping, yearly anniversaries.
import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { toICalendar } from "../../src/site/calendar.ts";

describe("toICalendar", () => {
  const ics = toICalendar(
    "Lịch thử",
    [
      { uid: "a@x", summary: "Ngày sinh Chủ tịch Hồ Chí Minh", start: { date: "1890-05-19" }, yearly: true },
      { uid: "b@x", summary: "Giao lưu; tọa đàm, trao đổi", start: { instant: new Date("2019-05-19T08:00:00+07:00") }, durationMinutes: 90, location: "Nhà văn hóa" },
    ],
    new Date("2019-04-01T00:00:00Z"),
  );
  it("uses CRLF everywhere and ends with one", () => {
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });
  it("writes anniversaries as yearly all-day events and activities in UTC", () => {
    expect(ics).toContain("BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20190401T000000Z\r\nDTSTART;VALUE=DATE:18900519\r\nDTEND;VALUE=DATE:18900520\r\nRRULE:FREQ=YEARLY\r\n");
    expect(ics).toContain("DTSTART:20190519T010000Z\r\nDTEND:20190519T023000Z\r\n");
    expect(ics).toContain("SUMMARY:Giao lưu\\; tọa đàm\\, trao đổi\r\n");
  });
  it("keeps a carriage return, a line feed or a control character in a title inside its one property", () => {
    const forged = toICalendar(
      "Lịch thử",
      [{ uid: "c@x", summary: "Họp\rEND:VEVENT\nBEGIN:VEVENT\r\nSUMMARY:giả\u0007", description: "a\\b;c,d", start: { date: "2019-05-19" } }],
      new Date("2019-04-01T00:00:00Z"),
    );
    const events = new ICAL.Component(ICAL.parse(forged)).getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue("summary")).toBe("Họp\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:giả\uFFFD");
    expect(events[0]!.getFirstPropertyValue("description")).toBe("a\\b;c,d");
  });
});
