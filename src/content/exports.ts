// The published exports' contract: the JSON Schemas of /api/site.json, /api/exemplars.json and the quarter and year
// JSON (schemas/exports/), the contract version, one compiled validator per export, and the exemplars schema made
// from the exemplar front-matter schema (so the export can never drift from what contributors write).
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { SCHEMAS_DIR } from "./schemas.ts";

/** MAJOR.MINOR of the exports' shape: a MINOR release only adds; an aggregate accepts any 1.x. */
export const CONTRACT_VERSION = "1.1";

/** The repository's `schemas/exports/` folder; published as `/api/schemas/`. */
export const EXPORTS_DIR = path.join(SCHEMAS_DIR, "exports");

/** The unit site's exports, and the city aggregate's quarter (npm run aggregate). */
export type ExportKind = "site" | "exemplars" | "quarter" | "year" | "city-quarter";

/** One file per export, named as it is published under `/api/schemas/`. */
export const EXPORT_SCHEMA_FILES: Readonly<Record<ExportKind, string>> = {
  site: "site.schema.json",
  exemplars: "exemplars.schema.json",
  quarter: "quarter.schema.json",
  year: "year.schema.json",
  "city-quarter": "city-quarter.schema.json",
};

const EXEMPLARS_ID = "https://guong-sang.local/schemas/exports/exemplars.schema.json";

type Json = Record<string, unknown>;

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, "utf8")) as Json;
}

/** Replaces `common.schema.json#/$defs/x` references with the definition itself, so the export schema stands alone. */
function inlineCommon(node: unknown, defs: Record<string, Json>): unknown {
  if (Array.isArray(node)) return node.map((n) => inlineCommon(n, defs));
  if (node === null || typeof node !== "object") return node;
  const obj = node as Json;
  const ref = obj["$ref"];
  if (typeof ref === "string" && ref.startsWith("common.schema.json#/$defs/")) {
    const { $ref: _, ...rest } = obj;
    return inlineCommon({ ...defs[ref.slice("common.schema.json#/$defs/".length)], ...rest }, defs);
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, inlineCommon(v, defs)]));
}

/** `schemas/exports/exemplars.schema.json`, made from `schemas/exemplar.schema.json` (written by `npm run gen-types`). */
export function exemplarsExportSchema(schemasDir: string = SCHEMAS_DIR): Json {
  const exemplar = readJson(path.join(schemasDir, "exemplar.schema.json"));
  const common = readJson(path.join(schemasDir, "common.schema.json"));
  const front = inlineCommon(exemplar, (common["$defs"] ?? {}) as Record<string, Json>) as Json;
  const item: Json = {
    type: "object",
    title: "Một điển hình",
    description: "Toàn bộ phần đầu (front matter) của tệp điển hình, thêm tên tệp, địa chỉ và đường dẫn trang của điển hình.",
    additionalProperties: false,
    required: ["slug", "url", "path", "file", ...((front["required"] as string[]) ?? [])],
    properties: {
      slug: { type: "string", title: "Tên tệp", description: "Tên tệp không có .md; duy nhất trong chuyên mục.", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 120 },
      url: { type: "string", title: "Địa chỉ trang", description: "Địa chỉ đầy đủ của trang điển hình trên trang công bố.", pattern: "^https?://[^\\s]+$", maxLength: 1000 },
      path: { type: "string", title: "Đường dẫn trang", description: "Đường dẫn trang điển hình trong trang, bắt đầu bằng /.", pattern: "^/[^\\s]*$", maxLength: 1000 },
      file: { type: "string", title: "Tệp nội dung", description: "Đường dẫn tệp trong thư mục content.", pattern: "^exemplars/[0-9]{4}/[a-z0-9-]+\\.md$", maxLength: 200 },
      ...(front["properties"] as Json),
    },
    ...(front["allOf"] ? { allOf: front["allOf"] } : {}),
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: EXEMPLARS_ID,
    $comment: "Generated from schemas/exemplar.schema.json by `npm run gen-types`. Do not edit by hand.",
    title: "Danh sách điển hình",
    description: "Tệp /api/exemplars.json: mọi điển hình đã công bố (không có bản nháp), mỗi điển hình gồm phần đầu của tệp và địa chỉ trang.",
    type: "object",
    additionalProperties: false,
    required: ["generated", "count", "exemplars"],
    properties: {
      generated: { type: "string", title: "Thời điểm dựng", description: "Thời điểm dựng trang (ISO 8601, giờ UTC).", format: "date-time" },
      count: { type: "integer", title: "Số điển hình", description: "Số phần tử của exemplars.", minimum: 0 },
      exemplars: { type: "array", title: "Điển hình", description: "Các điển hình đã công bố.", items: item },
    },
  };
}

/** The file text `npm run gen-types` writes (two-space JSON, final newline). */
export function exemplarsExportSchemaText(schemasDir: string = SCHEMAS_DIR): string {
  return `${JSON.stringify(exemplarsExportSchema(schemasDir), null, 2)}\n`;
}

/** The text of one export schema as published. */
export function exportSchemaText(kind: ExportKind): string {
  return readFileSync(path.join(EXPORTS_DIR, EXPORT_SCHEMA_FILES[kind]), "utf8");
}

let compiled: Record<ExportKind, ValidateFunction> | undefined;

/** One validator per export, compiled once per process. */
export function exportValidators(): Record<ExportKind, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true });
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;
  addFormats(ajv);
  ajv.addKeyword({ keyword: "x-labels", schemaType: "object" });
  ajv.addKeyword({ keyword: "x-facet-title", schemaType: "string" });
  const kinds = Object.keys(EXPORT_SCHEMA_FILES) as ExportKind[];
  for (const kind of kinds) ajv.addSchema(JSON.parse(exportSchemaText(kind)) as Json);
  const byKind = {} as Record<ExportKind, ValidateFunction>;
  for (const kind of kinds) {
    const id = (JSON.parse(exportSchemaText(kind)) as { $id: string }).$id;
    byKind[kind] = ajv.getSchema(id) as ValidateFunction;
  }
  return (compiled = byKind);
}
