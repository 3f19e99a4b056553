// consent-required: an individual is published only with their consent (`consent: true`).
import type { LocalFinding } from "../parse.ts";
import { perDocument, wanted, type Rule } from "./context.ts";

export const consent: Rule = (ctx) => {
  const out: LocalFinding[] = [];
  for (const doc of wanted(ctx, ctx.byType.exemplar)) {
    const found = perDocument(ctx, "consent-required", doc, () =>
      doc.data?.kind !== "individual" || doc.data.consent !== false
        ? []
        : [ctx.at(doc, "/consent", "consent-required", `${ctx.label("exemplar", ["consent"])} phải là true với điển hình cá nhân: chỉ công bố khi người được giới thiệu đã đồng ý. Đang ghi false; nếu chưa có sự đồng ý, hãy để bài ở dạng nháp (draft: true).`)],
    );
    if (found.length > 0) out.push(...found);
  }
  return out;
};
