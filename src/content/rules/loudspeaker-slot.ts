// loudspeaker-slot: an exemplar naming the loudspeaker channel can be read in one broadcast, with the opening and closing.
import type { Exemplar, SiteConfig } from "../model.ts";
import type { LocalFinding } from "../parse.ts";
import { LOUDSPEAKER_CHANNEL } from "../../speech/item.ts";
import { createSlotChecker } from "../slot.ts";
import { formatDuration } from "../../speech/timing.ts";
import { perDocuments, type Rule, type RuleContext } from "./context.ts";
import type { ParsedDoc } from "../parse.ts";

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export const loudspeakerSlot: Rule = (ctx) => {
  const site = ctx.site;
  if (!site?.schemaValid || !site.data) return [];
  let checker: ReturnType<typeof createSlotChecker> | undefined;
  return perDocuments(ctx, "loudspeaker-slot", ctx.byType.exemplar, (doc) => {
    const data = doc.data as unknown as Exemplar | undefined;
    if (!doc.schemaValid || !data?.channels.includes(LOUDSPEAKER_CHANNEL)) return [];
    return slotFinding(ctx, doc, data, (checker ??= createSlotChecker(site.data as unknown as SiteConfig)));
  });
};

function slotFinding(ctx: RuleContext, doc: ParsedDoc, data: Exemplar, check: ReturnType<typeof createSlotChecker>): LocalFinding[] {
  const out: LocalFinding[] = [];
  {
    const result = check(data);
    if (result.fits) return out;
    const channels = ctx.label("exemplar", ["channels"]);
    const own = lowerFirst(ctx.label("exemplar", ["loudspeaker"]));
    const fix = data.loudspeaker
      ? `Hãy rút ngắn ${own} cho vừa một buổi phát`
      : `Hãy rút gọn trích ngang, kết quả đạt được và cách làm, hoặc viết một bài ngắn hơn ở ${own}`;
    out.push(
      ctx.at(
        doc,
        "/channels",
        "loudspeaker-slot",
        `${channels} có kênh ${LOUDSPEAKER_CHANNEL}, nhưng bài đọc trên loa ước tính ${formatDuration(result.seconds)} (kể cả lời mở đầu và lời kết), dài hơn một buổi phát ${formatDuration(result.slotSeconds)} (loudspeaker.slotMinutes trong site.yaml). ${fix}, hoặc bỏ kênh ${LOUDSPEAKER_CHANNEL} khỏi ${lowerFirst(channels)}.`,
        "warning",
        true,
      ),
    );
  }
  return out;
}
