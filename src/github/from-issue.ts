// "Đề xuất điển hình" issue → exemplar file: reads the body as GitHub renders the issue form, writes the entry, validates it.
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { loadContent } from "../content/load.ts";
import type { Finding } from "../content/model.ts";
import { fieldsOf, leafFields, type FieldSpec } from "../render/fields.ts";
import { renderNewFile, type Values } from "../render/new-file.ts";
import type { Catalogues } from "../render/catalogues.ts";
import { nfc, slugify } from "../vi/text.ts";
import { renderIssueForm } from "./issue-form.ts";

/** What GitHub writes for an optional field left empty. */
const NO_RESPONSE = "_No response_";

/** Hosts GitHub serves issue attachments from; any other image link is ignored, never fetched. */
export const ATTACHMENT_URL_RE =
  /^https:\/\/(?:github\.com\/user-attachments\/assets\/[0-9a-f-]{36}|(?:private-)?user-images\.githubusercontent\.com\/\d+\/[\w./-]+)(?:\?[\w=&.%-]*)?$/;

interface FormItem {
  type: string;
  id?: string;
  attributes: { label?: string; options?: (string | { label: string })[]; multiple?: boolean };
}

/** One attached image: its URL and the description written with it. */
export interface Attachment {
  url: string;
  alt: string;
}

export interface ParsedIssue {
  /** Front-matter values by dotted path (`subject.name`), as `npm run new` takes them. */
  values: Values;
  body: string;
  /** Attachment images, in order; the first becomes the entry's image. */
  images: Attachment[];
  /** Problems reading the form itself (an option that is not in the form), in Vietnamese. */
  problems: string[];
}

/** `### Label` sections of the body, in order. */
export function issueSections(body: string): Map<string, string> {
  const out = new Map<string, string>();
  const text = nfc(body).replace(/\r\n?/g, "\n");
  const parts = text.split(/^### /m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf("\n");
    const label = (nl < 0 ? part : part.slice(0, nl)).trim();
    const value = nl < 0 ? "" : part.slice(nl + 1).trim();
    if (!out.has(label)) out.set(label, value);
  }
  return out;
}

/** Image links in Markdown or as GitHub's `<img … src="…">`, with their alt text. */
const MD_IMAGE = /!\[([^\]]*)\]\((\S+?)\)/g;
const HTML_IMAGE = /<img\b[^>]*>/gi;

function attachmentsIn(text: string): { images: Attachment[]; rest: string } {
  const images: Attachment[] = [];
  let rest = text.replace(MD_IMAGE, (whole, alt: string, url: string) => {
    if (!ATTACHMENT_URL_RE.test(url)) return whole;
    images.push({ url, alt: alt.trim() });
    return "";
  });
  rest = rest.replace(HTML_IMAGE, (tag) => {
    const src = /\bsrc="([^"]*)"/i.exec(tag)?.[1] ?? "";
    if (!ATTACHMENT_URL_RE.test(src)) return tag;
    images.push({ url: src, alt: (/\balt="([^"]*)"/i.exec(tag)?.[1] ?? "").trim() });
    return "";
  });
  return { images, rest: rest.replace(/\n{3,}/g, "\n\n").trim() };
}

/** GitHub's default alt text for a dropped image ("image", "Image", "IMG_1234"): not a description. */
function isRealAlt(alt: string): boolean {
  return alt !== "" && !/^(image|img[_ -]?\d*|screenshot.*|ảnh)$/i.test(alt);
}

function optionLabel(o: string | { label: string }): string {
  return typeof o === "string" ? o : o.label;
}

/** The value of "Nhãn (id)" options: the ids chosen, in the form's order. */
function chosenIds(value: string, options: readonly string[]): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  let rest = value;
  // Longest first, so "Dịch Vọng Hậu (dich-vong-hau)" is not read as "Dịch Vọng (dich-vong)".
  for (const option of [...options].sort((a, b) => b.length - a.length)) {
    if (rest.includes(option)) {
      ids.push(/\(([^()]+)\)$/.exec(option)?.[1] ?? option);
      rest = rest.replace(option, "");
    }
  }
  const order = options.map((o) => /\(([^()]+)\)$/.exec(o)?.[1] ?? o);
  ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const unknown = rest
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return { ids, unknown };
}

/** Lines of a list answer, without bullets ("- ", "* ", "1. "). */
function lines(value: string): string[] {
  return value
    .split("\n")
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").trim())
    .filter(Boolean);
}

function convert(field: FieldSpec, value: string): unknown {
  switch (field.kind) {
    case "integer":
    case "number": {
      const n = Number(value.replace(/\s/g, ""));
      // Left as written when it is not a number: the validator then says what the field needs.
      return /^-?\d+(\.\d+)?$/.test(value.trim()) ? n : value;
    }
    case "string-list":
      return lines(value);
    default:
      return value;
  }
}

