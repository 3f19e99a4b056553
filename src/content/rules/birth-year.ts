// birth-year: an individual's birth year is plausible for a living adult at the exemplar's date.
import { isCalendarDate, vietnamDate } from "../../vi/date.ts";
import type { LocalFinding } from "../parse.ts";
import { limits, perDocuments, str, type Rule } from "./context.ts";

export const ADULT_AGE = 18;
export const OLDEST_AGE = 110;

export const birthYear: Rule = (ctx) => {
  const years = limits(ctx);
  // Depends on the document and site.yaml's limits only: checked once per parsed document.
  return perDocuments(ctx, "birth-year", ctx.byType.exemplar, (doc): LocalFinding[] => {
    if (doc.data?.kind !== "individual") return [];
    const born = (doc.data.subject as { birthYear?: unknown } | undefined)?.birthYear;
    const date = str(doc, "date");
    if (typeof born !== "number" || !Number.isInteger(born) || date === undefined || !isCalendarDate(date)) return [];
    const range = ctx.schema("exemplar", ["subject", "birthYear"]);
    if (born < (range?.minimum ?? -Infinity) || born > (range?.maximum ?? Infinity)) return []; // schema-range says it
    const year = vietnamDate(date).year;
    if (year < years.minYear || year > years.maxYear) return []; // date-range says it
    const age = year - born;
    if (age >= ADULT_AGE && age <= OLDEST_AGE) return [];
    const label = ctx.label("exemplar", ["subject", "birthYear"]);
    const why = age < ADULT_AGE ? (age < 0 ? `sau năm ${year} của ngày đề xuất` : `vào năm ${year} người này mới ${age} tuổi`) : `vào năm ${year} người này đã ${age} tuổi`;
    return [ctx.at(doc, "/subject/birthYear", "birth-year", `${label} ${born} không hợp lý: ${why}. Điển hình cá nhân phải là người còn sống, từ ${ADULT_AGE} tuổi; hãy kiểm tra lại năm sinh.`)];
  });
};
