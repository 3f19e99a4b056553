// consent-required: an individual is published only with their consent (`consent: true`).
import { perDocuments, type Rule } from "./context.ts";

export const consent: Rule = (ctx) =>
  perDocuments(ctx, "consent-required", ctx.byType.exemplar, (doc) =>
    doc.data?.kind !== "individual" || doc.data.consent !== false
      ? []
      : [ctx.at(doc, "/consent", "consent-required", `${ctx.label("exemplar", ["consent"])} phải là true với điển hình cá nhân: chỉ công bố khi người được giới thiệu đã đồng ý. Đang ghi false; nếu chưa có sự đồng ý, hãy để bài ở dạng nháp (draft: true).`)],
  );
