// YAML with positions: core schema only, unique keys, bounded aliases, and values kept as the author wrote them where the schema wants text.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Document, type Node } from "yaml";
import { childSchema, resolveRef, schemaSet, SCHEMA_FILES, wantsString, type SchemaKind, type SchemaNode } from "./schemas.ts";
import { specialCharacters } from "./text.ts";

/** 1-based position in the file. */
export interface Pos {
  line: number;
  column: number;
}

/** Where a value sits: the value itself and, for object members, its key. */
export interface NodePos {
  value: Pos;
  key?: Pos;
}

export interface YamlProblem {
  pos: Pos;
  rule: string;
  message: string;
  /** Errors unless said otherwise. */
  severity?: "warning";
}

export interface ParsedYaml {
  /** Plain JS data (undefined when the text could not be parsed at all). */
  data: unknown;
  /** Positions by JSON pointer (`""`, `/subject/name`, `/achievements/0`), as Ajv's `instancePath`. */
  positions: Map<string, NodePos>;
  problems: YamlProblem[];
}

/** More aliases than this in one file is an attack or a mistake, never content. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Keys that name JavaScript's own machinery: as a data key, `__proto__` can replace an object's
 * prototype in code that copies keys, and `constructor` or `prototype` shadow what code expects.
 * They are refused wherever they appear, and never reach the data.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

const YAML_MESSAGES: Record<string, string> = {
  BAD_INDENT: "thụt lề không đúng",
  TAB_AS_INDENT: "không được dùng phím Tab để thụt lề, hãy dùng dấu cách",
  MISSING_CHAR: "thiếu ký tự đóng (dấu ngoặc kép, ngoặc vuông hoặc ngoặc nhọn)",
  MULTILINE_IMPLICIT_KEY: "khóa không được viết trên nhiều dòng; có thể thiếu dấu hai chấm hoặc thiếu dấu ngoặc kép đóng",
  BLOCK_AS_IMPLICIT_KEY: "khối nhiều dòng không thể làm khóa",
  UNEXPECTED_TOKEN: "ký tự không mong đợi",
  MULTIPLE_DOCS: "chỉ được có một khối YAML giữa hai dòng ---",
  BAD_SCALAR_START: "giá trị bắt đầu bằng ký tự đặc biệt; hãy đặt giá trị trong dấu ngoặc kép",
  BAD_DQ_ESCAPE: "chuỗi thoát (\\) không hợp lệ trong dấu ngoặc kép",
  BLOCK_IN_FLOW: "không viết khối nhiều dòng bên trong [ ] hoặc { }",
  KEY_OVER_1024_CHARS: "khóa dài quá 1024 ký tự",
  BAD_ALIAS: "tham chiếu (*) không hợp lệ",
  NON_STRING_KEY: "khóa phải là chữ",
};

/**
 * Parses one YAML text. `kind` guides the conversion: where the schema wants a string and the
 * author wrote a plain scalar that YAML's core schema would read as a number or boolean (`05`,
 * `2019`, `1.10`), the source text is kept, because `05` must not silently become 5.
 * `lineOffset` is added to every line (front matter that does not start at line 1).
 */
