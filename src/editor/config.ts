// The web editor's (Decap CMS) configuration, generated from the schemas and site.yaml: never written by hand.
import { stringify } from "yaml";
import { CONTENT_TYPES, type ContentType } from "../content/model.ts";
import { schemaAt } from "../content/schemas.ts";
import { fieldsOf, typeTitle, type FieldSpec } from "../render/fields.ts";
import type { Catalogues } from "../render/catalogues.ts";

/** A Decap CMS field (only the keys we write). */
export interface EditorField {
  name: string;
  label: string;
  hint?: string;
  widget: string;
  required: boolean;
  [key: string]: unknown;
}

export interface EditorCollection {
  name: ContentType | string;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  path: string;
  slug: string;
  create: boolean;
  identifier_field?: string;
  extension: "md";
  format: "frontmatter" | typeof FRONT_MATTER_FORMAT;
  media_folder: string;
  public_folder: string;
  summary: string;
  fields: EditorField[];
}

/** Where the editor saves: the published site's GitHub repository, or the local git server of `npm run editor`. */
export type EditorBackend =
  | { kind: "github"; repo: string; branch: string; authBaseUrl?: string; authEndpoint?: string }
  | { kind: "local"; url: string; branch: string };

export interface EditorConfigOptions {
  catalogues: Catalogues;
  backend: EditorBackend;
  /** The site's URL path prefix (`/guong-sang/`), for the editor's links back to the site. */
  siteUrl?: string;
}

/**
 * A file name Decap's templates cannot write (they have no zero-padding): the page script computes it before saving
 * into a hidden field the collection's slug names, and the collection's format leaves that field out of the file.
 */
export interface DerivedFileName {
  /** The hidden field holding the file name (never written to the file). */
  field: string;
  /** How it is made: `bulletin` is `bulletinId(year of the date, number)` from src/paths (`<yyyy>-<nn>`). */
  kind: "bulletin";
  /** The fields it is made from, and their labels (to name them when they cannot make a file name). */
  date: string;
  number: string;
  labels: { date: string; number: string };
}

/** The hidden field of a derived file name; no schema has a property of this name (checked when generating). */
export const FILE_NAME_FIELD = "fileName";

/**
 * The page script's front matter format (src/editor/browser/format.ts): Decap's own, except that it leaves the
 * derived file name out of the file, which the schemas would refuse (`additionalProperties: false`).
 */
export const FRONT_MATTER_FORMAT = "gs-frontmatter";

interface CollectionSpec {
  type: ContentType;
  path: string;
  slug: string;
  create: boolean;
  summary: string;
  fileName?: Omit<DerivedFileName, "field" | "labels">;
}

/** The collection of each content type: folder under content/, file path, and which field names the file. */
const COLLECTIONS: CollectionSpec[] = [
  // Exemplars, plans and activities live in a folder per year of their `date`, named by their title (đ → d).
  { type: "exemplar", path: "{{year}}/{{slug}}", slug: "{{title}}", create: true, summary: "{{title}} ({{date}})" },
  { type: "activity", path: "{{year}}/{{slug}}", slug: "{{title}}", create: true, summary: "{{title}} ({{date}})" },
  { type: "plan", path: "{{year}}/{{slug}}", slug: "{{title}}", create: true, summary: "{{number}}: {{title}}" },
  // A bulletin's file is `<yyyy>-<nn>.md`, the number zero-padded, which Decap's templates cannot write: the page
  // script computes it from the date and the number before saving (`DerivedFileName`).
  {
    type: "bulletin",
    path: "{{slug}}",
    slug: `{{fields.${FILE_NAME_FIELD}}}`,
    create: true,
    summary: "Số {{number}} ({{date}})",
    fileName: { kind: "bulletin", date: "date", number: "number" },
  },
];

/** Names the collections in the editor's menu (plural of the schema title). */
const PLURAL: Record<ContentType, string> = {
  exemplar: "Điển hình",
  activity: "Hoạt động",
  plan: "Kế hoạch",
  bulletin: "Bản tin",
};

const IF_PRESENT = "Bắt buộc nếu có mục này.";

/** An optional object whose own required fields must all be filled once any of its fields is (an image and its alt). */
export interface RequiredIfPresent {
  object: string;
  label: string;
  fields: { name: string; label: string }[];
}

