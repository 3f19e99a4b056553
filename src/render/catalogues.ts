// The id lists of site.yaml (units, wards, fields, channels, activity types, anniversaries) for forms and templates.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

export type Catalogues = Record<string, { id: string; name: string }[]>;

/** Reads the catalogues from `<contentDir>/site.yaml`; lists that are missing or malformed are empty. */
export function readCatalogues(contentDir: string): Catalogues {
  let data: unknown;
  try {
    data = parse(readFileSync(path.join(contentDir, "site.yaml"), "utf8"));
  } catch {
    return {};
  }
  const out: Catalogues = {};
  if (typeof data !== "object" || data === null) return out;
  for (const [key, list] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    const items = list.flatMap((item) => {
      const rec = item as { id?: unknown; name?: unknown };
      return typeof rec?.id === "string" ? [{ id: rec.id, name: typeof rec.name === "string" ? rec.name : rec.id }] : [];
    });
    if (items.length) out[key] = items;
  }
  return out;
}
