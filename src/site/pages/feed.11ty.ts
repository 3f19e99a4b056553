// /feed.xml: Atom feed of the newest exemplars and plans.
import type { SiteGlobals } from "../globals.ts";
import { xml } from "../../render/html.ts";
import type { PortalData } from "../sections/portal.ts";
import { FILE_PATHS } from "../../paths/paths.ts";

export const data = { permalink: FILE_PATHS.feed };

/** Midnight in Hà Nội of a content date, as an RFC 3339 timestamp. */
function stamp(date: string): string {
  return date.includes("T") ? date : `${date}T00:00:00+07:00`;
}

export function render({ gs }: { gs: SiteGlobals }): string {
  const p = gs.section<PortalData>("portal");
  const items = [
    ...p.exemplars.filter((e) => !e.draft).map((e) => ({ path: e.path, title: e.title, date: e.entry.data.date, summary: e.entry.data.summary })),
    ...p.plans.filter((x) => !x.draft).map((x) => ({ path: x.path, title: `Kế hoạch số ${x.entry.data.number}: ${x.title}`, date: x.entry.data.date, summary: x.entry.data.summary ?? x.title })),
  ]
    .sort((a, b) => (stamp(b.date) < stamp(a.date) ? -1 : 1))
    .slice(0, 50);
  const updated = items[0] ? stamp(items[0].date) : gs.now.toISOString();
  return xml`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <title>${gs.site.title}</title>
  ${gs.site.description ? xml`<subtitle>${gs.site.description}</subtitle>` : ""}
  <id>${gs.absoluteUrl("/")}</id>
  <link rel="alternate" type="text/html" href="${gs.absoluteUrl("/")}"/>
  <link rel="self" type="application/atom+xml" href="${gs.absoluteUrl(FILE_PATHS.feed)}"/>
  <updated>${updated}</updated>
  <author><name>${gs.site.organisation.name}</name></author>
${items.map(
  (i) => xml`  <entry>
    <title>${i.title}</title>
    <id>${gs.absoluteUrl(i.path)}</id>
    <link rel="alternate" type="text/html" href="${gs.absoluteUrl(i.path)}"/>
    <updated>${stamp(i.date)}</updated>
    <summary>${i.summary}</summary>
  </entry>
`,
)}</feed>
`.value;
}