/** The objects of each collection (by collection name) that are optional but have required fields. */
export function requiredIfPresent(): Record<string, RequiredIfPresent[]> {
  return Object.fromEntries(
    COLLECTIONS.map((c) => [
      CONTENT_TYPES[c.type].folder,
      fieldsOf(c.type)
        .filter((f) => f.kind === "object" && !f.required && (f.children ?? []).some((x) => x.requiredInObject))
        .map((f) => ({ object: f.key, label: f.title, fields: (f.children ?? []).filter((x) => x.requiredInObject).map((x) => ({ name: x.key, label: x.title })) })),
    ]),
  );
}

/** The collections (by name) whose file name the page script computes before saving. */
export function derivedFileNames(): Record<string, DerivedFileName> {
  return Object.fromEntries(
    COLLECTIONS.flatMap((c) => {
      if (!c.fileName) return [];
      const title = (key: string) => fieldsOf(c.type).find((f) => f.key === key)?.title ?? key;
      const labels = { date: title(c.fileName.date), number: title(c.fileName.number) };
      return [[CONTENT_TYPES[c.type].folder, { field: FILE_NAME_FIELD, ...c.fileName, labels }]];
    }),
  );
}

/** The label of the Markdown body (the same words as the issue form's). */
export const BODY_LABEL = "Bài viết";

/** Long texts get a multi-line box. */
const LONG_TEXT_MIN = 500;

function choices(field: FieldSpec, catalogues: Catalogues): { label: string; value: string }[] | undefined {
  if (field.enum) return field.enum.map((e) => ({ label: e.label, value: e.value }));
  if (field.catalogue) return (catalogues[field.catalogue] ?? []).map((c) => ({ label: c.name, value: c.id }));
  return undefined;
}

function hint(field: FieldSpec, all: readonly FieldSpec[]): string {
  if (!field.requiredWhen) return field.description;
  const when = all.find((f) => f.path === field.requiredWhen?.path);
  const label = when?.enum?.find((e) => e.value === field.requiredWhen?.value)?.label ?? field.requiredWhen.value;
  return `${field.description} Bắt buộc khi "${when?.title ?? field.requiredWhen.path}" là ${label}.`.trim();
}

/** One schema field as a Decap widget. */
export function editorField(type: ContentType, field: FieldSpec, catalogues: Catalogues, all: readonly FieldSpec[], segments: readonly string[]): EditorField {
  const base = { name: field.key, label: field.title, hint: hint(field, all), required: field.requiredInObject && field.required };
  const options = choices(field, catalogues);
  if (options) {
    return { ...base, widget: "select", options, multiple: field.kind === "string-list" };
  }
  switch (field.kind) {
    case "boolean":
      return { ...base, widget: "boolean", required: false, default: false };
    case "integer":
    case "number": {
      // The schema's bounds, checked by Decap as the clerk types (a bulletin's number makes its file name).
      const node = schemaAt(type, segments);
      const bounds = { ...(node?.minimum !== undefined ? { min: node.minimum } : {}), ...(node?.maximum !== undefined ? { max: node.maximum } : {}) };
      return { ...base, widget: "number", value_type: field.kind === "integer" ? "int" : "float", ...bounds };
    }
    case "object":
      return {
        ...base,
        widget: "object",
        collapsed: false,
        fields: (field.children ?? []).map((c) => childField(type, field, c, catalogues, all, [...segments, c.key])),
      };
    case "string-list":
      return { ...base, widget: "list", field: { name: "item", label: field.title, widget: "text" } };
    case "object-list":
      return {
        ...base,
        widget: "list",
        fields: (field.children ?? []).map((c) => childField(type, field, c, catalogues, all, [...segments, "0", c.key])),
      };
    default:
      if (field.format === "date") {
        return { ...base, widget: "datetime", format: "YYYY-MM-DD", date_format: "DD/MM/YYYY", time_format: false, picker_utc: true };
      }
      return { ...base, widget: (schemaAt(type, segments)?.maxLength ?? 0) >= LONG_TEXT_MIN ? "text" : "string" };
  }
}

/** A field inside an object: required when its object is required and lists it (an image's alt whenever there is an image). */
function childField(type: ContentType, parent: FieldSpec, child: FieldSpec, catalogues: Catalogues, all: readonly FieldSpec[], segments: string[]): EditorField {
  const field = editorField(type, { ...child, required: child.requiredInObject }, catalogues, all, segments);
  // Decap demands every required field of an optional object even when the object is left empty (the image would
  // become mandatory): such fields are optional here, and the page script refuses an object filled in part
  // (`requiredIfPresent`, checked before saving in src/editor/browser/main.ts).
  const out = !parent.required && child.requiredInObject ? { ...field, required: false, hint: `${field.hint} ${IF_PRESENT}`.trim() } : field;
  // The image file goes beside the entry (`media_folder: ""`), and its path is written relative to it.
  if (parent.key === "image" && child.key === "src") return { ...out, widget: "image", choose_url: false, media_library: { allow_multiple: false } };
  return out;
}

