// personal-data: an individual's public text carries no citizen-ID number (12 digits) and no Vietnamese phone number.
import type { LocalFinding, ParsedDoc } from "../parse.ts";
import type { Rule, RuleContext } from "./context.ts";

// A run of digits with single spaces, dots, hyphens or parentheses between them: "0912 345 678",
// "(024) 3834 5678", "+84 912.345.678", "001085012345". Dates (19/05/2019) break at the slash.
const CANDIDATE = /(?:\+|\()?\d(?:[ .\-()]{0,2}\d)+/g;

// Any run of nine or more digits (with separators): a cheap test before the line-by-line search.
const NINE_DIGITS = /\d(?:[ .\-()]{0,2}\d){8}/;

export interface PersonalNumber {
  kind: "citizen-id" | "phone";
  match: string;
  index: number;
}

/** The first citizen-ID or phone number in a text, or undefined. */
export function findPersonalData(text: string): PersonalNumber | undefined {
  for (const m of text.matchAll(CANDIDATE)) {
    const raw = m[0];
    let digits = raw.replace(/\D/g, "");
    if (digits.length === 12 && !raw.startsWith("+")) return { kind: "citizen-id", match: raw, index: m.index ?? 0 };
    if (raw.startsWith("+84")) digits = `0${digits.slice(2)}`;
    else if (digits.startsWith("0084")) digits = `0${digits.slice(4)}`;
    const mobile = digits.length === 10 && /^0[35789]/.test(digits);
    const landline = digits.length === 11 && /^02/.test(digits);
    if (mobile || landline) return { kind: "phone", match: raw, index: m.index ?? 0 };
  }
  return undefined;
}

const WHAT = { "citizen-id": "số căn cước công dân (12 chữ số)", phone: "số điện thoại" } as const;

function message(where: string, hit: PersonalNumber): string {
  return `${where} có vẻ chứa ${WHAT[hit.kind]} "${hit.match}". Không công bố thông tin cá nhân này của người được giới thiệu; hãy xóa số đó.`;
}

const FIELDS: readonly string[] = ["title", "summary", "method", "loudspeaker"];

function check(ctx: RuleContext, doc: ParsedDoc): LocalFinding[] {
  const out: LocalFinding[] = [];
  const data = doc.data ?? {};
  for (const key of FIELDS) {
    const value = data[key];
    if (typeof value !== "string") continue;
    const hit = findPersonalData(value);
    if (hit) out.push(ctx.at(doc, `/${key}`, "personal-data", message(ctx.label("exemplar", [key]), hit)));
  }
  const achievements = data.achievements;
  if (Array.isArray(achievements)) {
    achievements.forEach((item, index) => {
      if (typeof item !== "string") return;
      const hit = findPersonalData(item);
      if (hit) out.push(ctx.at(doc, `/achievements/${index}`, "personal-data", message(ctx.label("exemplar", ["achievements", String(index)]), hit)));
    });
  }
  if (doc.text !== undefined && NINE_DIGITS.test(doc.body)) {
    const lines = doc.text.split("\n");
    for (let i = doc.bodyLine - 1; i < lines.length; i++) {
      const hit = findPersonalData(lines[i] as string);
      if (hit) out.push({ file: doc.file, line: i + 1, column: hit.index + 1, severity: "error", rule: "personal-data", message: message("Bài viết", hit) });
    }
  }
  return out;
}

export const personalData: Rule = (ctx) => ctx.byType.exemplar.filter((doc) => doc.data?.kind === "individual").flatMap((doc) => check(ctx, doc));
