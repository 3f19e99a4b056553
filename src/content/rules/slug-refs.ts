// exemplar-unknown, plan-unknown, activity-unknown, slug-draft: slugs named by activities and bulletins resolve to published files.
import type { ContentType } from "../model.ts";
import type { LocalFinding, ParsedDoc } from "../parse.ts";
import { nearest } from "../messages.ts";
import { strList, wanted, type Rule } from "./context.ts";

const SLUG_REFERENCES: readonly { from: ContentType; key: string; to: ContentType; rule: string; folder: string }[] = [
  { from: "activity", key: "exemplars", to: "exemplar", rule: "exemplar-unknown", folder: "exemplars/" },
  { from: "bulletin", key: "exemplars", to: "exemplar", rule: "exemplar-unknown", folder: "exemplars/" },
  { from: "bulletin", key: "plans", to: "plan", rule: "plan-unknown", folder: "plans/" },
  { from: "bulletin", key: "activities", to: "activity", rule: "activity-unknown", folder: "activities/" },
];

export const slugRefs: Rule = (ctx) => {
  const out: LocalFinding[] = [];
  const bySlug = new Map<ContentType, Map<string, ParsedDoc>>();
  for (const type of Object.keys(ctx.byType) as ContentType[]) {
    bySlug.set(type, new Map(ctx.byType[type].map((d) => [d.slug, d])));
  }
  for (const ref of SLUG_REFERENCES) {
    const targets = bySlug.get(ref.to) as Map<string, ParsedDoc>;
    let known: string[] | undefined; // sorted only when a finding needs a suggestion
    for (const doc of wanted(ctx, ctx.byType[ref.from])) {
      for (const { value, index } of strList(doc, ref.key)) {
        const pointer = `/${ref.key}/${index}`;
        const label = ctx.label(ref.from, [ref.key, String(index)]);
        const target = targets.get(value);
        if (!target) {
          const near = nearest(value, (known ??= [...targets.keys()].sort()));
          out.push(ctx.at(doc, pointer, ref.rule, `${label}: không có tệp ${ref.folder}${ref.to === "bulletin" ? "" : "<năm>/"}${value}.md.${near ? ` Có phải "${near}"?` : ""}`));
        } else if (target.draft && !doc.draft) {
          out.push(
            ctx.at(doc, pointer, "slug-draft", `${label}: "${value}" đang là bản nháp (draft: true trong ${target.file}) nên sẽ không được công bố. Hãy bỏ khỏi danh sách hoặc công bố bài đó trước.`),
          );
        }
      }
    }
  }
  return out;
};
