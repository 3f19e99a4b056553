// One source for labels: every enum that carries `x-labels` labels exactly its values, in the same order, in every schema.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMAS_DIR } from "../../src/content/schemas.ts";
import { EXEMPLAR_KINDS } from "../../src/content/labels.ts";
import { exemplarKinds } from "../../src/reports/labels.ts";

interface Found {
  where: string;
  enumValues?: unknown[];
  labels: string[];
}

/** Every node with `x-labels`, wherever it sits in a schema. */
function labelled(node: unknown, where: string, out: Found[] = []): Found[] {
  if (Array.isArray(node)) node.forEach((n, i) => labelled(n, `${where}/${i}`, out));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o["x-labels"]) {
      const items = o.items as Record<string, unknown> | undefined;
      out.push({ where, enumValues: (o.enum ?? items?.enum) as unknown[] | undefined, labels: Object.keys(o["x-labels"] as object) });
    }
    for (const [k, v] of Object.entries(o)) if (k !== "x-labels") labelled(v, `${where}/${k}`, out);
  }
  return out;
}

describe("x-labels", () => {
  const files = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith(".schema.json"));
  const all = files.flatMap((f) => labelled(JSON.parse(readFileSync(path.join(SCHEMAS_DIR, f), "utf8")), f));

  it("are found (the check is not vacuous)", () => {
    expect(all.map((a) => a.where)).toContain("exemplar.schema.json/properties/kind");
  });

  it("label exactly the enum's values, in the enum's order", () => {
    for (const { where, enumValues, labels } of all) expect(labels, where).toEqual(enumValues);
  });

  it("give the site and the reports the same exemplar kinds", () => {
    expect(EXEMPLAR_KINDS.map((k) => k.id)).toEqual(exemplarKinds());
  });
});
