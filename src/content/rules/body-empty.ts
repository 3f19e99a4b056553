// body-empty: exemplars, plans and bulletins have an article body after the front matter.
import type { ContentType } from "../model.ts";
import { schemaSet } from "../schemas.ts";
import { perDocuments, type Rule } from "./context.ts";

const NEEDS_BODY: readonly ContentType[] = ["exemplar", "plan", "bulletin"];

export const bodyEmpty: Rule = (ctx) =>
  NEEDS_BODY.flatMap((type) => {
    const title = schemaSet().root(type).title ?? type;
    return perDocuments(ctx, "body-empty", ctx.byType[type], (doc) =>
      doc.data === undefined || doc.body.trim() !== ""
        ? []
        : [
            {
              file: doc.file,
              line: Math.max(1, doc.bodyLine - 1),
              column: 1,
              severity: "error",
              rule: "body-empty",
              message: `Phần nội dung sau dòng --- thứ hai đang trống: ${title.toLowerCase()} phải có bài viết. Hãy viết nội dung bên dưới dòng này.`,
            },
          ],
    );
  });
