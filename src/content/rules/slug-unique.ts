// slug-duplicate: a file name (slug) is used once per content type, across all years.
import type { ContentType } from "../model.ts";
import type { LocalFinding, ParsedDoc } from "../parse.ts";
import type { Rule } from "./context.ts";
import { CONTENT_TYPES } from "../model.ts";

export const slugUnique: Rule = (ctx) => {
  const out: LocalFinding[] = [];
  for (const type of Object.keys(ctx.byType) as ContentType[]) {
    // One map of first sightings; only a slug seen twice gets a list.
    const first = new Map<string, ParsedDoc>();
    const groups = new Map<string, ParsedDoc[]>();
    for (const doc of ctx.byType[type]) {
      const earlier = first.get(doc.slug);
      if (!earlier) first.set(doc.slug, doc);
      else {
        const group = groups.get(doc.slug);
        if (group) group.push(doc);
        else groups.set(doc.slug, [earlier, doc]);
      }
    }
    for (const [slug, docs] of groups) {
      for (const doc of docs) {
        const others = docs.filter((d) => d !== doc).map((d) => d.file).join(", ");
        out.push({
          file: doc.file,
          line: 1,
          column: 1,
          severity: "error",
          rule: "slug-duplicate",
          message: `Tên tệp "${slug}" bị trùng với ${others}: trong ${CONTENT_TYPES[type].folder}/ mỗi tên tệp chỉ được dùng một lần, kể cả ở các năm khác nhau. Hãy đổi tên một tệp.`,
        });
      }
    }
  }
  return out;
};
