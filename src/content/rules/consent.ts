// consent-required: an individual is published only with their consent (`consent: true`).
import type { LocalFinding } from "../parse.ts";
import { wanted, type Rule } from "./context.ts";

export const consent: Rule = (ctx) => {
  const out: LocalFinding[] = [];
  for (const doc of wanted(ctx, ctx.byType.exemplar)) {
    if (doc.data?.kind !== "individual" || doc.data.consent !== false) continue;
    out.push(
      ctx.at(doc, "/consent", "consent-required", `${ctx.label("exemplar", ["consent"])} phải là true với điển hình cá nhân: chỉ công bố khi người được giới thiệu đã đồng ý. Đang ghi false; nếu chưa có sự đồng ý, hãy để bài ở dạng nháp (draft: true).`),
    );
  }
  return out;
};
