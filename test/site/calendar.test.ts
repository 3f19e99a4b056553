// iCalendar output: CRLF, lines folded at 75 octets without splitting a character, escaping, yearly anniversaries.
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, toICalendar } from "../../src/site/calendar.ts";

describe("foldLine", () => {
  it("folds at 75 octets, continuation lines starting with a space, never inside a UTF-8 character", () => {
    const line = "SUMMARY:" + "Giao lưu điển hình tiêu biểu chào mừng Ngày sinh Chủ tịch Hồ Chí Minh ".repeat(3);
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, p] of parts.entries()) {
      expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(" ")).toBe(true);
    }
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
  });
});

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
  it("escapes text values", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });
});
