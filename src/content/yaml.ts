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
    const detail = YAML_MESSAGES[error.code] ?? "không đọc được";
    problems.push({ pos: at(offset), rule: "yaml-syntax", message: `Lỗi cú pháp YAML: ${detail}.` });
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
  } catch {
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
  if (isScalar(node)) escapedCharacters(node, text, at, problems);
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
