// Names people read in reports: catalogue names from site.yaml and enum labels from the schemas' x-labels.
import type { SiteConfig } from "../content/model.ts";
import { schemaAt, schemaSet } from "../content/schemas.ts";

/** The exemplar kinds, in the schema's order. */
export function exemplarKinds(): string[] {
  return (schemaAt("exemplar", ["kind"])?.enum ?? []).map(String);
}

/** Vietnamese labels of the exemplar kinds (x-labels of `kind`). */
export function exemplarKindLabels(): Record<string, string> {
  return { ...(schemaAt("exemplar", ["kind"])?.["x-labels"] ?? {}) };
}

/** A schema field's Vietnamese title, e.g. `unit` → "Đơn vị đề xuất". */
export function fieldTitle(kind: "exemplar" | "activity", field: string): string {
  return schemaAt(kind, [field])?.title ?? field;
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

/** Every id → name map a report needs, from site.yaml and the exemplar schema. */
export function reportLabels(site: SiteConfig): ReportLabels {
  return {
    kinds: exemplarKindLabels(),
    units: names(site.units),
    wards: names(site.wards),
    fields: names(site.fields),
    channels: names(site.channels),
    activityTypes: names(site.activityTypes),
    anniversaries: names(site.anniversaries),
  };
}

/** A content type's Vietnamese name, the title of its schema ("Điển hình", "Hoạt động"…). */
export function typeTitle(kind: "exemplar" | "activity" | "plan" | "bulletin"): string {
  return schemaSet().root(kind).title ?? kind;
}
