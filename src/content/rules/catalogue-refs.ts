// unit-unknown, ward-unknown, field-unknown, channel-unknown, activity-type-unknown, occasion-unknown: every id a file names is declared in site.yaml.
import type { ContentType } from "../model.ts";
import type { LocalFinding } from "../parse.ts";
import { escapePointer } from "../yaml.ts";
import { unknownIdMessage } from "./messages.ts";
import { perDocuments, str, strList, type Rule, type SiteCatalogues } from "./context.ts";

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

/** The content types that name catalogue ids, in the order their findings are listed. */
const DOCUMENT_TYPES = [...new Set(CATALOGUE_REFERENCES.map((ref) => ref.type))];

export const catalogueRefs: Rule = (ctx) => {
  const catalogues = ctx.catalogues;
  if (!catalogues) return [];
  const knownSets = new Map(CATALOGUE_REFERENCES.map((ref) => [ref.catalogue, new Set(catalogues[ref.catalogue])]));
  // The ids a document names depend on it and site.yaml alone: checked once per parsed document.
  const out: LocalFinding[] = DOCUMENT_TYPES.flatMap((type) => {
    const refs = CATALOGUE_REFERENCES.filter((ref) => ref.type === type);
    return perDocuments(ctx, "catalogue-refs", ctx.byType[type], (doc) =>
      refs.flatMap((ref) => {
        const known = catalogues[ref.catalogue];
        const knownSet = knownSets.get(ref.catalogue) as Set<string>;
        const values = ref.list ? strList(doc, ref.key) : [{ value: str(doc, ref.key), index: -1 }];
        // A value that is not even shaped like an id already has its schema-pattern error.
        return values.flatMap(({ value, index }) => {
          if (value === undefined || knownSet.has(value) || !ID_RE.test(value)) return [];
          const segments = index < 0 ? [ref.key] : [ref.key, String(index)];
          const pointer = `/${segments.map(escapePointer).join("/")}`;
          return [ctx.at(doc, pointer, ref.rule, unknownIdMessage(ctx.label(ref.type, segments), value, known, `site.yaml (mục ${ref.catalogue})`))];
        });
      }),
    );
  });
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