export function parseYaml(text: string, kind: SchemaKind | undefined, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const problems: YamlProblem[] = [];
  const positions = new Map<string, NodePos>();
  const at = (offset: number): Pos => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      schema: "core",
      version: "1.2",
      uniqueKeys: true,
      merge: false,
      strict: true,
      prettyErrors: false,
      lineCounter,
      customTags: [],
    });
  } catch (error) {
    problems.push({ pos: { line: 1 + lineOffset, column: 1 }, rule: "yaml-syntax", message: `Lỗi cú pháp YAML: ${(error as Error).message}` });
    return { data: undefined, positions, problems };
  }
  // After the first syntax error the rest of the text is read out of step, so later syntax errors
  // are mostly echoes of it: report the first one only. Duplicate keys are independent: report all.
  let syntaxReported = false;
  for (const error of doc.errors) {
    if (error.code === "DUPLICATE_KEY") {
      const key = text.slice(error.pos[0]).split(/[:\n]/)[0]?.trim() ?? "";
      problems.push({ pos: at(error.pos[0]), rule: "yaml-duplicate-key", message: `Trường "${key}" được ghi hai lần; mỗi trường chỉ ghi một lần. Hãy xóa hoặc gộp dòng lặp.` });
      continue;
    }
    if (syntaxReported) continue;
    syntaxReported = true;
    let offset = error.pos[0];
    if (error.code === "MISSING_CHAR") {
      // An unclosed quote is found at the end of the text; point at where the quoted value opened.
      visit(doc, {
        Scalar(_, node) {
          if ((node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) && node.range && node.range[1] >= error.pos[0] - 1) {
            offset = node.range[0];
            return visit.BREAK;
          }
          return undefined;
        },
      });
    }
    const explained = explainSyntax(error.code, error.message, text, offset);
    problems.push({ pos: at(explained.offset), rule: "yaml-syntax", message: `Lỗi cú pháp YAML: ${explained.detail}.` });
  }
  for (const warning of doc.warnings) {
    const pos = at(warning.pos[0]);
    if (warning.code === "TAG_RESOLVE_FAILED") {
      problems.push({ pos, rule: "yaml-tag", message: "Không dùng thẻ kiểu YAML (bắt đầu bằng !); hãy ghi giá trị thường." });
    } else {
      problems.push({ pos, rule: "yaml-syntax", message: `Lỗi cú pháp YAML: ${YAML_MESSAGES[warning.code] ?? "không đọc được"}.` });
    }
  }
  if (doc.errors.length > 0) return { data: undefined, positions, problems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /^Unresolved alias/.test(error.message)) {
      // `*tên` with no `&tên` before it: almost always text that starts with * and wanted quotes.
      let first: Pos = { line: 1 + lineOffset, column: 1 };
      let name = "";
      const anchors = new Set<string>();
      visit(doc, {
        Node(_, node) {
          if ("anchor" in node && typeof node.anchor === "string") anchors.add(node.anchor);
          return undefined;
        },
        Alias(_, node) {
          if (anchors.has(node.source)) return undefined;
          if (node.range) first = at(node.range[0]);
          name = node.source;
          return visit.BREAK;
        },
      });
      problems.push({
        pos: first,
        rule: "yaml-syntax",
        message: `Lỗi cú pháp YAML: giá trị bắt đầu bằng dấu * được hiểu là tham chiếu *${name}, nhưng không có neo &${name} nào trước đó. Nếu đây là chữ, hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ "*${name}".`,
      });
      return { data: undefined, positions, problems };
    }
    let first: Pos = { line: 1 + lineOffset, column: 1 };
    visit(doc, {
      Alias(_, node) {
        if (node.range) first = at(node.range[0]);
        return visit.BREAK;
      },
    });
    problems.push({
      pos: first,
      rule: "yaml-alias",
      message: `Quá nhiều tham chiếu YAML (& và *): tối đa ${MAX_ALIAS_COUNT}. Hãy ghi thẳng giá trị thay cho tham chiếu.`,
    });
    return { data: undefined, positions, problems };
  }
  const root = kind ? resolveRef(schemaSet().root(kind), SCHEMA_FILES[kind]) : undefined;
  data = walk(doc.contents as Node | null, data, "", root?.node, root?.file ?? "", positions, at, problems, text);
  return { data, positions, problems };
}

/** The line of a text around an offset, with where it starts. */
function lineAround(text: string, offset: number): { start: number; line: string } {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  return { start, line: text.slice(start, end < 0 ? text.length : end) };
}

/** The last `[` or `{` before `offset` that is never closed (outside quotes and comments), or -1. */
function unclosedFlow(text: string, offset: number): number {
  const open: number[] = [];
  let quote = "";
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1] as string))) i = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i) - 1;
    else if (c === "[" || c === "{") open.push(i);
    else if ((c === "]" || c === "}") && open.length) open.pop();
  }
  return open.length ? (open[open.length - 1] as number) : -1;
}

