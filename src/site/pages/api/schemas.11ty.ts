// /api/schemas/<name>.schema.json: the JSON Schema of every published export, as kept in schemas/exports/.
import { EXPORT_SCHEMA_FILES, exportSchemaText, type ExportKind } from "../../../content/exports.ts";
import { apiSchemaPath } from "../../../paths/paths.ts";

export const data = {
  pagination: { data: "kinds", size: 1, alias: "kind" },
  kinds: Object.keys(EXPORT_SCHEMA_FILES),
  permalink: (d: { kind: ExportKind }) => apiSchemaPath(EXPORT_SCHEMA_FILES[d.kind]),
  eleventyExcludeFromCollections: true,
};

export function render({ kind }: { kind: ExportKind }): string {
  return exportSchemaText(kind);
}
