// personal-data: what readers read of an individual — every published text field and the rendered body — carries
// no citizen-ID number (12 digits) and no Vietnamese phone number, however it is written.
//
// The text is read as the site shows it: Markdown rendered (entities such as &#48; decoded, emphasis and
// escapes gone, image descriptions kept), then NFKC-normalised (full-width ０９１２ is 0912), and a number
// may be broken up by any run of spaces, dots, dashes, parentheses or line breaks.
import { unescapeAll } from "markdown-it/lib/common/utils.mjs";
import { pointerSegments } from "../messages.ts";
import type { LocalFinding, ParsedDoc } from "../parse.ts";
import { readerBlocks, readerInline, lineAt } from "../reader-text.ts";
import type { SchemaNode } from "../schemas.ts";
import { codeUnitTable } from "../../util/characters.ts";
import { eachString, perDocuments, type Rule, type RuleContext } from "./context.ts";

// What may stand between two digits of one number: up to three spaces (any kind, line breaks too), dots,
// hyphens and dashes, the minus sign, parentheses, middle dots. Not "/" (dates) and not "," (lists).
const SEP = "[\\s.\\-\\u2010-\\u2015\\u2212()·•]{0,3}";
const CANDIDATE = new RegExp(`(?:\\+|\\()?\\d(?:${SEP}\\d)+`, "g");
// Any run of nine or more digits (with separators): a cheap test before the full search.
const NINE_DIGITS = new RegExp(`\\d(?:${SEP}\\d){8}`);

export interface PersonalNumber {
  kind: "citizen-id" | "phone";
  match: string;
  index: number;
}

/** The text as a reader takes it in: NFKC, so full-width and other compatibility digits are plain digits. Line breaks stay. */
export function readable(text: string): string {
  return text
    .split("\n")
    .map((l) => l.normalize("NFKC"))
    .join("\n");
}

/** The first citizen-ID or phone number in a (readable) text, or undefined. */
export function findPersonalData(text: string): PersonalNumber | undefined {
  for (const hit of allPersonalData(text)) return hit;
  return undefined;
}

/** Every citizen-ID or phone number in a (readable) text. */
export function* allPersonalData(text: string): Generator<PersonalNumber> {
  if (!NINE_DIGITS.test(text)) return;
  for (const m of text.matchAll(CANDIDATE)) {
    const raw = m[0];
    let digits = raw.replace(/\D/g, "");
    // A citizen ID starts with its province code, 001–096: money (120.000.000.000) does not start with 0.
    if (digits.length === 12 && digits.startsWith("0") && !raw.startsWith("+")) {
      yield { kind: "citizen-id", match: raw, index: m.index ?? 0 };
      continue;
    }
    if (raw.startsWith("+84")) digits = `0${digits.slice(2)}`;
    else if (digits.startsWith("0084")) digits = `0${digits.slice(4)}`;
    const mobile = digits.length === 10 && /^0[35789]/.test(digits);
    const landline = digits.length === 11 && /^02/.test(digits);
    if (mobile || landline) yield { kind: "phone", match: raw, index: m.index ?? 0 };
  }
}

const WHAT = { "citizen-id": "số căn cước công dân (12 chữ số)", phone: "số điện thoại" } as const;

function message(where: string, hit: PersonalNumber): string {
  return `${where} có vẻ chứa ${WHAT[hit.kind]} "${hit.match.replace(/\s+/g, " ")}". Không công bố thông tin cá nhân này của người được giới thiệu; hãy xóa số đó.`;
}

/** A schema node for free text a reader sees (not an id, a date, a file name or a fixed value). */
function isFreeText(schema: SchemaNode | undefined): boolean {
  return !!schema && schema.type === "string" && !schema.pattern && !schema.enum && !schema.format && schema.const === undefined;
}

/**
 * The column in the source line where a number found in the rendered line starts: the source position of
 * the same digit (counting digits typed, full-width or written as entities), less what comes before that
 * digit in the match ("(" or "+").
 */
function sourceColumn(sourceLine: string, renderedLine: string, hit: PersonalNumber): number {
  const before = (renderedLine.slice(0, hit.index).match(/\d/g) ?? []).length;
  const lead = hit.match.search(/\d/);
  let seen = 0;
  for (const m of sourceLine.matchAll(/&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|[\s\S]/gu)) {
    const ch = m[0].length > 1 && m[0].startsWith("&") ? unescapeAll(m[0]) : m[0];
    if (!/^\d$/.test(ch.normalize("NFKC"))) continue;
    if (seen === before) return Math.max(1, (m.index ?? 0) + 1 - lead);
    seen++;
  }
  return 1;
}

/**
 * Cheap test before rendering: a rendered digit comes from a digit of some script (full-width, circled,
 * superscript… all \p{N}) or an entity, so a text with fewer than nine of those holds no number. A loop over code
 * units with what each BMP character is remembered (no match object per character, no backtracking on long text).
 */
const NUMBER_LIKE = /^[\p{N}&]$/u;
const NUMBER = 2;
const numberUnit = codeUnitTable((ch) => (NUMBER_LIKE.test(ch) ? NUMBER : 1));

export function mayHoldNumber(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let yes: boolean;
    if (c < 0x80) yes = (c >= 0x30 && c <= 0x39) || c === 0x26;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i) as number;
      yes = NUMBER_LIKE.test(String.fromCodePoint(cp));
      if (cp > 0xffff) i++;
    } else yes = numberUnit(c) === NUMBER;
    if (yes && ++n >= 9) return true;
  }
  return false;
}

function check(ctx: RuleContext, doc: ParsedDoc): LocalFinding[] {
  const out: LocalFinding[] = [];
  eachString(doc.data ?? {}, "", (pointer, value) => {
    const segments = pointerSegments(pointer);
    if (!mayHoldNumber(value) || !isFreeText(ctx.schema("exemplar", segments))) return;
    const hit = findPersonalData(readable(readerInline(value)));
    if (hit) out.push(ctx.at(doc, pointer, "personal-data", message(ctx.label("exemplar", segments), hit)));
  });
  if (doc.text !== undefined && mayHoldNumber(doc.body)) {
    const lines = doc.text.split("\n");
    for (const block of readerBlocks(doc.body, doc.bodyLine)) {
      const text = readable(block.text);
      for (const hit of allPersonalData(text)) {
        const line = lineAt(block, hit.index);
        const start = text.lastIndexOf("\n", hit.index - 1) + 1;
        const renderedLine = text.slice(start).split("\n")[0] as string;
        const column = sourceColumn(lines[line - 1] ?? "", renderedLine, { ...hit, index: hit.index - start });
        out.push({ file: doc.file, line, column, severity: "error", rule: "personal-data", message: message("Bài viết", hit) });
      }
    }
  }
  return out;
}

export const personalData: Rule = (ctx) =>
  perDocuments(ctx, "personal-data", ctx.byType.exemplar, (doc) => (doc.data?.kind === "individual" ? check(ctx, doc) : []));
