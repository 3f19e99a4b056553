// unit-unknown, ward-unknown, field-unknown, channel-unknown, activity-type-unknown, occasion-unknown: every id a file names is declared in site.yaml.
import type { ContentType } from "../model.ts";
import type { LocalFinding } from "../parse.ts";
import { escapePointer } from "../yaml.ts";
import { unknownIdMessage } from "./messages.ts";
import { str, strList, wanted, type Rule, type SiteCatalogues } from "./context.ts";

interface Reference {
  type: ContentType;
  key: string;
  list: boolean;
  catalogue: keyof SiteCatalogues;
  rule: string;
}

/** Which front-matter keys point into which site.yaml catalogue. */
export const CATALOGUE_REFERENCES: readonly Reference[] = [
  { type: "exemplar", key: "unit", list: false, catalogue: "units", rule: "unit-unknown" },
  { type: "exemplar", key: "ward", list: false, catalogue: "wards", rule: "ward-unknown" },
  { type: "exemplar", key: "field", list: false, catalogue: "fields", rule: "field-unknown" },
  { type: "exemplar", key: "channels", list: true, catalogue: "channels", rule: "channel-unknown" },
  { type: "activity", key: "unit", list: false, catalogue: "units", rule: "unit-unknown" },
  { type: "activity", key: "ward", list: false, catalogue: "wards", rule: "ward-unknown" },
  { type: "activity", key: "channel", list: false, catalogue: "channels", rule: "channel-unknown" },
  { type: "activity", key: "type", list: false, catalogue: "activityTypes", rule: "activity-type-unknown" },
  { type: "activity", key: "occasion", list: false, catalogue: "anniversaries", rule: "occasion-unknown" },
  { type: "plan", key: "unit", list: false, catalogue: "units", rule: "unit-unknown" },
];

const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const catalogueRefs: Rule = (ctx) => {
  const catalogues = ctx.catalogues;
  if (!catalogues) return [];
  const out: LocalFinding[] = [];
  for (const ref of CATALOGUE_REFERENCES) {
    const known = catalogues[ref.catalogue];
    const knownSet = new Set(known);
    for (const doc of wanted(ctx, ctx.byType[ref.type])) {
      const values = ref.list ? strList(doc, ref.key) : [{ value: str(doc, ref.key), index: -1 }];
      for (const { value, index } of values) {
        // A value that is not even shaped like an id already has its schema-pattern error.
        if (value === undefined || knownSet.has(value) || !ID_RE.test(value)) continue;
        const segments = index < 0 ? [ref.key] : [ref.key, String(index)];
        const pointer = `/${segments.map(escapePointer).join("/")}`;
        out.push(ctx.at(doc, pointer, ref.rule, unknownIdMessage(ctx.label(ref.type, segments), value, known, `site.yaml (mục ${ref.catalogue})`)));
      }
    }
  }
  // Units may name the ward they sit in: that must resolve too.
  const site = ctx.site;
  const units = site?.data?.units;
  if (site && Array.isArray(units)) {
    units.forEach((unit, index) => {
      const ward = (unit as { ward?: unknown })?.ward;
      if (typeof ward === "string" && ID_RE.test(ward) && !catalogues.wards.includes(ward)) {
        out.push(ctx.at(site, `/units/${index}/ward`, "ward-unknown", unknownIdMessage(ctx.label("site", ["units", String(index), "ward"]), ward, catalogues.wards, "mục wards")));
      }
    });
  }
  return out;
};
