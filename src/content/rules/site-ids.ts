// site-id-duplicate: each id in a site.yaml catalogue (units, wards, fields, channels, activity types, anniversaries) is declared once.
import type { LocalFinding } from "../parse.ts";
import type { Rule } from "./context.ts";

const CATALOGUES = ["units", "wards", "fields", "channels", "activityTypes", "anniversaries"] as const;

export const siteIds: Rule = (ctx) => {
  const site = ctx.site;
  if (!site?.data) return [];
  const out: LocalFinding[] = [];
  for (const key of CATALOGUES) {
    const list = site.data[key];
    if (!Array.isArray(list)) continue;
    const first = new Map<string, number>();
    list.forEach((item, index) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== "string") return;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, index);
        return;
      }
      const section = ctx.schema("site", [key])?.title ?? key;
      out.push(ctx.at(site, `/${key}/${index}/id`, "site-id-duplicate", `Mã "${id}" trong mục ${key} (${section}) bị trùng với mục ${earlier + 1}; mỗi mã chỉ được khai báo một lần.`));
    });
  }
  return out;
};
