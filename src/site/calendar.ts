// iCalendar (RFC 5545) for anniversaries (yearly events) and activities: CRLF lines, folded at 75 octets, UTC times.

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

/** Escapes TEXT values: backslash, semicolon, comma and newlines. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line so no line exceeds 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with one space
    if (bytes + size > limit) {
      out.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
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
    `X-WR-CALNAME:${escapeText(name)}`,
    "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
  ];
  for (const e of events) {
    lines.push("BEGIN:VEVENT", `UID:${e.uid}`, `DTSTAMP:${utcStamp(now)}`);
    if ("date" in e.start) {
      lines.push(`DTSTART;VALUE=DATE:${compactDate(e.start.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(e.start.date, 1))}`);
    } else {
      lines.push(`DTSTART:${utcStamp(e.start.instant)}`);
      if (e.durationMinutes) lines.push(`DTEND:${utcStamp(new Date(e.start.instant.getTime() + e.durationMinutes * 60_000))}`);
    }
    if (e.yearly) lines.push("RRULE:FREQ=YEARLY", "TRANSP:TRANSPARENT");
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
