// Writes src/types/generated.ts and schemas/exports/exemplars.schema.json from the schemas (npm run gen-types).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateTypes } from "../src/types/generate.ts";
import { EXPORT_SCHEMA_FILES, exemplarsExportSchemaText } from "../src/content/exports.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schemas = path.join(root, "schemas");
const outputs: [string, string][] = [
  [path.join(root, "src/types/generated.ts"), await generateTypes(schemas)],
  [path.join(schemas, "exports", EXPORT_SCHEMA_FILES.exemplars), exemplarsExportSchemaText(schemas)],
];
for (const [file, text] of outputs) {
  await writeFile(file, text);
  console.log(`Đã tạo ${path.relative(process.cwd(), file)}`);
}
