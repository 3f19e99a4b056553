// Names people read in reports: catalogue names from site.yaml, enum labels and field titles from the schemas.
import type { SiteConfig } from "../content/model.ts";
import { schemaAt, schemaSet } from "../content/schemas.ts";
import { activityFieldTitle, EXEMPLAR_KINDS, exemplarFieldTitle } from "../content/labels.ts";

/** The exemplar kinds, in the schema's enum order. */
export function exemplarKinds(): string[] {
  return (schemaAt("exemplar", ["kind"])?.enum ?? []).map(String);
}

/** A schema field's Vietnamese title, e.g. exemplar `unit` → "Đơn vị đề xuất". */
export function fieldTitle(kind: "exemplar" | "activity", field: string): string {
  return kind === "exemplar" ? exemplarFieldTitle(field) : activityFieldTitle(field);
}

/** A content type's Vietnamese name, the title of its schema ("Điển hình", "Hoạt động"…). */
export function typeTitle(kind: "exemplar" | "activity" | "plan" | "bulletin"): string {
  return schemaSet().root(kind).title ?? kind;
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
