// /lich.ics: anniversaries as yearly all-day events, activities as all-day or timed (UTC) events.
import { toICalendar, type CalendarEvent } from "../../calendar.ts";
import type { SiteGlobals } from "../../globals.ts";
import type { PortalData } from "../../sections/portal.ts";
import { FILE_PATHS, SECTION_PATHS } from "../../../paths/paths.ts";

export const data = { permalink: FILE_PATHS.calendarIcs };

export function render({ gs }: { gs: SiteGlobals }): string {
  const p = gs.section<PortalData>("portal");
  const host = new URL(gs.site.baseUrl).host;
  const events: CalendarEvent[] = [
    ...p.anniversaries.map((a) => ({
      uid: `ky-niem-${a.id}@${host}`,
      summary: a.name,
      start: { date: `${a.since ?? a.next.slice(0, 4)}-${a.monthDay}` },
      yearly: true,
      url: gs.absoluteUrl(SECTION_PATHS.calendar),
    })),
    ...p.activities
      .filter((a) => !a.draft)
      .map((a) => {
        const d = a.entry.data;
        const timed = d.date.includes("T");
        return {
          uid: `hoat-dong-${a.slug}@${host}`,
          summary: a.title,
          description: [d.summary, `${a.type.name} · ${a.unit.name}`].filter(Boolean).join("\n"),
          location: d.place,
          start: timed ? { instant: new Date(d.date) } : { date: d.date },
          durationMinutes: d.durationMinutes,
          url: gs.absoluteUrl(a.path),
        };
      }),
  ];
  return toICalendar(gs.site.title, events, gs.now);
}
