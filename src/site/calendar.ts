// iCalendar (RFC 5545) for anniversaries (yearly events) and activities: CRLF lines, folded at 75 octets, UTC times.
import { escapeICalText, foldICalLine } from "../render/escape.ts";

export interface CalendarEvent {
  uid: string;
  summary: string;
  description?: string;
  url?: string;
  location?: string;
  /** All-day event on this ISO date, or a timed event at this instant. */
  start: { date: string } | { instant: Date };
  durationMinutes?: number;
  yearly?: boolean;
}

const compactDate = (iso: string) => iso.replace(/-/g, "");
const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function toICalendar(name: string, events: readonly CalendarEvent[], now: Date): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Guong Sang//Lich dien hinh//VI",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeICalText(name)}`,
    "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
  ];
  for (const e of events) {
    lines.push("BEGIN:VEVENT", `UID:${escapeICalText(e.uid)}`, `DTSTAMP:${utcStamp(now)}`);
    if ("date" in e.start) {
      lines.push(`DTSTART;VALUE=DATE:${compactDate(e.start.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(e.start.date, 1))}`);
    } else {
      lines.push(`DTSTART:${utcStamp(e.start.instant)}`);
      if (e.durationMinutes) lines.push(`DTEND:${utcStamp(new Date(e.start.instant.getTime() + e.durationMinutes * 60_000))}`);
    }
    if (e.yearly) lines.push("RRULE:FREQ=YEARLY", "TRANSP:TRANSPARENT");
    lines.push(`SUMMARY:${escapeICalText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeICalText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeICalText(e.location)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldICalLine).join("\r\n") + "\r\n";
}