/**
 * What the collection page tells the clerk about saving: where the proposals are reviewed, and so where the
 * validator's findings (the PR's checks and its summary comment) are read.
 */
export function savingNote(backend: EditorBackend): string {
  if (backend.kind === "local") return `Mỗi lần lưu là một nhánh cms/… trong kho trên máy này (từ nhánh ${backend.branch}); đẩy nhánh lên GitHub để mở pull request.`;
  const search = encodeURIComponent("is:pr head:cms/");
  return `Mỗi lần lưu là một pull request chờ thẩm định. Kết quả kiểm tra (Checks) và bình luận tóm tắt của từng đề xuất: https://github.com/${backend.repo}/pulls?q=${search}`;
}

function collection(spec: CollectionSpec, catalogues: Catalogues, backend: EditorBackend): EditorCollection {
  const folder = CONTENT_TYPES[spec.type].folder;
  const fields = fieldsOf(spec.type);
  const all = fields.flatMap((f) => [f, ...(f.children ?? [])]);
  const out: EditorField[] = fields.map((f) => editorField(spec.type, f, catalogues, all, [f.key]));
  if (spec.fileName) {
    if (fields.some((f) => f.key === FILE_NAME_FIELD)) throw new Error(`The ${spec.type} schema has a property ${FILE_NAME_FIELD}, the editor's derived file name`);
    // Filled by the page script before saving; it names the file (and the entry: Decap needs an identifier).
    out.push({ name: FILE_NAME_FIELD, label: "Tên tệp", widget: "hidden", required: false });
  }
  // The body is the Markdown after the front matter; the validator requires it for every type.
  out.push({ name: "body", label: BODY_LABEL, hint: "Nội dung bài, viết bằng Markdown.", widget: "markdown", required: true, modes: ["rich_text", "raw"] });
  return {
    name: folder,
    label: PLURAL[spec.type],
    label_singular: typeTitle(spec.type),
    description: `${typeTitle(spec.type)}. ${savingNote(backend)}`,
    folder: `content/${folder}`,
    path: spec.path,
    slug: spec.slug,
    create: spec.create,
    ...(spec.fileName ? { identifier_field: FILE_NAME_FIELD } : {}),
    extension: "md",
    format: spec.fileName ? FRONT_MATTER_FORMAT : "frontmatter",
    media_folder: "",
    public_folder: "",
    summary: spec.summary,
    fields: out,
  };
}

export function editorConfig(options: EditorConfigOptions): Record<string, unknown> {
  const b = options.backend;
  const backend =
    b.kind === "github"
      ? {
          name: "github",
          repo: b.repo,
          branch: b.branch,
          ...(b.authBaseUrl ? { base_url: b.authBaseUrl } : {}),
          ...(b.authEndpoint ? { auth_endpoint: b.authEndpoint } : {}),
          open_authoring: false,
          // Every save is a pull request: the title says what it proposes.
          commit_messages: {
            create: "Đề xuất {{collection}} “{{slug}}”",
            update: "Sửa {{collection}} “{{slug}}”",
            delete: "Xóa {{collection}} “{{slug}}”",
            uploadMedia: "Tải ảnh “{{path}}”",
            deleteMedia: "Xóa ảnh “{{path}}”",
          },
        }
      : { name: "git-gateway", branch: b.branch };
  return {
    ...(b.kind === "local" ? { local_backend: { url: b.url, allowed_hosts: ["127.0.0.1", "localhost"] } } : {}),
    backend,
    publish_mode: "editorial_workflow",
    locale: "vi",
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    // Images go beside each entry (collections override this); this global folder is required but unused.
    media_folder: "content",
    public_folder: "",
    show_preview_links: false,
    search: false,
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    editor: { preview: true },
    collections: COLLECTIONS.map((c) => collection(c, options.catalogues, options.backend)),
  };
}

export const CONFIG_HEADER =
  "# Generated from schemas/*.schema.json and content/site.yaml by src/editor/config.ts; do not edit by hand.\n";

/** The configuration as `config.yml` text. */
export function renderEditorConfig(options: EditorConfigOptions): string {
  return CONFIG_HEADER + stringify(editorConfig(options), { lineWidth: 0 });
}
