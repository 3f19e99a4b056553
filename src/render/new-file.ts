// Writes a new content file from the schema: every field with its Vietnamese title and description as a YAML comment.
import type { ContentType } from "../content/model.ts";
import type { FieldSpec } from "./fields.ts";
import { fieldsOf, typeTitle } from "./fields.ts";
import type { Catalogues } from "./catalogues.ts";

export type Values = Record<string, unknown>;

/** JSON is YAML: a JSON string or array is always a safe, exact YAML value, whatever the author typed. */
function scalar(value: unknown): string {
  // Ids and dates read better plain, as in the sample content; YAML's own words stay quoted.
  if (typeof value === "string" && /^([a-z0-9]+(-[a-z0-9]+)*|\d{4}-\d{2}-\d{2})$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~|\d+)$/i.test(value)) return value;
  if (Array.isArray(value)) return `[${value.map(scalar).join(", ")}]`;
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function enumLabel(fields: readonly FieldSpec[], path: string, value: string): string {
  const field = fields.find((f) => f.path === path);
  return field?.enum?.find((e) => e.value === value)?.label ?? value;
}

/** Whether the field must be written now: required, or required because of a value already chosen. */
function isNeeded(field: FieldSpec, values: Values): boolean {
  if (field.required) return true;
  return field.requiredWhen !== undefined && values[field.requiredWhen.path] === field.requiredWhen.value;
}

function requirementText(field: FieldSpec, all: readonly FieldSpec[], insideOptional: boolean): string {
  if (field.required) return "bắt buộc";
  if (field.requiredWhen) {
    const when = all.find((f) => f.path === field.requiredWhen?.path);
    return `bắt buộc khi "${when?.title ?? field.requiredWhen.path}" là ${enumLabel(all, field.requiredWhen.path, field.requiredWhen.value)}`;
  }
  if (insideOptional && field.requiredInObject) return "bắt buộc nếu có mục này";
  return "không bắt buộc";
}

/** The value written when the author gave none: empty, so validation names exactly what to fill in. */
function placeholder(field: FieldSpec): string | undefined {
  switch (field.kind) {
    case "string":
      return '""';
    case "string-list":
      return "[]";
    case "boolean":
      return "false";
    default:
      return undefined; // a number left out makes validation say "Thiếu trường …"
  }
}

interface Context {
  values: Values;
  catalogues: Catalogues;
  all: FieldSpec[];
}

function commentLines(field: FieldSpec, ctx: Context, indent: string, insideOptional: boolean): string[] {
  const lines = [`${indent}# ${field.title} (${requirementText(field, ctx.all, insideOptional)})${field.description ? `: ${field.description}` : ""}`];
  if (field.enum) lines.push(`${indent}#   Chọn một: ${field.enum.map((e) => `${e.value} (${e.label})`).join(", ")}`);
  if (field.catalogue) {
    const list = ctx.catalogues[field.catalogue] ?? [];
    if (list.length === 0) lines.push(`${indent}#   Mã khai báo trong content/site.yaml, mục ${field.catalogue}.`);
    else {
      lines.push(`${indent}#   Mã trong content/site.yaml (${field.catalogue}):`);
      for (const item of list) lines.push(`${indent}#     ${item.id}: ${item.name}`);
    }
  }
  if (field.kind === "string-list" && !field.catalogue) lines.push(`${indent}#   Mỗi mục một dòng bắt đầu bằng "- ", hoặc viết ["mục 1", "mục 2"].`);
  return lines;
}

function renderField(field: FieldSpec, ctx: Context, depth: number, commented: boolean, insideOptional: boolean): string[] {
  const indent = "  ".repeat(depth);
  const comment = commented ? "# " : "";
  const lines = commentLines(field, ctx, indent, insideOptional);
  const given = ctx.values[field.path];
  const needed = !commented && (isNeeded(field, ctx.values) || (insideOptional === false && depth > 0 && field.requiredInObject && field.required));
  if (field.kind === "object") {
    const write = !commented && (needed || (field.children ?? []).some((c) => ctx.values[c.path] !== undefined));
    lines.push(`${indent}${write ? "" : "# "}${field.key}:`);
    for (const child of field.children ?? []) lines.push(...renderField(child, ctx, depth + 1, !write, !field.required));
    return lines;
  }
  if (field.kind === "object-list") {
    const items = Array.isArray(given) ? given : [];
    if (items.length > 0 && !commented) {
      lines.push(`${indent}${field.key}:`);
      for (const item of items) lines.push(`${indent}  - ${JSON.stringify(item)}`);
      return lines;
    }
    const write = !commented && needed;
    const c = write ? "" : "# ";
    lines.push(`${indent}${c}${field.key}:`, `${indent}${c}  -`);
    for (const child of field.children ?? []) {
      lines.push(...commentLines(child, ctx, `${indent}    `, false));
      const value = write && child.required ? placeholder(child) : undefined;
      lines.push(`${indent}    ${value !== undefined ? "" : "# "}${child.key}: ${value ?? ""}`.trimEnd());
    }
    return lines;
  }
  if (given !== undefined && !commented) lines.push(`${indent}${field.key}: ${scalar(given)}`);
  else if (needed && placeholder(field) !== undefined) lines.push(`${indent}${field.key}: ${placeholder(field)}`);
  else lines.push(`${indent}${comment || "# "}${field.key}:`);
  return lines;
}

/** The whole file: commented front matter for every schema property, then the body. */
export function renderNewFile(type: ContentType, values: Values, catalogues: Catalogues, body = ""): string {
  const fields = fieldsOf(type);
  const ctx: Context = { values, catalogues, all: fields.flatMap((f) => [f, ...(f.kind === "object" ? (f.children ?? []) : [])]) };
  const lines = [
    "---",
    `# ${typeTitle(type)}. Dòng bắt đầu bằng # là hướng dẫn, không hiện trên trang; bỏ dấu # ở trường muốn điền.`,
    "# Điền xong, chạy: npm run validate (cách sửa từng thông báo: CONTRIBUTING.md).",
  ];
  for (const field of fields) lines.push("", ...renderField(field, ctx, 0, false, false));
  lines.push("---");
  const text = body.trim() ? `${body.trim()}\n` : "";
  return `${lines.join("\n")}\n${text}`;
}
