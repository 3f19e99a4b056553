// Parses one file on its own: bytes → text checks → front matter → YAML → schema → a ParsedDoc with problems.
//
// Two paths give the same ParsedDoc. Fast: a file with no text problem whose front matter lies in the
// subset `yaml-fast.ts` reads and whose data passes the schema and the date checks has nothing to report,
// so its YAML node positions are not computed until a cross-file rule (or the cache) asks for them.
// Positioned: every other file goes through `yaml.ts` as before, and every finding gets its line and column.
import { hash } from "node:crypto";
import { dateProblem, schemaProblems } from "./messages.ts";
import type { ContentType, Finding } from "./model.ts";
import { childSchema, resolveRef, schemaSet, SCHEMA_FILES, type SchemaKind, type SchemaNode } from "./schemas.ts";
import { splitFrontMatter } from "./frontmatter.ts";
import { checkLegacyText, checkNfc, checkSpecialCharacters, crLineEnds, decodeUtf8 } from "./text.ts";
import { parseYaml, RESERVED_KEYS, type NodePos, type Pos } from "./yaml.ts";
import { parseYamlFast } from "./yaml-fast.ts";

/** A finding inside the content tree: a `Finding` whose `file` is relative to the content directory. */
export type LocalFinding = Finding;

/** One parsed file, valid or not; cross-file rules read these. */
export interface ParsedDoc {
  kind: SchemaKind;
  /** Content type for Markdown files; undefined for site.yaml. */
  type?: ContentType;
  slug: string;
  /** Relative to the content directory, forward slashes. */
  file: string;
  absPath: string;
  /** NFC data; `undefined` when the front matter could not be read. */
  data: Record<string, unknown> | undefined;
  positions: Map<string, NodePos>;
  body: string;
  bodyLine: number;
  draft: boolean;
  hash: string;
  /** True when the data matched its schema. */
  schemaValid: boolean;
  /** Raw text (no BOM), for rules that scan the body; undefined when not UTF-8. */
  text?: string;
  problems: LocalFinding[];
}

function nfcDeep(value: unknown): unknown {
  if (typeof value === "string") return value.normalize("NFC");
  if (Array.isArray(value)) return value.map(nfcDeep);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    // Reserved keys (`__proto__`…) are reported by `yaml.ts` and never copied: `out["__proto__"] = v` would replace the prototype.
    for (const [k, v] of Object.entries(value)) if (!RESERVED_KEYS.has(k)) out[k.normalize("NFC")] = nfcDeep(v);
    return out;
  }
  return value;
}

/** The position of a value (or its key) by JSON pointer, falling back to the nearest parent, then to `fallback`. */
export function positionOf(positions: Map<string, NodePos>, pointer: string, atKey = false, fallback: Pos = { line: 1, column: 1 }): Pos {
  let p = pointer;
  for (;;) {
    const hit = positions.get(p);
    if (hit) return atKey && hit.key ? hit.key : p === pointer ? hit.value : (hit.key ?? hit.value);
    if (p === "") return fallback;
    p = p.slice(0, p.lastIndexOf("/"));
  }
}

/** Checks formats Ajv cannot judge as we want: real calendar dates wherever the schema asks for a date. */
function dateChecks(kind: SchemaKind, data: unknown, pointer: string, out: { pointer: string; rule: string; message: string }[]): void {
  eachDate(kind, data, (at, value, dateTime) => {
    const problem = dateProblem(value, dateTime);
    if (problem) out.push({ pointer: at, ...problem });
  }, pointer);
}

/** Calls `visit` with every string the schema wants as a date (`dateTime`: a date-time is allowed there), by JSON pointer. */
export function eachDate(kind: SchemaKind, data: unknown, visit: (pointer: string, value: string, dateTime: boolean) => void, pointer = ""): void {
  const root = resolveRef(schemaSet().root(kind), SCHEMA_FILES[kind]);
  walkDates(root.node, root.file, data, pointer, visit);
}

/** Walks data and schema together (what `schemaAt` finds for each path, without rebuilding the path). */
function walkDates(schema: SchemaNode, file: string, data: unknown, pointer: string, found: (pointer: string, value: string, dateTime: boolean) => void): void {
  if (typeof data === "string") {
    if (!isDateSchema(schema)) return;
    found(pointer, data, schema.anyOf?.some((b) => b.format === "date-time") ?? false);
    return;
  }
  const visit = (segment: string, value: unknown): void => {
    const next = childSchema(schema, segment);
    if (!next) return; // no schema below: no date to check
    const resolved = resolveRef(next, file);
    if (!mayHoldDate(resolved.node, resolved.file)) return; // e.g. a list of plain texts
    walkDates(resolved.node, resolved.file, value, `${pointer}/${segment.replace(/~/g, "~0").replace(/\//g, "~1")}`, found);
  };
  if (Array.isArray(data)) data.forEach((v, i) => visit(String(i), v));
  else if (data && typeof data === "object") {
    for (const [k, v] of Object.entries(data)) visit(k, v);
  }
}

