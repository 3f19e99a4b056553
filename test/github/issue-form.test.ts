// The issue form for proposing an exemplar without Git is generated from the schema and site.yaml, and never stale.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ISSUE_FORM_PATH, renderIssueForm } from "../../src/github/issue-form.ts";
import { fieldsOf, leafFields } from "../../src/render/fields.ts";
import { readCatalogues } from "../../src/render/catalogues.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

interface FormItem {
  type: string;
  id?: string;
  attributes: { label?: string; options?: (string | { label: string })[]; multiple?: boolean };
  validations?: { required: boolean };
}

describe("the exemplar issue form", () => {
  const onDisk = readFileSync(path.join(ROOT, ISSUE_FORM_PATH), "utf8");
  const form = parse(onDisk) as { body: FormItem[] };

  it("is what the generator writes today (run `npx tsx scripts/gen-issue-form.ts` after changing the schema or site.yaml)", () => {
    expect(onDisk).toBe(renderIssueForm(readCatalogues(path.join(ROOT, "content"))));
  });

  it("asks for every exemplar field a proposer fills in, required exactly when the schema requires it", () => {
    const fields = leafFields(fieldsOf("exemplar")).filter((f) => f.path !== "draft");
    const byId = new Map(form.body.filter((i) => i.id).map((i) => [i.id as string, i]));
    expect(byId.size).toBe(form.body.filter((i) => i.id).length);
    for (const field of fields) {
      const formItem = byId.get(field.path.replace(/\./g, "-"));
      expect(formItem?.attributes.label, field.path).toBe(field.title);
      if (formItem?.type !== "checkboxes") expect(formItem?.validations?.required, field.path).toBe(field.required);
    }
    expect(byId.get("body")?.validations?.required).toBe(true);
  });

  it("offers the kinds by their labels and the units and channels of site.yaml", () => {
    const site = readCatalogues(path.join(ROOT, "content"));
    const options = (id: string) => form.body.find((i) => i.id === id)?.attributes.options;
    expect(options("kind")).toEqual(["Cá nhân (individual)", "Tập thể (collective)", "Mô hình hay (model)", "Cách làm hiệu quả (practice)"]);
    expect(options("unit")).toEqual((site.units ?? []).map((u) => `${u.name} (${u.id})`));
    expect(options("channels")).toEqual((site.channels ?? []).map((c) => `${c.name} (${c.id})`));
    expect(form.body.find((i) => i.id === "channels")?.attributes.multiple).toBe(true);
  });
});
