// Names people read in reports: catalogue names from site.yaml, enum labels and field titles from the schemas.
import type { SiteConfig } from "../content/model.ts";
import { EXEMPLAR_KINDS } from "../content/labels.ts";

// Field titles and type names come from the one labels module; reports import them from here with the rest.
export { fieldTitle, typeTitle } from "../content/labels.ts";

/** The exemplar kinds, in the schema's enum order (test/content/labels.test.ts: the x-labels keep that order). */
export function exemplarKinds(): string[] {
  return EXEMPLAR_KINDS.map((k) => k.id);
}

export interface ReportLabels {
  kinds: Record<string, string>;
  units: Record<string, string>;
  wards: Record<string, string>;
  fields: Record<string, string>;
  channels: Record<string, string>;
  activityTypes: Record<string, string>;
  anniversaries: Record<string, string>;
}

const names = (list: readonly { id: string; name: string }[]): Record<string, string> =>
  Object.fromEntries(list.map((x) => [x.id, x.name]));

/** Every id → name map a report needs, from site.yaml and the exemplar schema's x-labels. */
export function reportLabels(site: SiteConfig): ReportLabels {
  return {
    kinds: names(EXEMPLAR_KINDS),
    units: names(site.units),
    wards: names(site.wards),
    fields: names(site.fields),
    channels: names(site.channels),
    activityTypes: names(site.activityTypes),
    anniversaries: names(site.anniversaries),
  };
}
