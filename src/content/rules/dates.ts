// date-range, anniversary-date: every date that validates can be built — years inside site.yaml's limits, yearly days that exist.
import { isCalendarDate, isDateTimeWithOffset, isMonthDay } from "../../vi/date.ts";
import { pointerSegments } from "../messages.ts";
import { eachDate, type LocalFinding, type ParsedDoc } from "../parse.ts";
import { limits, perDocument, type Rule } from "./context.ts";

export const dates: Rule = (ctx) => {
  const out: LocalFinding[] = [];
  const { minYear, maxYear } = limits(ctx);
  const check = (doc: ParsedDoc): LocalFinding[] => {
    const out: LocalFinding[] = [];
    if (!doc.data) return out;
    eachDate(doc.kind, doc.data, (pointer, value) => {
      // Only real dates: anything else already has its own finding (date-invalid, datetime-offset, schema-format).
      if (!isCalendarDate(value) && !isDateTimeWithOffset(value)) return;
      const year = Number(value.slice(0, 4));
      if (year >= minYear && year <= maxYear) return;
      const label = ctx.label(doc.kind, pointerSegments(pointer));
      out.push(
        ctx.at(doc, pointer, "date-range", `${label} ghi năm ${year}, ngoài khoảng năm cho phép ${minYear}–${maxYear}. Hãy kiểm tra lại năm; nếu đúng là năm đó, hãy sửa giới hạn minYear/maxYear trong site.yaml (mục limits).`),
      );
    });
    return out;
  };
  for (const doc of ctx.docs) out.push(...perDocument(ctx, "dates", doc, () => check(doc)));

  const site = ctx.site;
  const anniversaries = site?.data?.anniversaries;
  if (site && Array.isArray(anniversaries)) {
    anniversaries.forEach((a: unknown, index) => {
      const date = (a as { date?: unknown } | null)?.date;
      if (typeof date !== "string" || !/^\d{2}-\d{2}$/.test(date) || isMonthDay(date)) return;
      const [month, day] = date.split("-").map(Number);
      const label = ctx.label("site", ["anniversaries", String(index), "date"]);
      out.push(ctx.at(site, `/anniversaries/${index}/date`, "anniversary-date", `${label}: ngày ${day} tháng ${month} không có trong năm nào. Hãy ghi một ngày có thật dạng MM-DD, ví dụ 02-03.`));
    });
  }
  return out;
};