function isDateSchema(schema: SchemaNode): boolean {
  return schema.format === "date" || (schema.anyOf?.some((b) => b.format === "date") ?? false);
}

const holdsDate = new WeakMap<SchemaNode, boolean>();

/** Whether a value under this (resolved) schema can be, or hold, a string the schema wants as a date. */
function mayHoldDate(schema: SchemaNode, file: string): boolean {
  const known = holdsDate.get(schema);
  if (known !== undefined) return known;
  holdsDate.set(schema, true); // a schema that refers back to itself: assume it may, never skip wrongly
  const below = (node: SchemaNode | boolean | undefined): boolean => {
    if (!node || typeof node !== "object") return false;
    const resolved = resolveRef(node, file);
    return mayHoldDate(resolved.node, resolved.file);
  };
  const result =
    isDateSchema(schema) ||
    Object.values(schema.properties ?? {}).some(below) ||
    below(schema.items) ||
    below(schema.additionalProperties);
  holdsDate.set(schema, result);
  return result;
}

/** Validates data against its schema and returns problems positioned at YAML nodes. */
export function validateData(kind: SchemaKind, data: unknown, positions: Map<string, NodePos>, file: string): { valid: boolean; problems: LocalFinding[] } {
  const validate = schemaSet().validate(kind);
  const valid = validate(data) as boolean;
  const found: { pointer: string; atKey?: boolean; rule: string; message: string }[] = [];
  if (!valid) found.push(...schemaProblems(kind, validate.errors ?? [], data));
  // Real dates are checked here, once, whatever Ajv said, so "2019-02-30" reads date-invalid and not a format error.
  const dates: { pointer: string; rule: string; message: string }[] = [];
  dateChecks(kind, data, "", dates);
  const problems: LocalFinding[] = [];
  const seen = new Set<string>();
  const all: { pointer: string; atKey?: boolean; rule: string; message: string }[] = [
    ...found.filter((f) => !dates.some((d) => d.pointer === f.pointer && (f.rule === "schema-format" || f.rule === d.rule))),
    ...dates,
  ];
  for (const p of all) {
    const key = `${p.pointer}\u0000${p.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pos = positionOf(positions, p.pointer, p.atKey);
    problems.push({ file, line: pos.line, column: pos.column, severity: "error", rule: p.rule, message: p.message });
  }
  return { valid, problems };
}

function textProblems(file: string, text: string, nfc: ReturnType<typeof checkNfc>): LocalFinding[] {
  return [...checkSpecialCharacters(text), ...nfc, ...checkLegacyText(text)].map((p) => ({
    file,
    line: p.pos.line,
    column: p.pos.column,
    severity: p.severity,
    rule: p.rule,
    message: p.message,
  }));
}

export interface FileRef {
  kind: SchemaKind;
  type?: ContentType;
  slug: string;
  file: string;
  absPath: string;
}

/**
 * Positions worked out on first use: a map that fills itself from the positioned parse the first time it is read. A
 * plain property holding it costs nothing per document; an accessor defined on each of ten thousand documents did.
 */
class DeferredPositions extends Map<string, NodePos> {
  #compute: (() => Map<string, NodePos>) | undefined;

  constructor(compute: () => Map<string, NodePos>) {
    super();
    this.#compute = compute;
  }

  /** True until something reads the map. */
  get pending(): boolean {
    return this.#compute !== undefined;
  }

  #fill(): void {
    const compute = this.#compute;
    if (!compute) return;
    this.#compute = undefined;
    for (const [pointer, pos] of compute()) super.set(pointer, pos);
  }

  override get size(): number {
    this.#fill();
    return super.size;
  }
  override get(pointer: string): NodePos | undefined {
    this.#fill();
    return super.get(pointer);
  }
  override has(pointer: string): boolean {
    this.#fill();
    return super.has(pointer);
  }
  override set(pointer: string, pos: NodePos): this {
    this.#fill();
    return super.set(pointer, pos);
  }
  override delete(pointer: string): boolean {
    this.#fill();
    return super.delete(pointer);
  }
  override clear(): void {
    this.#compute = undefined;
    super.clear();
  }
  override forEach(visit: (pos: NodePos, pointer: string, map: Map<string, NodePos>) => void, thisArg?: unknown): void {
    this.#fill();
    super.forEach(visit, thisArg);
  }
  override entries(): MapIterator<[string, NodePos]> {
    this.#fill();
    return super.entries();
  }
  override keys(): MapIterator<string> {
    this.#fill();
    return super.keys();
  }
  override values(): MapIterator<NodePos> {
    this.#fill();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, NodePos]> {
    return this.entries();
  }
}

/**
 * Makes `doc.positions` computed on first read by `compute` (the positioned parse) and kept.
 * Every reader (`ctx.at`, `positionOf`, the build cache) sees the same map the positioned path builds.
 */
export function deferPositions(doc: ParsedDoc, compute: () => Map<string, NodePos>): void {
  doc.positions = new DeferredPositions(compute);
}

/** True while a fast-path doc's positions have not been asked for (the build cache then stores none). */
export function positionsPending(doc: ParsedDoc): boolean {
  const positions = doc.positions;
  return positions instanceof DeferredPositions && positions.pending;
}

/** YAML node positions of a file's text (without BOM), as the positioned path records them. */
export function positionsFromText(kind: SchemaKind, text: string): Map<string, NodePos> {
  if (kind === "site") return parseYaml(text, kind).positions;
  const split = splitFrontMatter(text);
  return split.yaml === undefined ? new Map() : parseYaml(split.yaml, kind).positions;
}

/**
 * The fast path's data when it is provably what the positioned path gives and has nothing to report.
 * Only called for a text without problems, so the text is NFC; every string the fast reader returns is a
 * piece of it cut at ASCII characters (and joined with `'`), which compose with nothing: NFC as it is,
 * so `nfcDeep` would return an equal copy.
 */
function fastData(kind: SchemaKind, yamlText: string): Record<string, unknown> | undefined {
  const data = parseYamlFast(yamlText, kind);
  if (!data) return undefined;
  if (!(schemaSet().validate(kind)(data) as boolean)) return undefined;
  const dates: { pointer: string; rule: string; message: string }[] = [];
  dateChecks(kind, data, "", dates);
  return dates.length === 0 ? data : undefined;
}

/**
 * Parses and validates one file. Never throws on content. `fast: false` takes the positioned path
 * for every file (the tests compare both; the result is the same either way).
 */
export function parseFile(ref: FileRef, bytes: Uint8Array, fast = true): ParsedDoc {
  const doc: ParsedDoc = {
    ...ref,
    data: undefined,
    positions: new Map(),
    body: "",
    bodyLine: 1,
    draft: false,
    hash: hash("sha256", bytes, "hex"),
    schemaValid: false,
    problems: [],
  };
  const decoded = decodeUtf8(bytes);
  const file = ref.file;
  for (const p of decoded.problems) doc.problems.push({ file, line: p.pos.line, column: p.pos.column, severity: p.severity, rule: p.rule, message: p.message });
  if (decoded.text === undefined) return doc;
  let text = decoded.text;
  if (crLineEnds(text)) {
    // Old Mac files end lines with CR alone: read as one endless line, every line number would be wrong.
    // Read them with LF (what --fix writes) and say so once.
    text = text.replace(/\r\n?/g, "\n");
    doc.problems.push({
      file,
      line: 1,
      column: 1,
      severity: "error",
      rule: "line-endings",
      message: "Tệp xuống dòng bằng ký tự CR (kiểu máy Mac cũ) nên các công cụ khác đọc cả tệp thành một dòng. Chạy npm run validate -- --fix để đổi sang kiểu xuống dòng LF, hoặc lưu lại tệp với kiểu xuống dòng LF (Unix).",
    });
  }
  doc.text = text;
  const nfc = checkNfc(text);
  doc.problems.push(...textProblems(file, text, nfc));

  let yamlText: string;
  if (ref.kind === "site") {
    yamlText = text;
  } else {
    const split = splitFrontMatter(text);
    for (const p of split.problems) doc.problems.push({ file, line: p.pos.line, column: p.pos.column, severity: "error", rule: p.rule, message: p.message });
    if (split.yaml === undefined) return doc;
    yamlText = split.yaml;
    // The body is the text's tail after a line break: NFC whenever the whole text is.
    doc.body = nfc.length === 0 ? split.body : split.body.normalize("NFC");
    doc.bodyLine = split.bodyLine;
  }
  if (fast && doc.problems.length === 0) {
    const data = fastData(ref.kind, yamlText);
    if (data) {
      doc.data = data;
      doc.draft = data.draft === true;
      doc.schemaValid = true;
      const kind = ref.kind;
      deferPositions(doc, () => parseYaml(yamlText, kind).positions);
      return doc;
    }
  }
  const parsed = parseYaml(yamlText, ref.kind);
  doc.positions = parsed.positions;
  for (const p of parsed.problems) doc.problems.push({ file, line: p.pos.line, column: p.pos.column, severity: p.severity ?? "error", rule: p.rule, message: p.message });
  if (parsed.data === undefined) return doc;
  const data = nfcDeep(parsed.data);
  const { valid, problems } = validateData(ref.kind, data === null ? {} : data, parsed.positions, file);
  doc.problems.push(...problems);
  doc.schemaValid = valid && problems.length === 0;
  if (data && typeof data === "object" && !Array.isArray(data)) {
    doc.data = data as Record<string, unknown>;
    doc.draft = doc.data.draft === true;
  }
  return doc;
}
