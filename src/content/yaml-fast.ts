// The fast path for front matter: a strict subset of YAML read without a syntax tree or positions.
//
// Most files are valid and positions are only needed for a finding, so `parseFile` first tries this
// reader and keeps the positioned parse (`yaml.ts`) for files that have a finding. The subset is
// chosen so that, for every text it accepts, the result is provably what `parseYaml` returns:
//   - block mappings with plain keys `[A-Za-z][A-Za-z0-9_-]*` (not true/false/null in any case),
//     each key once; block sequences (also at the key's own indentation), `- key: value` items;
//   - one-line scalars only: plain scalars that cannot start an indicator, hold no `: ` or ` #` and
//     do not end in `:`; double-quoted without `\` (so no escapes); single-quoted (`''` is `'`);
//   - one-line flow sequences `[a, "b", 'c']` of such scalars without `,[]{}:#` inside; `[]`, `{}`;
//   - whole-line comments and blank lines; spaces only (any tab, CR, C1 control or U+2028/2029: no);
//   - plain scalars typed as YAML 1.2's core schema does (the regular expressions are those of the
//     `yaml` package's core tags), then, where the schema wants text, kept as written (`05`, `2019`,
//     `1.10`, `true`), exactly like `yaml.ts`'s schema-guided walk; a number it cannot prove it reads
//     the same way (signs, leading zeros, floats, octal, hex, more than 15 digits) where the schema
//     does not want text gives up.
// Anything else — anchors, aliases, tags, directives, block scalars (`|`, `>`), multi-line scalars,
// escapes, complex keys, merge keys, duplicate keys, odd indentation — returns `undefined`, and the
// caller uses the positioned parse. `test/content/fast-path.test.ts` checks both readers agree.
import { childSchema, resolveRef, schemaSet, SCHEMA_FILES, wantsString, type SchemaKind, type SchemaNode } from "./schemas.ts";

interface Line {
  indent: number;
  text: string;
}

interface Schema {
  node?: SchemaNode;
  file: string;
}

/** Thrown inside the reader to give up; never leaves this module. */
const GIVE_UP = Symbol("give up");

/**
 * Where the `:` of a key line `[A-Za-z][A-Za-z0-9_-]*:` followed by a space or the end of the line is
 * (what /^([A-Za-z][A-Za-z0-9_-]*):(?: +(.*))?$/ matches), or -1.
 */
