// /dien-hinh/chi-muc.json: a compact index the filter script reads to combine filters without reloading.
import type { SiteGlobals } from "../../globals.ts";
import type { PortalData } from "../../sections/portal.ts";
import { FILE_PATHS } from "../../../paths/paths.ts";

export const data = { permalink: FILE_PATHS.exemplarIndex, eleventyExcludeFromCollections: true };

export function render({ gs }: { gs: SiteGlobals }): string {
  const p = gs.section<PortalData>("portal");
  return JSON.stringify(
    p.exemplars.map((e) => ({
      u: gs.url(e.path),
      t: e.title,
      s: e.entry.data.subject.name,
      kind: e.kind.id,
      unit: e.unit.id,
      ward: e.ward?.id ?? "",
      field: e.field.id,
      year: String(e.year),
      kn: e.kind.name,
      un: e.unit.name,
      fn: e.field.name,
      d: e.entry.data.date,
      dt: e.dateText,
      dr: e.draft ? 1 : 0,
    })),
  );
}
