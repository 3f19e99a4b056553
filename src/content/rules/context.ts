// What every cross-file rule sees: the whole parsed tree, the site's catalogues, and helpers to place and word findings.
import type { ContentType, Severity, SiteConfig } from "../model.ts";
import { fieldName } from "../messages.ts";
import { positionOf, type LocalFinding, type ParsedDoc } from "../parse.ts";
import { schemaAt, type SchemaKind, type SchemaNode } from "../schemas.ts";
import { escapePointer } from "../yaml.ts";

/** One path found in the content tree, classified by where it sits. */
export interface TreeEntry {
  /** Relative to the content directory, forward slashes. */
  file: string;
  absPath: string;
  isDirectory: boolean;
  /** Set for symbolic links whose target lies outside the content directory. */
  escapes?: boolean;
  /** Set for symbolic links (their target may still lie inside). */
  link?: boolean;
  role: "site" | "content" | "image" | "readme" | "unknown";
  type?: ContentType;
}

/** The ids declared in site.yaml, read defensively (site.yaml may itself be invalid). */
export interface SiteCatalogues {
  units: string[];
  wards: string[];
  fields: string[];
  channels: string[];
  activityTypes: string[];
  anniversaries: string[];
}

export interface RuleContext {
  /** When set, the only files whose findings are wanted (relative paths): checks of one document skip the others. */
  only?: ReadonlySet<string>;
  /** Absolute content directory (real path). */
  dir: string;
  site: ParsedDoc | undefined;
  catalogues: SiteCatalogues | undefined;
  /** Every Markdown file that was read, valid or not. */
  docs: ParsedDoc[];
  byType: Record<ContentType, ParsedDoc[]>;
  tree: readonly TreeEntry[];
  /** Paths (relative to the content directory) that exist as files, for image checks. */
  files: Set<string>;
  /** `Trường "Đơn vị đề xuất" (unit)`. */
  label(kind: SchemaKind, segments: readonly string[]): string;
  schema(kind: SchemaKind, segments: readonly string[]): SchemaNode | undefined;
  /** A finding at the YAML node of `pointer` in `doc`. */
  at(doc: ParsedDoc, pointer: string, rule: string, message: string, severity?: Severity, atKey?: boolean): LocalFinding;
}

export type Rule = (ctx: RuleContext) => LocalFinding[] | Promise<LocalFinding[]>;

const NO_SITE = {};
/** Where a document keeps its one-document findings: on itself (a property lookup, cheaper than a WeakMap per call). */
const MEMO = Symbol("perDocument");
interface DocumentMemo {
  site: object;
  /** Findings by rule name: a plain object, since every document gets the same few keys in the same order (one shape). */
  byRule: Record<string, LocalFinding[]>;
}

/**
 * The findings of a check that reads nothing but `doc` and site.yaml, kept while both are the same parsed objects: a
 * later load that reuses unchanged documents (the dev server, src/build/dev.ts) does not check them again.
 */
export function perDocument(ctx: Pick<RuleContext, "site" | "only">, rule: string, doc: ParsedDoc, check: () => LocalFinding[]): LocalFinding[] {
  if (ctx.only && !ctx.only.has(doc.file)) return [];
  const siteKey = ctx.site ?? NO_SITE;
  const holder = doc as ParsedDoc & { [MEMO]?: DocumentMemo };
  let memo = holder[MEMO];
  if (!memo || memo.site !== siteKey) {
    memo = { site: siteKey, byRule: {} };
    Object.defineProperty(holder, MEMO, { value: memo, writable: true, configurable: true, enumerable: false });
  }
  return (memo.byRule[rule] ??= check());
}

/** `perDocument` over a list: the findings of `check` on each document, each kept on its document. */
export function perDocuments(ctx: Pick<RuleContext, "site" | "only">, rule: string, docs: readonly ParsedDoc[], check: (doc: ParsedDoc) => LocalFinding[]): LocalFinding[] {
  const out: LocalFinding[] = [];
  for (const doc of docs) {
    const found = perDocument(ctx, rule, doc, () => check(doc));
    if (found.length > 0) out.push(...found);
  }
  return out;
}

export function makeContext(base: Omit<RuleContext, "label" | "schema" | "at">): RuleContext {
  return {
    ...base,
    label: fieldName,
    schema: schemaAt,
    at(doc, pointer, rule, message, severity = "error", atKey = false) {
      const pos = positionOf(doc.positions, pointer, atKey);
      return { file: doc.file, line: pos.line, column: pos.column, severity, rule, message };
    },
  };
}

/**
 * The documents whose findings are wanted: all of them, or only those `npm run validate -- FILE` names. A check whose
 * findings sit on the document it reads skips the others, so an unchanged document's data is never looked at (with the
 * validator's cache it is then not even read: src/build/parse-cache.ts). `perDocument` skips them the same way.
 */
export function wanted(ctx: Pick<RuleContext, "only">, docs: readonly ParsedDoc[]): readonly ParsedDoc[] {
  const only = ctx.only;
  return only ? docs.filter((d) => only.has(d.file)) : docs;
}

/** A string field of a doc's data, or undefined. */
export function str(doc: ParsedDoc, key: string): string | undefined {
  const v = doc.data?.[key];
  return typeof v === "string" ? v : undefined;
}

/** A list of strings (other items skipped, with their index kept). */
export function strList(doc: ParsedDoc, key: string): { value: string; index: number }[] {
  const v = doc.data?.[key];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, index) => (typeof item === "string" ? [{ value: item, index }] : []));
}

export type Limits = Required<NonNullable<SiteConfig["limits"]>>;

/** site.yaml's `limits`, each missing (or invalid) one taken from its schema default. */
export function limits(ctx: Pick<RuleContext, "site">): Limits {
  const given = ctx.site?.schemaValid ? ((ctx.site.data?.limits ?? {}) as SiteConfig["limits"] & object) : {};
  const value = (key: keyof Limits): number => given[key] ?? (schemaAt("site", ["limits", key])?.default as number);
  return { minYear: value("minYear"), maxYear: value("maxYear"), imagePixels: value("imagePixels") };
}

/** Every string in a value (the data of a doc) with its JSON pointer. */
export function eachString(value: unknown, pointer: string, visit: (pointer: string, text: string) => void): void {
  if (typeof value === "string") visit(pointer, value);
  else if (Array.isArray(value)) value.forEach((v, i) => eachString(v, `${pointer}/${i}`, visit));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) eachString(v, `${pointer}/${escapePointer(k)}`, visit);
}
