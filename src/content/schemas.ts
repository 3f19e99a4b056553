// The JSON Schemas, compiled once into one Ajv 2020 instance, and helpers to find a field's schema by path.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ContentType } from "./model.ts";

/** The content types, site.yaml, and the aggregate's sources file (`npm run aggregate -- --sources FILE`). */
export type SchemaKind = ContentType | "site" | "sources";

/** A JSON Schema node as written in `schemas/*.json` (only the keywords we read). */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  if?: SchemaNode;
  then?: SchemaNode;
  required?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  "x-labels"?: Record<string, string>;
  /** A shorter title for a filter by this field on a site (see src/content/labels.ts). */
  "x-facet-title"?: string;
  $defs?: Record<string, SchemaNode>;
}

export const SCHEMA_FILES: Record<SchemaKind, string> = {
  site: "site.schema.json",
  exemplar: "exemplar.schema.json",
  plan: "plan.schema.json",
  activity: "activity.schema.json",
  bulletin: "bulletin.schema.json",
  sources: "sources.schema.json",
};

/** The repository's `schemas/` folder (this module lives in `src/content/`). */
export const SCHEMAS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../schemas");

export interface SchemaSet {
  /** Root schemas by file name (including `common.schema.json`). */
  byFile: Map<string, SchemaNode>;
  root(kind: SchemaKind): SchemaNode;
  validate(kind: SchemaKind): ValidateFunction;
}

let cached: SchemaSet | undefined;

/** Loads and compiles every schema once per process. */
export function schemaSet(): SchemaSet {
  if (cached) return cached;
  const byFile = new Map<string, SchemaNode>();
  for (const file of [...Object.values(SCHEMA_FILES), "common.schema.json"]) {
    byFile.set(file, JSON.parse(readFileSync(path.join(SCHEMAS_DIR, file), "utf8")) as SchemaNode);
  }
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true });
  // ajv-formats is CommonJS; its default export arrives wrapped under ESM.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;
  addFormats(ajv);
  ajv.addKeyword({ keyword: "x-labels", schemaType: "object" });
  ajv.addKeyword({ keyword: "x-facet-title", schemaType: "string" });
  for (const schema of byFile.values()) ajv.addSchema(schema as object);
  // Each kind's validator is compiled on first use: a run without plans never compiles the plan schema.
  const validators = new Map<SchemaKind, ValidateFunction>();
  const compile = (kind: SchemaKind): ValidateFunction => {
    const file = SCHEMA_FILES[kind];
    const fn = ajv.getSchema((byFile.get(file) as { $id: string }).$id);
    if (!fn) throw new Error(`Schema ${file} did not compile`);
    validators.set(kind, fn);
    return fn;
  };
  cached = {
    byFile,
    root: (kind) => byFile.get(SCHEMA_FILES[kind]) as SchemaNode,
    validate: (kind) => validators.get(kind) ?? compile(kind),
  };
  return cached;
}

/** Follows `$ref` (local `#/$defs/x` or `common.schema.json#/$defs/x`), keeping the referring node's own title and description. */
const refCache = new WeakMap<SchemaNode, Map<string, { node: SchemaNode; file: string }>>();

export function resolveRef(node: SchemaNode, rootFile: string, set: SchemaSet = schemaSet()): { node: SchemaNode; file: string } {
  if (!node.$ref) return { node, file: rootFile };
  const cachedByFile = refCache.get(node);
  const hit = cachedByFile?.get(rootFile);
  if (hit) return hit;
  const result = resolveUncached(node, rootFile, set);
  if (cachedByFile) cachedByFile.set(rootFile, result);
  else refCache.set(node, new Map([[rootFile, result]]));
  return result;
}

function resolveUncached(node: SchemaNode, rootFile: string, set: SchemaSet): { node: SchemaNode; file: string } {
  let current = node;
  let file = rootFile;
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const [refFile, pointer] = current.$ref.split("#");
    const targetFile = refFile ? refFile : file;
    const doc = set.byFile.get(targetFile);
    if (!doc || !pointer) break;
    let target: unknown = doc;
    for (const part of pointer.split("/").filter(Boolean)) target = (target as Record<string, unknown>)[part];
    const { $ref: _ref, ...own } = current;
    current = { ...(target as SchemaNode), ...own };
    file = targetFile;
  }
  return { node: current, file };
}

/** The schema of the value at a JSON-pointer-like path (`["subject", "name"]`), or undefined when the schema does not describe it. */
const atCache = new Map<string, SchemaNode | undefined>();

export function schemaAt(kind: SchemaKind, segments: readonly string[], set: SchemaSet = schemaSet()): SchemaNode | undefined {
  // Array indices do not change the schema: one cache entry for every item of a list.
  const key = `${kind}\u0000${segments.map((s) => (/^\d+$/.test(s) ? "#" : s)).join("\u0000")}`;
  if (atCache.has(key)) return atCache.get(key);
  const found = schemaAtUncached(kind, segments, set);
  if (atCache.size < 10_000) atCache.set(key, found);
  return found;
}

function schemaAtUncached(kind: SchemaKind, segments: readonly string[], set: SchemaSet): SchemaNode | undefined {
  const rootFile = SCHEMA_FILES[kind];
  let { node, file } = resolveRef(set.root(kind), rootFile, set);
  for (const segment of segments) {
    const next = childSchema(node, segment);
    if (!next) return undefined;
    ({ node, file } = resolveRef(next, file, set));
  }
  return node;
}

/** The schema of one child: a property of an object schema or the items of an array schema. */
export function childSchema(node: SchemaNode, segment: string): SchemaNode | undefined {
  if (node.properties && Object.hasOwn(node.properties, segment)) return node.properties[segment];
  if (node.items && /^\d+$/.test(segment)) return node.items;
  if (node.additionalProperties && typeof node.additionalProperties === "object") return node.additionalProperties;
  return undefined;
}

/** True when the schema wants text here (a plain `05` or `2019` must then stay as written). */
export function wantsString(node: SchemaNode | undefined): boolean {
  if (!node) return false;
  if (node.type === "string") return true;
  if (node.anyOf && node.anyOf.length > 0) return node.anyOf.every((branch) => branch.type === "string");
  return false;
}
