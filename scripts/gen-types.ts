// Writes src/types/generated.ts from the schemas (npm run gen-types).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateTypes } from "../src/types/generate.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "src/types/generated.ts");
await writeFile(out, await generateTypes(path.join(root, "schemas")));
console.log(`Đã tạo ${path.relative(process.cwd(), out)}`);
