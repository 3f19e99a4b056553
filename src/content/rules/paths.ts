// file-name, year-folder, year-mismatch, bulletin-file, bulletin-number, bulletin-year: where a file sits agrees with what it says.
import { bulletinId } from "../../paths/paths.ts";
import { slugify } from "../../vi/text.ts";
import { isCalendarDate, isDateTimeWithOffset, vietnamDate } from "../../vi/date.ts";
import { CONTENT_TYPES, type ContentType } from "../model.ts";
import type { LocalFinding, ParsedDoc } from "../parse.ts";
import { limits, perDocument, str, type Limits, type Rule, type RuleContext } from "./context.ts";

const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const BULLETIN_RE = /^(\d{4})-(\d{2})$/;

/** The year of a real date inside site.yaml's limits (a year outside them has its date-range finding). */
function yearOf(text: string | undefined, range: Limits): number | undefined {
  if (text === undefined || !(isCalendarDate(text) || isDateTimeWithOffset(text))) return undefined;
  const year = vietnamDate(text).year;
  return year >= range.minYear && year <= range.maxYear ? year : undefined;
}

function at(doc: ParsedDoc, rule: string, message: string, severity: "error" | "warning" = "error"): LocalFinding {
  return { file: doc.file, line: 1, column: 1, severity, rule, message };
}

export const paths: Rule = (ctx) => {
  const range = limits(ctx); // once: it reads site.yaml and the schema's defaults
  return ctx.docs.flatMap((doc) => perDocument(ctx, "paths", doc, () => checkPath(ctx, doc, range)));
};

function checkPath(ctx: RuleContext, doc: ParsedDoc, range: Limits): LocalFinding[] {
  const out: LocalFinding[] = [];
  {
    const type = doc.type as ContentType;
    const parts = doc.file.split("/");
    const folder = CONTENT_TYPES[type].folder;
    const dateYear = yearOf(str(doc, "date"), range);
    const dateLabel = (): string => ctx.label(type, ["date"]); // worded only for a finding
    if (type === "bulletin") {
      const m = BULLETIN_RE.exec(doc.slug);
      if (!m) {
        out.push(at(doc, "bulletin-file", `Tên tệp bản tin phải có dạng <năm>-<số>.md (số hai chữ số), ví dụ bulletins/2019-01.md; đang là "${parts[1]}".`));
        return out;
      }
      const number = doc.data?.number;
      if (typeof number === "number" && number !== Number(m[2])) {
        const renamed = `${bulletinId(Number(m[1]), number)}.md`;
        out.push(ctx.at(doc, "/number", "bulletin-number", `${ctx.label(type, ["number"])} là ${number} nhưng tên tệp là ${doc.slug}.md; hãy sửa số thành ${Number(m[2])} hoặc đổi tên tệp thành ${renamed}.`));
      }
      if (dateYear !== undefined && dateYear !== Number(m[1])) {
        out.push(ctx.at(doc, "/date", "bulletin-year", `${dateLabel()} thuộc năm ${dateYear} nhưng tên tệp ghi năm ${m[1]}; hãy sửa ngày hoặc đổi tên tệp thành ${dateYear}-${m[2]}.md.`));
      }
      return out;
    }
    if (!SLUG_RE.test(doc.slug)) {
      const suggestion = slugify(doc.slug);
      out.push(at(doc, "file-name", `Tên tệp "${parts[2]}" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang${suggestion ? `, ví dụ ${suggestion}.md` : ""}.`));
    }
    const yearFolder = parts[1] as string;
    if (!/^\d{4}$/.test(yearFolder)) {
      out.push(at(doc, "year-folder", `Thư mục năm "${yearFolder}" phải là năm bốn chữ số: tệp đặt ở ${folder}/<năm>/${parts[2]}${dateYear ? `, ở đây là ${folder}/${dateYear}/${parts[2]}` : ""}.`));
    } else if (dateYear !== undefined && dateYear !== Number(yearFolder)) {
      out.push(ctx.at(doc, "/date", "year-mismatch", `${dateLabel()} thuộc năm ${dateYear} nhưng tệp nằm trong thư mục ${folder}/${yearFolder}/; nên chuyển tệp sang ${folder}/${dateYear}/.`, "warning"));
    }
  }
  return out;
}
