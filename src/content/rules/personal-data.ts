// personal-data: an individual's public text carries no citizen-ID number (12 digits) and no Vietnamese phone number.
import type { LocalFinding, ParsedDoc } from "../parse.ts";
import type { Rule, RuleContext } from "./context.ts";

// 12 digits, possibly grouped by spaces or dots (001 085 012345), not part of a longer number.
const CITIZEN_ID = /(?<![\d.,])\d(?:[ .]?\d){11}(?![\d]|[.,]\d)/g;
// Mobile 0[35789]x xxx xxxx, landline 02xx xxxx xxx, or +84/0084 forms, with optional separators.
const PHONE = /(?<![\d+])(?:\+84|0084|\(?0)(?:[1-9])\)?(?:[ .-]?\d){8,9}(?![\d]|[.,]\d)/g;

/** The kind of personal number found in a text, or undefined. */
export function findPersonalData(text: string): { kind: "citizen-id" | "phone"; match: string; index: number } | undefined {
  CITIZEN_ID.lastIndex = 0;
  const id = CITIZEN_ID.exec(text);
  if (id && id[0].replace(/\D/g, "").length === 12) return { kind: "citizen-id", match: id[0], index: id.index };
  PHONE.lastIndex = 0;
  const phone = PHONE.exec(text);
  if (phone) {
    const digits = phone[0].replace(/\D/g, "").replace(/^(84|0084)/, "0");
    if (digits.length === 10 || digits.length === 11) return { kind: "phone", match: phone[0], index: phone.index };
  }
  return undefined;
}

const WHAT = { "citizen-id": "số căn cước công dân (12 chữ số)", phone: "số điện thoại" } as const;

function message(where: string, hit: NonNullable<ReturnType<typeof findPersonalData>>): string {
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
  if (doc.text !== undefined) {
    const lines = doc.text.split("\n");
    for (let i = doc.bodyLine - 1; i < lines.length; i++) {
      const hit = findPersonalData(lines[i] as string);
      if (hit) out.push({ file: doc.file, line: i + 1, column: hit.index + 1, severity: "error", rule: "personal-data", message: message("Bài viết", hit) });
    }
  }
  return out;
}

export const personalData: Rule = (ctx) => ctx.byType.exemplar.filter((doc) => doc.data?.kind === "individual").flatMap((doc) => check(ctx, doc));
