// Turns Ajv errors into Vietnamese messages built from the schema's own titles, descriptions and x-labels.
import type { ErrorObject } from "ajv";
import { dateTimeOffset, isCalendarDate, isDateTimeWithOffset, offsetMinutes } from "../vi/date.ts";
import { schemaAt, schemaSet, type SchemaKind, type SchemaNode } from "./schemas.ts";

export interface SchemaProblem {
  /** JSON pointer of the value the problem is about. */
  pointer: string;
  /** Point at the key rather than the value (unknown keys). */
  atKey?: boolean;
  rule: string;
  message: string;
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `subject.birthYear`, `achievements[2]`: the key path as the author sees it in YAML. */
export function keyPath(segments: readonly string[]): string {
  let out = "";
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/**
 * `Trường "Loại điển hình" (kind)`: the label of the nearest schema node with a title, then the
 * key path. Array items name their list: `Mục 2 của "Kết quả đạt được" (achievements[1])`.
 */
export function fieldName(kind: SchemaKind, segments: readonly string[]): string {
  const path = keyPath(segments);
  const own = schemaAt(kind, segments);
  const last = segments[segments.length - 1];
  if (own?.title && !(last !== undefined && /^\d+$/.test(last) && !own.properties)) return `Trường "${own.title}" (${path})`;
  for (let i = segments.length - 1; i > 0; i--) {
    const seg = segments[i] as string;
    if (!/^\d+$/.test(seg)) continue;
    const list = schemaAt(kind, segments.slice(0, i));
    if (list?.title) {
      const rest = segments.slice(i + 1);
      const inner = rest.length ? schemaAt(kind, segments)?.title : undefined;
      const item = `mục ${Number(seg) + 1} của "${list.title}"`;
      return inner ? `Trường "${inner}" ở ${item} (${path})` : `${item[0]?.toUpperCase()}${item.slice(1)} (${path})`;
    }
  }
  return path ? `Trường ${path}` : "Phần thông tin đầu tệp";
}

/** `individual (Cá nhân), collective (Tập thể)`. */
export function allowedValues(schema: SchemaNode | undefined, values: readonly unknown[]): string {
  const labels = schema?.["x-labels"] ?? {};
  return values.map((v) => (typeof v === "string" && labels[v] ? `${v} (${labels[v]})` : JSON.stringify(v))).join(", ");
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return "để trống";
  if (typeof value === "string") return `đang ghi "${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  if (typeof value === "object") return Array.isArray(value) ? "đang ghi một danh sách" : "đang ghi một nhóm trường";
  return `đang ghi ${JSON.stringify(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: "chữ (văn bản)",
  integer: "số nguyên",
  number: "số",
  boolean: "true hoặc false",
  array: "danh sách (mỗi mục một dòng bắt đầu bằng dấu -)",
  object: "nhóm trường (các dòng thụt lề bên dưới)",
  null: "để trống",
};

const FORMAT_NAMES: Record<string, string> = {
  date: "ngày dạng YYYY-MM-DD, ví dụ 2019-05-19",
  "date-time": "ngày giờ có múi giờ, ví dụ 2019-05-19T08:00:00+07:00",
  uri: "địa chỉ web đầy đủ, ví dụ https://example.vn/",
};

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let current = data;
  for (const s of segments) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[s];
  }
  return current;
}

function describe(schema: SchemaNode | undefined): string {
  return schema?.description ? ` (${schema.description.replace(/\.$/, "")})` : "";
}

/** The problem for a date or date-time string that has the right shape but is not a real moment. */
export function dateProblem(value: string, allowDateTime: boolean): { rule: string; message: string } | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return isCalendarDate(value) ? undefined : { rule: "date-invalid", message: `Ngày không hợp lệ: ${value}` };
  }
  if (allowDateTime && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) {
      return { rule: "datetime-offset", message: `Ngày giờ ${value} thiếu múi giờ: hãy ghi thêm +07:00, ví dụ ${value}+07:00` };
    }
    if (isDateTimeWithOffset(value)) return undefined;
    const offset = dateTimeOffset(value);
    if (offset !== undefined && offsetMinutes(offset) === undefined) {
      const example = `${value.slice(0, value.length - offset.length)}+07:00`;
      return {
        rule: "datetime-offset",
        message: `Múi giờ ${offset} trong ${value} không có thật: múi giờ chỉ từ -12:00 đến +14:00, phút dưới 60. Giờ Việt Nam là +07:00, ví dụ ${example}`,
      };
    }
    return { rule: "date-invalid", message: `Ngày giờ không hợp lệ: ${value}` };
  }
  return undefined;
}