function keyColon(text: string): number {
  const first = text.charCodeAt(0) | 32; // lower case for letters
  if (first < 97 || first > 122) return -1;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */) return i + 1 === text.length || text.charCodeAt(i + 1) === 32 ? i : -1;
    const l = c | 32;
    if (!((l >= 97 && l <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45)) return -1;
  }
  return -1;
}
// Keys YAML reads as something other than text, and the keys the positioned path refuses (RESERVED_KEYS in yaml.ts).
const RESERVED_KEY = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL|constructor|prototype)$/;
const UNSAFE_TEXT = /[\t\r\u0080-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/;
// The yaml package's core schema tags (src/schema/core, src/schema/common/null).
const CORE_NULL = /^(?:~|[Nn]ull|NULL)$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_NUMBER = [
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
];
const PLAIN_INT = /^(?:0|[1-9][0-9]{0,14})$/;
// First characters that make a node something other than a plain scalar (YAML 1.2 c-indicator, plus space).
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@` ]/;

function giveUp(): never {
  throw GIVE_UP;
}

function child(schema: Schema, segment: string): Schema {
  const next = schema.node ? childSchema(schema.node, segment) : undefined;
  return next ? resolveRef(next, schema.file) : { file: schema.file };
}

/** A plain scalar typed as the core schema types it, kept as written where the schema wants text. */
function plainValue(text: string, schema: Schema): unknown {
  // Every null, boolean and number of the core schema starts with one of these: the rest is text.
  if (!/^[-+.0-9~nNtTfF]/.test(text)) return text;
  if (CORE_NULL.test(text)) return null;
  const isBool = CORE_BOOL.test(text);
  const isNumber = !isBool && CORE_NUMBER.some((re) => re.test(text));
  if (!isBool && !isNumber) return text;
  if (wantsString(schema.node)) return text;
  if (isBool) return text.charAt(0) === "t" || text.charAt(0) === "T";
  if (PLAIN_INT.test(text)) return Number(text);
  return giveUp();
}

/** One block-context scalar written on one line (already without leading spaces). */
function scalar(raw: string, schema: Schema): unknown {
  const first = raw.charAt(0);
  if (first === '"') {
    const end = raw.indexOf('"', 1);
    if (end < 0 || raw.lastIndexOf("\\", end) > 0 || !/^ *$/.test(raw.slice(end + 1))) return giveUp();
    return raw.slice(1, end);
  }
  if (first === "'") return singleQuoted(raw, true);
  if (first === "[") return flowSequence(raw, schema);
  if (raw === "{}" || /^\{\} +$/.test(raw)) return {};
  if (INDICATOR_START.test(raw)) return giveUp();
  const text = raw.replace(/ +$/, "");
  if (text.includes(": ") || text.endsWith(":") || text.includes(" #")) return giveUp();
  return plainValue(text, schema);
}

function singleQuoted(raw: string, rest: boolean): string {
  let out = "";
  let i = 1;
  for (;;) {
    const q = raw.indexOf("'", i);
    if (q < 0) return giveUp();
    out += raw.slice(i, q);
    if (raw.charAt(q + 1) === "'") {
      out += "'";
      i = q + 2;
      continue;
    }
    if (rest && !/^ *$/.test(raw.slice(q + 1))) return giveUp();
    if (!rest && q !== raw.length - 1) return giveUp();
    return out;
  }
}

/** `[a, "b", 'c']` on one line, items without `,[]{}:#`; `[]`. */
function flowSequence(raw: string, schema: Schema): unknown[] {
  const close = raw.indexOf("]");
  if (close < 0 || !/^ *$/.test(raw.slice(close + 1))) return giveUp();
  const inner = raw.slice(1, close);
  if (/^ *$/.test(inner)) return [];
  if (/[[\]{}:#]/.test(inner)) return giveUp();
  const itemSchema = child(schema, "0");
  return inner.split(",").map((part) => {
    const item = part.replace(/^ +| +$/g, "");
    if (item === "") return giveUp(); // `[a, , b]` and a trailing comma: not worth proving
    const first = item.charAt(0);
    if (first === '"') {
      if (item.length < 2 || !item.endsWith('"') || item.slice(1, -1).includes('"') || item.includes("\\")) return giveUp();
      return item.slice(1, -1);
    }
    if (first === "'") return singleQuoted(item, false);
    if (INDICATOR_START.test(item) || item.includes("'") || item.includes('"')) return giveUp();
    return plainValue(item, itemSchema);
  });
}

function isItem(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

class Reader {
  i = 0;
  constructor(readonly lines: Line[]) {}

  /** The lines after a one-line value must not be indented deeper (that would continue the value). */
  endOfValue(indent: number): void {
    const next = this.lines[this.i];
    if (next && next.indent > indent) giveUp();
  }

  map(indent: number, schema: Schema): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      const line = this.lines[this.i];
      if (!line || line.indent < indent) return out;
      if (line.indent > indent || isItem(line.text)) return giveUp();
      const colon = keyColon(line.text);
      if (colon < 0) return giveUp();
      const key = line.text.slice(0, colon);
      if (RESERVED_KEY.test(key) || key.length > 1000 || Object.hasOwn(out, key)) return giveUp();
      const sub = child(schema, key);
      const rest = line.text.slice(colon + 1).replace(/^ +/, "");
      this.i++;
      if (rest === "") {
        const next = this.lines[this.i];
        if (next && next.indent > indent) out[key] = this.block(next.indent, sub);
        else if (next && next.indent === indent && isItem(next.text)) out[key] = this.seq(indent, sub);
        else out[key] = null;
      } else {
        out[key] = scalar(rest, sub);
        this.endOfValue(indent);
      }
    }
  }

  seq(indent: number, schema: Schema): unknown[] {
    const out: unknown[] = [];
    const itemSchema = child(schema, "0");
    for (;;) {
      const line = this.lines[this.i];
      if (!line || line.indent !== indent || !isItem(line.text)) {
        if (line && line.indent > indent) giveUp();
        return out;
      }
      const m = /^-( +)(.+)$/.exec(line.text);
      if (!m) return giveUp(); // `-` alone: a nested block item
      const rest = m[2] as string;
      if (isItem(rest)) return giveUp();
      if (keyColon(rest) >= 0) {
        // `- key: value`: a mapping whose keys sit where `key` sits.
        const inner = indent + 1 + (m[1] as string).length;
        this.lines[this.i] = { indent: inner, text: rest };
        out.push(this.map(inner, itemSchema));
        continue;
      }
      this.i++;
      out.push(scalar(rest, itemSchema));
      this.endOfValue(indent);
    }
  }

  block(indent: number, schema: Schema): unknown {
    const line = this.lines[this.i] as Line;
    return isItem(line.text) ? this.seq(indent, schema) : this.map(indent, schema);
  }
}

/**
 * Reads front matter in the fast subset, or returns `undefined` when the text is outside it
 * (the caller then uses `parseYaml`). The data is exactly what `parseYaml(text, kind).data` gives.
 */
export function parseYamlFast(text: string, kind: SchemaKind): Record<string, unknown> | undefined {
  if (UNSAFE_TEXT.test(text)) return undefined;
  const lines: Line[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let at = start;
    while (text.charCodeAt(at) === 32) at++;
    // Blank lines and whole-line comments are skipped.
    if (at < end && text.charCodeAt(at) !== 35 /* # */) lines.push({ indent: at - start, text: text.slice(at, end) });
    start = end + 1;
  }
  if (lines.length === 0 || (lines[0] as Line).indent !== 0 || isItem((lines[0] as Line).text)) return undefined;
  const root = resolveRef(schemaSet().root(kind), SCHEMA_FILES[kind]);
  const reader = new Reader(lines);
  try {
    const data = reader.map(0, root);
    return reader.i === lines.length ? data : undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
