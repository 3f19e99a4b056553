// The fields of a content type as authors fill them in, derived from its JSON Schema (titles, descriptions, enums, catalogues, conditions).
import type { ContentType } from "../content/model.ts";
import { resolveRef, SCHEMA_FILES, schemaSet, type SchemaNode } from "../content/schemas.ts";

export type FieldKind = "string" | "integer" | "number" | "boolean" | "object" | "string-list" | "object-list";

export interface FieldSpec {
  /** Dotted path, e.g. `subject.name`; also the `--flag` name. */
  path: string;
  key: string;
  title: string;
  description: string;
  kind: FieldKind;
  /** Required in the file (its parent objects are required too). */
  required: boolean;
  /** Listed as required by its object: required whenever that object is written (image.src). */
  requiredInObject: boolean;
  /** Required only when another field has a value (exemplar consent when kind is individual). */
  requiredWhen?: { path: string; value: string };
  /** Allowed values with their labels (`x-labels`). */
  enum?: { value: string; label: string }[];
  /** The site.yaml list whose ids this field takes (`units`, `channels`…). */
  catalogue?: string;
  format?: string;
  children?: FieldSpec[];
}

/** site.yaml lists a field can refer to, named in the schema descriptions as "(mục units)". */
const CATALOGUE_RE = /content\/site\.yaml \(mục (\w+)\)/;
const CATALOGUES = ["units", "wards", "fields", "channels", "activityTypes", "anniversaries"];

function catalogueOf(key: string, node: SchemaNode): string | undefined {
  const named = CATALOGUE_RE.exec(node.description ?? "")?.[1];
  if (named) return named;
  // "unit" in a plan refers to site.yaml without naming the list: its plural is the list.
  return node.description?.includes("content/site.yaml") && CATALOGUES.includes(`${key}s`) ? `${key}s` : undefined;
}

function kindOf(node: SchemaNode): FieldKind {
  const type = node.type ?? (node.anyOf?.every((b) => b.type === "string") ? "string" : undefined);
  if (type === "array") return node.items?.type === "object" || node.items?.properties ? "object-list" : "string-list";
  if (type === "object") return "object";
  if (type === "integer" || type === "number" || type === "boolean") return type;
  return "string";
}

/** Conditional requirements from `allOf: [{ if: {properties: {k: {const: v}}}, then: {required: [...] } }]`. */
function conditions(root: SchemaNode): Map<string, { path: string; value: string }> {
  const out = new Map<string, { path: string; value: string }>();
  for (const branch of root.allOf ?? []) {
    const [field, cond] = Object.entries(branch.if?.properties ?? {})[0] ?? [];
    if (!field || cond?.const === undefined) continue;
    const when = { path: field, value: String(cond.const) };
    for (const key of branch.then?.required ?? []) out.set(key, when);
    for (const [parent, sub] of Object.entries(branch.then?.properties ?? {})) {
      for (const key of sub.required ?? []) out.set(`${parent}.${key}`, when);
    }
  }
  return out;
}

function walk(node: SchemaNode, file: string, prefix: string, parentRequired: boolean, conds: Map<string, { path: string; value: string }>): FieldSpec[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([key, raw]) => {
    const { node: child, file: childFile } = resolveRef(raw, file);
    const path = prefix ? `${prefix}.${key}` : key;
    const kind = kindOf(child);
    const isRequired = required.has(key) && parentRequired;
    const spec: FieldSpec = {
      path,
      key,
      title: child.title ?? key,
      description: child.description ?? "",
      kind,
      required: isRequired,
      requiredInObject: required.has(key),
    };
    const when = conds.get(path);
    if (when && !isRequired) spec.requiredWhen = when;
    if (child.enum) {
      spec.enum = child.enum.map((v) => ({ value: String(v), label: child["x-labels"]?.[String(v)] ?? String(v) }));
    }
    const catalogue = catalogueOf(key, child);
    if (catalogue) spec.catalogue = catalogue;
    if (child.format) spec.format = child.format;
    if (child.anyOf?.some((b) => b.format === "date")) spec.format = "date";
    if (kind === "object") spec.children = walk(child, childFile, path, isRequired || when !== undefined, conds);
    if (kind === "object-list" && child.items) {
      const { node: item, file: itemFile } = resolveRef(child.items, childFile);
      spec.children = walk(item, itemFile, "", true, new Map());
    }
    return spec;
  });
}

/** Every property of a content type's schema, in schema order. */
export function fieldsOf(type: ContentType): FieldSpec[] {
  const file = SCHEMA_FILES[type];
  const root = resolveRef(schemaSet().root(type), file).node;
  return walk(root, file, "", true, conditions(root));
}

/** The content type's Vietnamese name (its schema title). */
export function typeTitle(type: ContentType): string {
  return schemaSet().root(type).title ?? type;
}

/** Fields flattened to the scalars and lists a flag or a form field can carry (objects expanded). */
export function leafFields(fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.flatMap((f) => (f.kind === "object" ? leafFields(f.children ?? []) : [f]));
}
