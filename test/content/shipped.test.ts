// The content shipped in content/: every folder maps to a schema, and all of it validates with zero errors.
import { access, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatFinding } from "../../src/content/format.ts";
import { loadContent } from "../../src/content/load.ts";
import { CONTENT_TYPES } from "../../src/content/model.ts";
import { SCHEMA_FILES, SCHEMAS_DIR } from "../../src/content/schemas.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CONTENT = path.join(ROOT, "content");

describe("content/", () => {
  it("every folder maps to a content type with a schema, and every type has its folder", async () => {
    const entries = await readdir(CONTENT, { withFileTypes: true });
    const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name).sort();
    const byFolder = new Map(Object.entries(CONTENT_TYPES).map(([type, t]) => [t.folder as string, type as keyof typeof CONTENT_TYPES]));
    for (const folder of folders) {
      const type = byFolder.get(folder);
      expect(type, `content/${folder} has no content type`).toBeDefined();
      expect(SCHEMA_FILES[type as keyof typeof CONTENT_TYPES]).toBe(CONTENT_TYPES[type as keyof typeof CONTENT_TYPES].schema);
      await access(path.join(SCHEMAS_DIR, SCHEMA_FILES[type as keyof typeof CONTENT_TYPES]));
    }
    expect(folders).toEqual([...byFolder.keys()].sort());
    await access(path.join(CONTENT, "site.yaml"));
    await access(path.join(SCHEMAS_DIR, SCHEMA_FILES.site));
  });

  it("validates with zero errors and fills every content type", async () => {
    const { model, findings } = await loadContent(CONTENT, { cwd: ROOT });
    expect(findings.filter((f) => f.severity === "error").map(formatFinding)).toEqual([]);
    expect(model.exemplars.length).toBeGreaterThan(0);
    expect(model.plans.length).toBeGreaterThan(0);
    expect(model.activities.length).toBeGreaterThan(0);
    expect(model.bulletins.length).toBeGreaterThan(0);
  });
});
