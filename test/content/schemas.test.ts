// The schemas compile (each kind on first use, under Ajv's strict mode) and judge data as the validator expects.
import { describe, expect, it } from "vitest";
import { SCHEMA_FILES, schemaSet, type SchemaKind } from "../../src/content/schemas.ts";

describe("schemaSet", () => {
  it("compiles every kind's schema strictly, once", () => {
    for (const kind of Object.keys(SCHEMA_FILES) as SchemaKind[]) {
      const validate = schemaSet().validate(kind);
      expect(typeof validate, kind).toBe("function");
      expect(schemaSet().validate(kind), kind).toBe(validate);
      // Every kind requires something: an empty object is refused with errors, not a crash.
      expect(validate({}), kind).toBe(false);
      expect(validate.errors?.length, kind).toBeGreaterThan(0);
    }
  });
});
