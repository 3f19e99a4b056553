// The hand-counted report fixture (test/fixtures/reports/), loaded through the real content loader.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadContent } from "../../src/content/load.ts";
import type { ContentModel } from "../../src/content/model.ts";

export const FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/reports");

/** The fixture's model; throws when the fixture itself has a content error (the test data must be valid). */
export async function loadFixture(drafts = false): Promise<ContentModel> {
  const { model, findings } = await loadContent(FIXTURE_DIR, { drafts });
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((f) => `${f.file}:${f.line}: ${f.message}`).join("\n"));
  return model;
}

/** A clock in 2020-Q1 (Hà Nội), so the current quarter adds a page with zeros. */
export const NOW = new Date("2020-02-01T00:00:00+07:00");
