// slug-reserved: a file name (slug) that becomes a path segment may not be one the site uses for its own pages
// (list pages, filters, feeds, files): the list is src/paths/paths.ts's RESERVED_SEGMENTS, derived from the routes.
import { exemplarPath, isPageSegment, planPath, RESERVED_SEGMENTS } from "../../paths/paths.ts";
import { slugify } from "../../vi/text.ts";
import type { LocalFinding } from "../parse.ts";
import { str, type Rule } from "./context.ts";

/** The content types whose slug is a segment of their page's path. */
const PAGE_OF = { exemplar: exemplarPath, plan: planPath } as const;

export function isReservedSegment(slug: string): boolean {
  return RESERVED_SEGMENTS.has(slug) || isPageSegment(slug);
}

export const slugReserved: Rule = (ctx) => {
  const out: LocalFinding[] = [];
  for (const type of ["exemplar", "plan"] as const) {
    for (const doc of ctx.byType[type]) {
      if (!isReservedSegment(doc.slug)) continue;
      const fromTitle = slugify(str(doc, "title") ?? "");
      const suggestion = fromTitle && !isReservedSegment(fromTitle) ? fromTitle : `${doc.slug}-1`;
      out.push({
        file: doc.file,
        line: 1,
        column: 1,
        severity: "error",
        rule: "slug-reserved",
        message: `Tên tệp "${doc.slug}" trùng với một phần đường dẫn trang web dùng cho các trang của chính nó (danh sách, bộ lọc, nguồn tin): trang của tệp này, ${PAGE_OF[type](doc.slug)}, sẽ lẫn với các trang đó. Hãy đổi tên tệp, ví dụ ${suggestion}.md.`,
      });
    }
  }
  return out;
};
