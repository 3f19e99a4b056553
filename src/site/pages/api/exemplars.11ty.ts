// /api/exemplars.json: every published exemplar's front matter and URL, for other tools.
import type { SiteGlobals } from "../../globals.ts";
import type { PortalData } from "../../sections/portal.ts";
import { FILE_PATHS } from "../../../paths/paths.ts";

export const data = { permalink: FILE_PATHS.exemplarsApi, eleventyExcludeFromCollections: true };

export function render({ gs }: { gs: SiteGlobals }): string {
  const p = gs.section<PortalData>("portal");
  const exemplars = p.exemplars
    .filter((e) => !e.draft)
    .map((e) => ({ slug: e.slug, url: gs.absoluteUrl(e.path), path: gs.url(e.path), file: e.entry.file, ...e.entry.data }));
  return JSON.stringify({ generated: gs.now.toISOString(), count: exemplars.length, exemplars }, null, 1);
}
