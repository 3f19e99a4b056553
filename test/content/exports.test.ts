// The published exports keep their contract: the built sample site's /api/site.json, /api/exemplars.json and quarter
// and year JSON validate against schemas/exports/, the schemas are published under /api/schemas/, and the generated
// exemplars schema is current.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { EXPORT_SCHEMA_FILES, EXPORTS_DIR, exemplarsExportSchemaText, exportValidators, type ExportKind } from "../../src/content/exports.ts";
import { siteDir } from "../helpers/site.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
const built = (p: string): unknown => readJson(path.join(siteDir(), p));

function expectValid(kind: ExportKind, value: unknown): void {
  const validate = exportValidators()[kind];
  const ok = validate(value);
  expect(validate.errors ?? [], `${kind}: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toEqual([]);
  expect(ok).toBe(true);
}

describe("export schemas", () => {
  it("exemplars.schema.json is what npm run gen-types makes from exemplar.schema.json", () => {
    expect(readFileSync(path.join(EXPORTS_DIR, "exemplars.schema.json"), "utf8")).toBe(exemplarsExportSchemaText());
  });

  it("every schema is 2020-12 and every property has a Vietnamese title", () => {
    for (const file of Object.values(EXPORT_SCHEMA_FILES)) {
      const schema = readJson(path.join(EXPORTS_DIR, file)) as { $schema: string; title: string };
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.title).toMatch(/[à-ỹÀ-Ỹ]/u);
      const untitled: string[] = [];
      const walk = (node: unknown, at: string): void => {
        if (!node || typeof node !== "object") return;
        const props = (node as { properties?: Record<string, { title?: string; $ref?: string }> }).properties;
        for (const [key, child] of Object.entries(props ?? {})) {
          // A $ref to a titled definition carries its title.
          if (!child.title && !child.$ref) untitled.push(`${file}:${at}/${key}`);
        }
        // if/then narrow fields declared elsewhere; they declare none.
        for (const [key, value] of Object.entries(node)) if (key !== "if" && key !== "then") walk(value, `${at}/${key}`);
      };
      walk(schema, "");
      expect(untitled).toEqual([]);
    }
  });

  it("are published unchanged under /api/schemas/", () => {
    for (const file of Object.values(EXPORT_SCHEMA_FILES)) {
      expect(readFileSync(path.join(siteDir(), "api/schemas", file), "utf8"), file).toBe(readFileSync(path.join(EXPORTS_DIR, file), "utf8"));
    }
  });
});

describe("the built sample's exports validate", () => {
  it("/api/site.json, with every value from content/site.yaml", () => {
    const site = built("api/site.json") as Record<string, unknown>;
    expectValid("site", site);
    const yaml = parseYaml(readFileSync(path.join(ROOT, "content/site.yaml"), "utf8")) as {
      title: string;
      baseUrl: string;
      organisation: Record<string, string>;
      units: { id: string; name: string; group: string; submits?: boolean }[];
      fields: { id: string; name: string }[];
    };
    expect(site["title"]).toBe(yaml.title);
    expect(site["name"]).toBe(yaml.organisation["name"]);
    expect(site["level"]).toBe(yaml.organisation["level"]);
    expect(site["superior"]).toBe(yaml.organisation["superior"]);
    expect(site["parent"]).toBe(yaml.organisation["parent"]);
    expect(site["baseUrl"]).toBe(yaml.baseUrl);
    expect((site["units"] as { id: string; name: string }[]).map((u) => [u.id, u.name])).toEqual(yaml.units.map((u) => [u.id, u.name]));
    expect((site["fields"] as { id: string }[]).map((f) => f.id)).toEqual(yaml.fields.map((f) => f.id));
  });

  it("every quarter /api/site.json lists exists and validates, and every quarter JSON is listed", () => {
    const site = built("api/site.json") as { exports: { quarters: { period: string; json: string }[] } };
    const listed = site.exports.quarters.map((q) => q.json).sort();
    const onDisk = readdirSync(path.join(siteDir(), "bao-cao")).filter((f) => /^\d{4}-q[1-4]\.json$/.test(f)).map((f) => `bao-cao/${f}`).sort();
    expect(listed).toEqual(onDisk);
    expect(listed.length).toBeGreaterThan(0);
    for (const q of site.exports.quarters) {
      const data = built(q.json) as { period: string };
      expectValid("quarter", data);
      expect(data.period).toBe(q.period);
    }
  });

  it("/api/exemplars.json", () => {
    const data = built("api/exemplars.json") as { count: number; exemplars: unknown[] };
    expectValid("exemplars", data);
    expect(data.count).toBe(data.exemplars.length);
  });

  it("the year schema accepts a year assembled from the built quarters and refuses a quarter without its year shape", () => {
    const yearFiles = readdirSync(path.join(siteDir(), "bao-cao")).filter((f) => /^\d{4}\.json$/.test(f));
    for (const f of yearFiles) expectValid("year", built(`bao-cao/${f}`));
    const q = built("bao-cao/2019-q1.json") as Record<string, unknown>;
    const year = { ...q, period: "2019", from: "2019-01-01", to: "2019-12-31", quarters: [q, q, q, q] };
    expectValid("year", year);
    expect(exportValidators().year(q)).toBe(false);
    expect(exportValidators().quarter(year)).toBe(false);
  });

  it("the quarter schema refuses a negative count and an unknown key", () => {
    const q = built("bao-cao/2019-q1.json") as { exemplars: { total: number } };
    expect(exportValidators().quarter({ ...q, exemplars: { ...q.exemplars, total: -1 } })).toBe(false);
    expect(exportValidators().quarter({ ...q, extra: 1 })).toBe(false);
  });
});
