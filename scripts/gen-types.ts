// Writes src/types/generated.ts and schemas/exports/exemplars.schema.json from the schemas (npm run gen-types).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateTypes } from "../src/types/generate.ts";
import { EXPORT_SCHEMA_FILES, exemplarsExportSchemaText } from "../src/content/exports.ts";
import { argsOrExit, parseCommandArgs, PROCESS_STREAMS, type CommandStreams } from "../src/util/cli.ts";

export const USAGE = `Cách dùng: npm run gen-types

Ghi lại src/types/generated.ts và schemas/exports/${EXPORT_SCHEMA_FILES.exemplars} từ các lược đồ trong schemas/.
`;

export async function main(argv: readonly string[] = process.argv.slice(2), streams: CommandStreams = PROCESS_STREAMS): Promise<number> {
  const parsed = argsOrExit(() => parseCommandArgs(argv, {}).values, USAGE, streams);
  if ("exit" in parsed) return parsed.exit;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const schemas = path.join(root, "schemas");
  const outputs: [string, string][] = [
    [path.join(root, "src/types/generated.ts"), await generateTypes(schemas)],
    [path.join(schemas, "exports", EXPORT_SCHEMA_FILES.exemplars), exemplarsExportSchemaText(schemas)],
  ];
  for (const [file, text] of outputs) {
    await writeFile(file, text);
    streams.stdout.write(`Đã tạo ${path.relative(process.cwd(), file)}\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
