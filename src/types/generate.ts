// Generates TypeScript types from the JSON Schemas, so the schemas stay the single source of truth.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compile, type JSONSchema } from "json-schema-to-typescript";

export const SCHEMA_TYPES: ReadonlyArray<{ file: string; typeName: string }> = [
  { file: "site.schema.json", typeName: "SiteConfig" },
  { file: "exemplar.schema.json", typeName: "Exemplar" },
  { file: "plan.schema.json", typeName: "Plan" },
  { file: "activity.schema.json", typeName: "Activity" },
  { file: "bulletin.schema.json", typeName: "Bulletin" },
  { file: "sources.schema.json", typeName: "AggregateSources" },
];

const HEADER = `// Generated from schemas/*.schema.json by \`npm run gen-types\`. Do not edit by hand.\n/* eslint-disable */\n`;

/** Renders the generated module text for every content schema in `schemasDir`. */
export async function generateTypes(schemasDir: string): Promise<string> {
  const parts: string[] = [HEADER];
  for (const { file, typeName } of SCHEMA_TYPES) {
    const common = JSON.parse(await readFile(path.join(schemasDir, "common.schema.json"), "utf8")) as JSONSchema;
    const schema = JSON.parse(await readFile(path.join(schemasDir, file), "utf8")) as JSONSchema;
    const plain = inlineAndUntitle(schema, common) as JSONSchema;
    const ts = await compile({ ...plain, title: typeName }, typeName, {
      cwd: schemasDir,
      bannerComment: "",
      additionalProperties: false,
      declareExternallyReferenced: true,
      format: true,
      strictIndexSignatures: true,
      unknownAny: true,
      ignoreMinAndMaxItems: true,
    });
    parts.push(`// ${file}\n${ts}`);
  }
  return parts.join("\n");
}

/**
 * Inlines references to common.schema.json and folds every nested `title` into the doc comment,
 * so the generated names are the schema's keys, not Vietnamese labels.
 */
function inlineAndUntitle(node: unknown, common: JSONSchema, isRoot = true): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineAndUntitle(item, common, false));
  if (node === null || typeof node !== "object") return node;
  let obj = { ...(node as Record<string, unknown>) };
  const ref = obj["$ref"];
  if (typeof ref === "string" && ref.startsWith("common.schema.json#/$defs/")) {
    const defs = (common as { $defs: Record<string, Record<string, unknown>> }).$defs;
    const target = defs[ref.slice("common.schema.json#/$defs/".length)];
    delete obj["$ref"];
    obj = { ...target, ...obj };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (key === "title" && !isRoot) continue;
    if (key === "x-labels" || key === "x-facet-title" || key === "if" || key === "then" || key === "else") continue;
    // Conditional requirements (if/then) narrow values but never change the shape of the type.
    if (key === "allOf" && Array.isArray(value) && value.every((v) => v && typeof v === "object" && "if" in v)) continue;
    if (key === "properties" || key === "$defs" || key === "patternProperties") {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, inlineAndUntitle(v, common, false)]),
      );
    } else {
      out[key] = inlineAndUntitle(value, common, false);
    }
  }
  if (!isRoot && typeof obj["title"] === "string") {
    out["description"] = obj["description"] ? `${obj["title"]}: ${String(obj["description"])}` : obj["title"];
  }
  return out;
}