/** One problem per Ajv error worth showing; branch errors of `anyOf` and `if/then` wrappers are folded. */
export function schemaProblems(kind: SchemaKind, errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const anyOfPaths = errors.filter((e) => e.keyword === "anyOf").map((e) => `${e.instancePath}\u0000${e.schemaPath}/`);
  const seen = new Set<string>();
  for (const error of errors) {
    // `if` wraps its `then` errors; a propertyNames sub-error is worded by the propertyNames error itself.
    if (error.keyword === "if" || error.schemaPath.includes("/propertyNames/")) continue;
    if (error.keyword !== "anyOf" && anyOfPaths.some((p) => `${error.instancePath}\u0000${error.schemaPath}`.startsWith(p))) continue;
    const problem = oneProblem(kind, error, data);
    if (!problem) continue;
    const key = `${problem.pointer}\u0000${problem.rule}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function conditionText(kind: SchemaKind, schemaPath: string): string {
  // schemaPath like "#/allOf/0/then/required": describe the `if` it belongs to, from the schema.
  const m = /^#\/allOf\/(\d+)\/then\//.exec(schemaPath);
  if (!m) return "";
  const root = schemaSet().root(kind);
  const cond = root.allOf?.[Number(m[1])]?.if?.properties;
  if (!cond) return "";
  const parts = Object.entries(cond).map(([key, sub]) => {
    const field = schemaAt(kind, [key]);
    const label = field?.title ? `"${field.title}" (${key})` : key;
    return `${label} là ${allowedValues(field, [sub.const])}`;
  });
  return parts.length ? ` khi ${parts.join(" và ")}` : "";
}

function oneProblem(kind: SchemaKind, error: ErrorObject, data: unknown): SchemaProblem | undefined {
  const segments = pointerSegments(error.instancePath);
  const value = valueAt(data, segments);
  const schema = schemaAt(kind, segments);
  const params = error.params as Record<string, unknown>;
  const at = { pointer: error.instancePath };
  if (typeof params.propertyName === "string") {
    // A key that breaks `propertyNames` (e.g. an abbreviation in site.yaml): name the key itself.
    const name = params.propertyName;
    return { pointer: `${error.instancePath}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`, atKey: true, rule: "schema-pattern", message: `Tên "${name}" trong ${fieldName(kind, segments).replace(/^Trường/, "trường")} không đúng dạng${describe(schema)}.` };
  }
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      const field = fieldName(kind, [...segments, missing]).replace(/^Trường/, "trường");
      const sub = schemaAt(kind, [...segments, missing]);
      const what = sub?.description ? `: ${sub.description.replace(/\.$/, "")}` : "";
      return { ...at, rule: "schema-required", message: `Thiếu ${field}${what}. Trường này là bắt buộc${conditionText(kind, error.schemaPath)}.` };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const known = Object.keys(schema?.properties ?? {});
      const pointer = `${error.instancePath}/${extra.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      const near = nearest(extra, known);
      const hint = near ? ` Có phải "${near}"?` : "";
      const where = segments.length ? `trong ${fieldName(kind, segments).replace(/^Trường/, "trường")}` : `trong mẫu "${schemaSet().root(kind).title ?? kind}"`;
      return {
        pointer,
        atKey: true,
        rule: "schema-unknown-key",
        message: `Trường "${extra}" không có ${where}.${hint} Các trường được phép: ${known.join(", ")}.`,
      };
    }
    case "enum":
      return { ...at, rule: "schema-enum", message: `${fieldName(kind, segments)} phải là một trong: ${allowedValues(schema, (params.allowedValues as unknown[]) ?? schema?.enum ?? [])}; ${shown(value)}.` };
    case "const":
      return { ...at, rule: "schema-const", message: `${fieldName(kind, segments)} phải là ${allowedValues(schema, [params.allowedValue])}; ${shown(value)}.` };
    case "type": {
      const wanted = String(params.type)
        .split(",")
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(" hoặc ");
      return { ...at, rule: "schema-type", message: `${fieldName(kind, segments)} phải là ${wanted}; ${shown(value)}.` };
    }
    case "format":
    case "anyOf": {
      if (typeof value === "string") {
        const dated = dateProblem(value, error.keyword === "anyOf" || params.format === "date-time");
        if (dated) return { ...at, ...dated };
      }
      const format = error.keyword === "format" ? FORMAT_NAMES[String(params.format)] : undefined;
      const expected = format ?? schema?.description?.replace(/\.$/, "") ?? "đúng mẫu";
      return { ...at, rule: "schema-format", message: `${fieldName(kind, segments)} phải là ${expected}; ${shown(value)}.` };
    }
    case "pattern": {
      const expected = schema?.description ? schema.description.replace(/\.$/, "") : `đúng mẫu ${String(params.pattern)}`;
      return { ...at, rule: "schema-pattern", message: `${fieldName(kind, segments)} không đúng dạng: ${expected}; ${shown(value)}.` };
    }
    case "minLength":
      return Number(params.limit) <= 1
        ? { ...at, rule: "schema-length", message: `${fieldName(kind, segments)} không được để trống.` }
        : { ...at, rule: "schema-length", message: `${fieldName(kind, segments)} phải có ít nhất ${String(params.limit)} ký tự.` };
    case "maxLength":
      return { ...at, rule: "schema-length", message: `${fieldName(kind, segments)} dài quá: tối đa ${String(params.limit)} ký tự, đang có ${typeof value === "string" ? [...value].length : "?"} ký tự.` };
    case "minItems":
      return { ...at, rule: "schema-items", message: `${fieldName(kind, segments)} phải có ít nhất ${String(params.limit)} mục.` };
    case "maxItems":
      return { ...at, rule: "schema-items", message: `${fieldName(kind, segments)} có tối đa ${String(params.limit)} mục, đang có ${Array.isArray(value) ? value.length : "?"}.` };
    case "uniqueItems": {
      // Ajv reports the earlier index as i and the later one as j; point at the later (the repeat).
      const [first, repeat] = [Math.min(Number(params.i), Number(params.j)), Math.max(Number(params.i), Number(params.j))];
      const pointer = `${error.instancePath}/${repeat}`;
      return { pointer, rule: "schema-unique", message: `${fieldName(kind, segments)} bị lặp: mục ${repeat + 1} trùng với mục ${first + 1}${Array.isArray(value) ? ` (${JSON.stringify(value[repeat])})` : ""}.` };
    }
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum": {
      const words: Record<string, string> = { minimum: "không nhỏ hơn", exclusiveMinimum: "lớn hơn", maximum: "không lớn hơn", exclusiveMaximum: "nhỏ hơn" };
      return { ...at, rule: "schema-range", message: `${fieldName(kind, segments)} phải ${words[error.keyword]} ${String(params.limit)}; ${shown(value)}.` };
    }
    case "propertyNames":
      return undefined; // reported by the pattern error on the name itself
    default:
      return { ...at, rule: "schema-invalid", message: `${fieldName(kind, segments)} không hợp lệ${describe(schema)}; ${shown(value)}.` };
  }
}

/** Edit distance, for "did you mean". */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** The closest known id, when it is close enough to be a typo. */
export function nearest(value: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(value, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