function quoted(value: string): string {
  const v = value.trim();
  return `"${(v.length > 50 ? `${v.slice(0, 47)}…` : v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * Says what a syntax error means for an author, where they can fix it: an unclosed `[` or `{` at its
 * opening (the parser finds it lines later, as an indentation problem), a plain value containing `: `
 * with the quoted form to write, a line indented deeper than its siblings, a line without a colon, a
 * list item out of line, text after a closing quote.
 */
function explainSyntax(code: string, parserMessage: string, text: string, offset: number): { offset: number; detail: string } {
  const fallback = { offset, detail: YAML_MESSAGES[code] ?? "không đọc được" };
  if (code === "BAD_INDENT" && /^Flow (sequence|map)/.test(parserMessage)) {
    const opened = unclosedFlow(text, offset);
    if (opened >= 0) {
      const [open, close, what] = text[opened] === "[" ? ["[", "]", "danh sách"] : ["{", "}", "nhóm"];
      const written = lineAround(text, opened).line.trim();
      return { offset: opened, detail: `dấu ${open} mở ${what} ở đây chưa được đóng; hãy thêm dấu ${close} ở cuối ${what}, trên cùng dòng: ${written}${close}` };
    }
  }
  const { start, line } = lineAround(text, offset);
  if (code === "BLOCK_AS_IMPLICIT_KEY" || code === "MULTILINE_IMPLICIT_KEY") {
    const pair = /^(\s*(?:- )?)([^\s:#"'][^:#]*?):\s+(.*)$/.exec(line);
    const value = pair?.[3] ?? "";
    if (pair && offset >= start + line.indexOf(value) && /:\s/.test(value) && !/^["'[{|>]/.test(value)) {
      return { offset: start + line.indexOf(value), detail: `giá trị có dấu hai chấm và dấu cách (": ") nên bị hiểu nhầm là một trường mới. Hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ ${pair[1]?.trimStart() ?? ""}${pair[2]}: ${quoted(value)}` };
    }
    if (pair && code === "BLOCK_AS_IMPLICIT_KEY") {
      // `name: x` followed by a line indented deeper: the parser reads both lines as one value.
      const nextStart = text.indexOf("\n", offset) + 1;
      const next = nextStart > 0 ? lineAround(text, nextStart).line : "";
      const indent = (l: string): number => l.length - l.trimStart().length;
      if (next.trim() !== "" && indent(next) > indent(line)) {
        return { offset: nextStart + indent(next), detail: `dòng này thụt lề sâu hơn dòng trên (${indent(next)} dấu cách thay vì ${indent(line)}); các trường cùng nhóm phải thẳng cột với nhau` };
      }
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith("- ") || trimmed === "-") {
      return { offset: start + line.indexOf("-"), detail: "mục danh sách (dấu -) không thẳng cột với các mục khác hoặc không nằm dưới tên trường nào; các mục của một danh sách phải bắt đầu ở cùng một cột, ngay dưới tên trường" };
    }
    if (code === "MULTILINE_IMPLICIT_KEY" && trimmed !== "" && !trimmed.startsWith("#") && !/:(\s|$)/.test(trimmed)) {
      return { offset: start + indentOf(line), detail: `dòng này thiếu dấu hai chấm sau tên trường; hãy viết dạng tên-trường: giá trị, ví dụ title: Cô giáo gương mẫu` };
    }
  }
  const indicator = /^(\s*(?:- )?)([^\s:#"'][^:#]*?):\s+([*&!].*)$/.exec(line) ?? /^(\s*- )()([*&!].*)$/.exec(line);
  if (indicator) {
    const value = indicator[3] as string;
    const key = indicator[2] ? `${indicator[2]}: ` : "- ";
    return { offset: start + line.indexOf(value), detail: `giá trị bắt đầu bằng ký tự ${value[0]}, ký tự đặc biệt của YAML; hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ ${key}${quoted(value)}` };
  }
  if (code === "UNEXPECTED_TOKEN" && /^\s*(?:- )?[^:]+:\s*"[^"]*"\s*\S/.test(line)) {
    return { offset, detail: `có chữ sau dấu ngoặc kép đóng. Nếu giá trị có dấu ngoặc kép bên trong, hãy viết \\" cho mỗi dấu ngoặc kép bên trong, hoặc đặt cả giá trị trong dấu nháy đơn, ví dụ title: 'Cô "Mai"'` };
  }
  return fallback;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Records positions and restores source text for scalars the schema wants as strings. */
function walk(
  node: Node | null,
  value: unknown,
  pointer: string,
  schema: SchemaNode | undefined,
  schemaFile: string,
  positions: Map<string, NodePos>,
  at: (offset: number) => Pos,
  problems: YamlProblem[],
  text: string,
): unknown {
  if (!node) return value;
  if (isScalar(node)) {
    escapedCharacters(node, text, at, problems);
    trailingComment(node, text, at, problems);
  }
  if (node.range && !positions.has(pointer)) positions.set(pointer, { value: at(node.range[0]) });
  if (isAlias(node)) return value;
  const child = (segment: string): { node?: SchemaNode; file: string } => {
    const next = schema ? childSchema(schema, segment) : undefined;
    if (!next) return { file: schemaFile };
    return resolveRef(next, schemaFile);
  };
  if (isMap(node) && value && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      if (key === undefined) continue;
      const keyPos = keyNode?.range ? at(keyNode.range[0]) : undefined;
      if (isScalar(keyNode)) escapedCharacters(keyNode, text, at, problems);
      if (RESERVED_KEYS.has(key)) {
        problems.push({
          pos: keyPos ?? at(0),
          rule: "yaml-key-reserved",
          message: `Không dùng "${key}" làm tên trường: đây là tên dành riêng của JavaScript và có thể làm sai lệch dữ liệu. Hãy xóa dòng này hoặc đổi tên trường.`,
        });
        delete obj[key];
        continue;
      }
      const childPointer = `${pointer}/${escapePointer(key)}`;
      const valueNode = pair.value as Node | null;
      const valuePos = valueNode?.range ? at(valueNode.range[0]) : keyPos;
      if (valuePos) positions.set(childPointer, { value: valuePos, ...(keyPos ? { key: keyPos } : {}) });
      const sub = child(key);
      obj[key] = walk(valueNode, obj[key], childPointer, sub.node, sub.file, positions, at, problems, text);
    }
    return obj;
  }
  if (isSeq(node) && Array.isArray(value)) {
    const sub = child("0");
    node.items.forEach((item, index) => {
      value[index] = walk(item as Node | null, value[index], `${pointer}/${index}`, sub.node, sub.file, positions, at, problems, text);
    });
    return value;
  }
  if (isScalar(node) && wantsString(schema) && node.type === Scalar.PLAIN && (typeof value === "number" || typeof value === "boolean")) {
    const source = (node as Scalar & { source?: string }).source;
    return typeof source === "string" ? source : String(value);
  }
  return value;
}

/**
 * The character rules for what an escape in a double-quoted scalar decodes to (`"\u202e"`, `"\x1b"`,
 * `"\r"`, `"e\u0301"`): the raw text shows only the escape, so `text.ts` cannot see them. Reported at
 * the scalar; characters typed into the file are the raw-text check's.
 */
function escapedCharacters(node: Scalar, text: string, at: (offset: number) => Pos, problems: YamlProblem[]): void {
  if (node.type !== Scalar.QUOTE_DOUBLE || typeof node.value !== "string" || !node.range) return;
  const source = text.slice(node.range[0], node.range[1]);
  if (!source.includes("\\")) return;
  const pos = at(node.range[0]);
  const seen = new Set<string>();
  for (const found of specialCharacters(node.value, "escape")) {
    if (source.includes(found.ch) || seen.has(found.ch)) continue; // typed into the file: already reported there
    seen.add(found.ch);
    problems.push({ pos, rule: found.rule, message: found.message });
  }
  if (node.value.normalize("NFC") !== node.value && source.normalize("NFC") === source) {
    problems.push({
      pos,
      rule: "unicode-nfc",
      message: "Chữ tiếng Việt chưa ở dạng Unicode dựng sẵn (NFC): dấu được viết tách rời bằng chuỗi thoát (\\u…) trong dấu ngoặc kép. Hãy gõ thẳng chữ có dấu thay cho chuỗi thoát.",
    });
  }
}

/**
 * `title: Số 1 # trong năm` keeps only "Số 1": YAML reads ` #` after a plain value as a comment and drops
 * it. Nothing in our templates writes a comment after a value, so one there is most likely lost text.
 */
function trailingComment(node: Scalar, text: string, at: (offset: number) => Pos, problems: YamlProblem[]): void {
  if (node.type !== Scalar.PLAIN || !node.comment || !node.range) return;
  const after = text.slice(node.range[1], node.range[2]);
  const hash = after.indexOf("#");
  if (hash < 0 || after.slice(0, hash).includes("\n")) return; // a comment on a later line
  const kept = String(node.source ?? node.value);
  const { line } = lineAround(text, node.range[0]);
  const key = /^\s*((?:- )?(?:[^\s:#"'][^:#]*?:\s+)?)/.exec(line)?.[1] ?? "";
  problems.push({
    pos: at(node.range[1] + hash),
    rule: "yaml-comment",
    severity: "warning",
    message: `Phần từ dấu # trở đi bị YAML hiểu là ghi chú và bỏ đi: giá trị chỉ còn "${kept}". Nếu dấu # là một phần của giá trị, hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ ${key}${quoted(`${kept} ${text.slice(node.range[1] + hash, node.range[2]).trim()}`)}.`,
  });
}
