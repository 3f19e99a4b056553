// src/types/generated.ts must be what `npm run gen-types` makes from the schemas today.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { generateTypes } from "../../src/types/generate.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

it("generated types are up to date with the schemas (run npm run gen-types if this fails)", async () => {
  const expected = await generateTypes(path.join(ROOT, "schemas"));
  const actual = await readFile(path.join(ROOT, "src/types/generated.ts"), "utf8");
  expect(actual).toBe(expected);
});