/** Reads a submitted issue body against the form the generator makes today. */
export function parseIssueBody(body: string, catalogues: Catalogues): ParsedIssue {
  const form = parseYaml(renderIssueForm(catalogues)) as { body: FormItem[] };
  const sections = issueSections(body);
  const byId = new Map(form.body.filter((i) => i.id).map((i) => [i.id as string, i]));
  const values: Values = {};
  const problems: string[] = [];
  const images: Attachment[] = [];
  for (const field of leafFields(fieldsOf("exemplar"))) {
    const item = byId.get(field.path.replace(/\./g, "-"));
    const label = item?.attributes.label;
    if (!item || !label) continue;
    const raw = sections.get(label);
    if (raw === undefined || raw === NO_RESPONSE || raw === "") continue;
    if (item.type === "dropdown") {
      const options = (item.attributes.options ?? []).map(optionLabel);
      const { ids, unknown } = chosenIds(raw, options);
      for (const u of unknown) problems.push(`Mục "${label}": "${u}" không có trong danh sách chọn của biểu mẫu.`);
      if (ids.length) values[field.path] = item.attributes.multiple ? ids : ids[0];
    } else if (item.type === "checkboxes") {
      values[field.path] = /^- \[[xX]\]/m.test(raw);
    } else {
      const { images: found, rest } = attachmentsIn(raw);
      images.push(...found);
      if (rest) values[field.path] = convert(field, rest);
    }
  }
  // An attachment link pasted as the image file is the image; its description comes from "Mô tả ảnh".
  if (typeof values["image.src"] === "string" && !images.length) {
    problems.push(`Mục "Tệp ảnh": hãy kéo thả ảnh vào ô "Bài viết" của đề xuất; "${values["image.src"] as string}" không phải ảnh đính kèm trên GitHub.`);
  }
  delete values["image.src"];
  const bodySection = sections.get(form.body.find((i) => i.id === "body")?.attributes.label ?? "") ?? "";
  const { images: bodyImages, rest } = attachmentsIn(bodySection === NO_RESPONSE ? "" : bodySection);
  images.push(...bodyImages);
  const first = images[0];
  if (first && values["image.alt"] === undefined && isRealAlt(first.alt)) values["image.alt"] = first.alt;
  return { values, body: rest, images, problems };
}

/** The exemplar's path under the content tree: `exemplars/<yyyy>/<slug>.md`, the slug from the title (đ → d). */
export function exemplarTarget(values: Values): { rel: string; slug: string } | undefined {
  const title = typeof values.title === "string" ? values.title : "";
  const date = typeof values.date === "string" ? values.date : "";
  const slug = slugify(title).slice(0, 100).replace(/-+$/, "");
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(date)?.[1];
  if (!slug || !year) return undefined;
  return { rel: `exemplars/${year}/${slug}.md`, slug };
}

/** The image types accepted, by their first bytes. */
export function imageExtension(bytes: Uint8Array): ".jpg" | ".png" | ".webp" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return ".jpg";
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return ".png";
  if (String.fromCharCode(...bytes.slice(0, 4)) === "RIFF" && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP") return ".webp";
  return undefined;
}

/** The file name an attachment was saved under in the images folder: the last segment of its URL. */
export function attachmentFileName(url: string): string {
  return path.basename(new URL(url).pathname);
}

export type FromIssueResult =
  | { status: "written"; file: string; findings: Finding[]; slug: string; title: string }
  | { status: "invalid"; file?: string; findings: Finding[]; problems: string[] }
  | { status: "exists"; file: string };

export interface FromIssueOptions {
  body: string;
  contentDir: string;
  catalogues: Catalogues;
  /** Folder holding the downloaded attachments, each named by `attachmentFileName(url)`. */
  imagesDir?: string;
  /** Finding paths are relative to this folder. */
  cwd: string;
}

/**
 * Writes the entry (never over an existing file), then validates it with the real validator. Findings and form
 * problems are returned in Vietnamese; an entry whose title or date is missing is not written.
 */
export async function entryFromIssue(options: FromIssueOptions): Promise<FromIssueResult> {
  const parsed = parseIssueBody(options.body, options.catalogues);
  const target = exemplarTarget(parsed.values);
  if (!target) {
    const missing = [
      typeof parsed.values.title !== "string" ? `"${fieldTitle("title")}"` : "",
      typeof parsed.values.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(parsed.values.date) ? `"${fieldTitle("date")}" (dạng YYYY-MM-DD)` : "",
    ].filter(Boolean);
    return { status: "invalid", findings: [], problems: [...parsed.problems, `Cần ${missing.join(" và ")} để đặt tên tệp; hãy sửa đề xuất rồi gắn lại nhãn.`] };
  }
  const abs = path.join(options.contentDir, target.rel);
  const shown = path.relative(options.cwd, abs).split(path.sep).join("/");
  const values = { ...parsed.values };
  const image = parsed.images[0];
  let imageBytes: Uint8Array | undefined;
  let imageName: string | undefined;
  if (image && options.imagesDir) {
    try {
      imageBytes = await readFile(path.join(options.imagesDir, attachmentFileName(image.url)));
    } catch {
      parsed.problems.push(`Không tải được ảnh đính kèm ${image.url}.`);
    }
    const ext = imageBytes ? imageExtension(imageBytes) : undefined;
    if (imageBytes && !ext) parsed.problems.push(`Ảnh đính kèm ${image.url} không phải JPEG, PNG hay WebP.`);
    if (ext) {
      imageName = `${target.slug}${ext}`;
      values["image.src"] = imageName;
    }
  }
  if (!values["image.src"]) {
    delete values["image.alt"];
    delete values["image.credit"];
  }
  await mkdir(path.dirname(abs), { recursive: true });
  try {
    await writeFile(abs, renderNewFile("exemplar", values, options.catalogues, parsed.body), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return { status: "exists", file: shown };
    throw error;
  }
  if (imageName && image && options.imagesDir) {
    await copyFile(path.join(options.imagesDir, attachmentFileName(image.url)), path.join(path.dirname(abs), imageName), 1 /* COPYFILE_EXCL */);
  }
  const { findings } = await loadContent(options.contentDir, { cwd: options.cwd, files: [abs] });
  const own = findings.filter((f) => f.file === shown);
  if (own.some((f) => f.severity === "error") || parsed.problems.length) {
    return { status: "invalid", file: shown, findings: own, problems: parsed.problems };
  }
  return { status: "written", file: shown, findings: own, slug: target.slug, title: String(values.title) };
}

function fieldTitle(pathName: string): string {
  return fieldsOf("exemplar").find((f) => f.path === pathName)?.title ?? pathName;
}
