// The reviewers' preview of a PR: every page the PR changes, each as one self-contained HTML file (styles, fonts
// and images inlined, scripts removed, links pointed at the published site) that opens from disk without a network,
// plus the changed bulletins' PDFs and an index in Vietnamese. It reads a built site folder and the content model;
// it builds nothing, so it sits on the outputs floor beside the PR summary rather than on `build`.
import { lstat, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { defaultTreeAdapter, type DefaultTreeAdapterTypes as T, parse, serialize } from "parse5";
import type { ContentModel, ContentType, Entry } from "../content/model.ts";
import { bulletinPaths, quarterReportPaths } from "../paths/paths.ts";
import { absoluteUrl, normalisePrefix } from "../paths/url.ts";
import { escapeHtml } from "../render/escape.ts";
import { isCalendarDate, isDateTimeWithOffset } from "../vi/date.ts";
import { quarterLabel, quarterOf } from "../vi/quarter.ts";
import { changePages, type ChangeStatus, type EntryChange } from "./changed.ts";
import { STATUS } from "./markdown.ts";
import { readerView } from "./summary.ts";
import { schemaSet } from "../content/schemas.ts";

/** What a preview page shows: a content entry's own page, or a quarter's report whose figures it changes. */
export type PreviewKind = ContentType | "report";

/** One line of the preview's index: a changed entry (or a report it changes) and where readers will see it. */
export interface PreviewItem {
  kind: PreviewKind;
  /** "Điển hình", "Kế hoạch", "Hoạt động", "Bản tin", "Báo cáo". */
  kindLabel: string;
  /** For an entry, its change; a report is `affected`. */
  status: ChangeStatus | "affected";
  /** The content file, relative to the repository root (for a report, the file that changes it). */
  file: string;
  /** The title readers see ("" when unknown, e.g. a deleted file). */
  title: string;
  /** The site path of the page (`/dien-hinh/ten-tep/`); for a deletion, the page that disappears. */
  pagePath: string;
  /** A bulletin's PDF (`/ban-tin/2019-01.pdf`). */
  pdfPath?: string;
  /** A draft: never in a production build, so never in the preview. */
  draft: boolean;
  /** For a renamed entry whose page moves: the page that disappears. */
  oldPagePath?: string;
}

const REPORT_LABEL = "Báo cáo";

function kindLabel(kind: PreviewKind): string {
  return kind === "report" ? REPORT_LABEL : (schemaSet().root(kind).title ?? kind);
}

function entriesOf(model: ContentModel): Entry[] {
  return [...model.exemplars, ...model.plans, ...model.activities, ...model.bulletins];
}

function entryDate(entry: Entry): string | undefined {
  const date = (entry.data as { date?: unknown }).date;
  return typeof date === "string" && (isCalendarDate(date) || isDateTimeWithOffset(date)) ? date : undefined;
}

/**
 * The pages a PR changes, from its changed entries (`contentChanges`) and the head's content model (loaded with
 * drafts): each entry's page (an activity's is the activities page), a bulletin's PDF, and the quarter report of
 * every published entry's date, since the report lists and counts it. A deleted entry is listed with the page that
 * disappears; a rename that moves the page lists the new page and the old one as deleted. Paths resolve against `cwd`.
 */
export function previewItems(changes: readonly EntryChange[], model: ContentModel | undefined, cwd: string): PreviewItem[] {
  const byAbsPath = new Map<string, Entry>();
  if (model) for (const entry of entriesOf(model)) byAbsPath.set(path.resolve(entry.absPath), entry);
  const items: PreviewItem[] = [];
  const reports = new Map<string, PreviewItem>();
  for (const change of changes) {
    const { pagePath, oldPagePath } = changePages(change);
    const base = { kind: change.type, kindLabel: kindLabel(change.type), file: change.path, pagePath };
    if (change.status === "deleted") {
      items.push({ ...base, status: "deleted", title: "", draft: false, ...(change.type === "bulletin" ? { pdfPath: bulletinPaths(change.slug).pdf } : {}) });
      continue;
    }
    const entry = byAbsPath.get(path.resolve(cwd, change.path));
    const title = entry && model ? readerView(entry, model.site).title : "";
    const draft = entry?.draft ?? false;
    items.push({
      ...base,
      status: change.status,
      title,
      draft,
      ...(change.type === "bulletin" ? { pdfPath: bulletinPaths(change.slug).pdf } : {}),
      ...(oldPagePath !== undefined ? { oldPagePath } : {}),
    });
    const date = entry ? entryDate(entry) : undefined;
    if (entry && !draft && date !== undefined) {
      const q = quarterOf(date);
      const page = quarterReportPaths(q).page;
      if (!reports.has(page)) {
        reports.set(page, {
          kind: "report",
          kindLabel: REPORT_LABEL,
          status: "affected",
          file: change.path,
          title: `${REPORT_LABEL} ${quarterLabel(q).replace(/^Quý/, "quý")}`,
          pagePath: page,
          draft: false,
        });
      }
    }
  }
  return [...items, ...[...reports.values()].sort((a, b) => (a.pagePath < b.pagePath ? -1 : a.pagePath > b.pagePath ? 1 : 0))];
}

/** The total size the preview folder may reach; pages beyond it are listed in the index as left out. */
export const MAX_PREVIEW_BYTES = 50_000_000;
/** One image larger than this is replaced by a grey box of the same size (and said so in the index). */
export const MAX_IMAGE_BYTES = 3_000_000;
/** The viewport a page is assumed to be read at when an image's `sizes` picks its width: a desktop screen. */
export const LAYOUT_VIEWPORT_WIDTH = 1280;

export interface PreviewOptions {
  /** The built site folder (`_site`). */
  siteDir: string;
  /** The path prefix the site was built with (`/guong-sang/`). */
  prefix: string;
  /** The published site's address (`site.yaml` baseUrl): links to pages not in the preview go there. */
  baseUrl: string;
  items: readonly PreviewItem[];
  /** An empty folder to write into. */
  outDir: string;
  /** The PR and commit the preview shows, for the index's heading. */
  pr?: number;
  headSha?: string;
  maxBytes?: number;
  maxImageBytes?: number;
}

/** What happened to one page or PDF of the preview. */
export interface PreviewFile {
  /** Site path (`/dien-hinh/ten-tep/`, `/ban-tin/2019-01.pdf`). */
  sitePath: string;
  /** The file in the preview folder, or undefined when it is not there. */
  file?: string;
  /** Why it is not there: not in the build, or over the size limit. */
  missing?: "not-built" | "too-large";
  /** Images replaced by a grey box because they were over the per-image limit. */
  imagesLeftOut: number;
  bytes: number;
}

export interface PreviewResult {
  files: PreviewFile[];
  totalBytes: number;
}

/** `/dien-hinh/ten-tep/` → `dien-hinh_ten-tep.html`; `/ban-tin/2019-01.pdf` → `ban-tin_2019-01.pdf`; `/` → `trang-chu.html`. */
export function previewFileName(sitePath: string): string {
  const pdf = sitePath.endsWith(".pdf");
  const parts = sitePath
    .replace(/\.pdf$/, "")
    .split("/")
    .filter(Boolean)
    .map((s) => s.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "-");
  const name = parts.length ? parts.join("_") : "trang-chu";
  return `${name}${pdf ? ".pdf" : ".html"}`;
}

const MIME: Record<string, string> = {
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".css": "text/css",
};

/** Image types every current browser shows, in a `<source type>`. */
const IMAGE_TYPES = new Set(["image/webp", "image/jpeg", "image/png", "image/gif", "image/svg+xml", "image/avif"]);

const ORIGIN = "https://preview.invalid";

/** Reads one file of the built site by its site path, or undefined when it is missing, not a regular file or outside the site. */
class SiteFiles {
  private readonly cache = new Map<string, Buffer | undefined>();
  constructor(private readonly dir: string) {}

  async read(sitePath: string): Promise<Buffer | undefined> {
    if (this.cache.has(sitePath)) return this.cache.get(sitePath);
    const rel = sitePath.replace(/^\/+/, "");
    const file = path.resolve(this.dir, rel.endsWith("/") || rel === "" ? `${rel}index.html` : rel);
    const inside = path.relative(this.dir, file);
    let data: Buffer | undefined;
    if (!inside.startsWith("..") && !path.isAbsolute(inside)) {
      const info = await lstat(file).catch(() => undefined);
      if (info?.isFile()) data = await readFile(file);
    }
    this.cache.set(sitePath, data);
    return data;
  }
}

function dataUri(sitePath: string, data: Buffer): string {
  const type = MIME[path.posix.extname(sitePath).toLowerCase()] ?? "application/octet-stream";
  return `data:${type};base64,${data.toString("base64")}`;
}

/** A grey box of the image's size, for an image left out. */
function placeholder(width: number, height: number): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#ddd"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** How one page's URLs are resolved: against the page's URL under the prefix, on a host that cannot exist. */
class Resolver {
  constructor(
    private readonly prefix: string,
    private readonly baseUrl: string,
    private readonly local: ReadonlyMap<string, string>,
  ) {}

  /** A URL inside the site as a site path (`/dien-hinh/x/`) with its query and fragment, or undefined. */
  sitePath(ref: string, from: string): { path: string; suffix: string } | "external" | undefined {
    let url: URL;
    try {
      url = new URL(ref.trim(), new URL(this.prefix.slice(1) + from.replace(/^\/+/, ""), `${ORIGIN}/`));
    } catch {
      return undefined;
    }
    if (url.origin !== ORIGIN) return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:" || url.protocol === "tel:" ? "external" : undefined;
    if (!url.pathname.startsWith(this.prefix)) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname.slice(this.prefix.length - 1));
    } catch {
      return undefined;
    }
    return { path: path.posix.normalize(decoded), suffix: `${url.search}${url.hash}` };
  }

  /** Where a link goes in the preview: the local copy, the published site, the same external URL, or nowhere. */
  link(ref: string, from: string): string | undefined {
    if (ref.startsWith("#")) return ref;
    const target = this.sitePath(ref, from);
    if (target === "external") return ref.trim();
    if (target === undefined) return undefined;
    const local = this.local.get(target.path);
    if (local !== undefined) return `${local}${target.suffix.includes("#") ? target.suffix.slice(target.suffix.indexOf("#")) : ""}`;
    return absoluteUrl(this.baseUrl, target.path) + target.suffix;
  }
}

type Element = T.Element;
type Node = T.ChildNode | T.Document | T.ParentNode;

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name && !a.prefix)?.value;
}

function setAttr(el: Element, name: string, value: string): void {
  const found = el.attrs.find((a) => a.name === name && !a.prefix);
  if (found) found.value = value;
  else el.attrs.push({ name, value });
}

function removeAttr(el: Element, ...names: string[]): void {
  el.attrs = el.attrs.filter((a) => !names.includes(a.name));
}

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function children(node: Node): T.ChildNode[] {
  return "childNodes" in node ? [...node.childNodes] : [];
}

function walk(node: Node, visit: (el: Element) => void): void {
  if (isElement(node)) visit(node);
  const kids = isElement(node) && node.tagName === "template" ? children(defaultTreeAdapter.getTemplateContent(node as T.Template)) : children(node);
  for (const child of kids) walk(child, visit);
}

function remove(node: T.ChildNode): void {
  if (node.parentNode) defaultTreeAdapter.detachNode(node);
}

function findFirst(node: Node, tag: string): Element | undefined {
  let found: Element | undefined;
  walk(node, (el) => {
    if (!found && el.tagName === tag) found = el;
  });
  return found;
}

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^'")\s]*))\s*\)/g;
const CSS_IMPORT = /@import\s+(?:url\(\s*(?:"([^"]*)"|'([^']*)'|([^'")\s]*))\s*\)|"([^"]*)"|'([^']*)')[^;]*;/g;

/** A page being made self-contained: counts what it inlines and what it leaves out. */
class Inliner {
  imagesLeftOut = 0;
  constructor(
    readonly files: SiteFiles,
    private readonly resolver: Resolver,
    private readonly maxImageBytes: number,
  ) {}

  /** CSS with every `url()` inside the site as a data: URI (anything else inert) and `@import`s inlined. */
  async css(text: string, from: string, depth = 0): Promise<string> {
    let out = "";
    let last = 0;
    for (const m of text.matchAll(CSS_IMPORT)) {
      out += text.slice(last, m.index);
      last = m.index + m[0].length;
      const ref = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? "";
      const target = this.resolver.sitePath(ref, from);
      const data = depth < 5 && target && target !== "external" ? await this.files.read(target.path) : undefined;
      out += data && typeof target === "object" ? await this.css(data.toString("utf8"), target.path, depth + 1) : "/* @import left out */";
    }
    out += text.slice(last);
    let result = "";
    last = 0;
    for (const m of out.matchAll(CSS_URL)) {
      result += out.slice(last, m.index);
      last = m.index + m[0].length;
      const ref = m[1] ?? m[2] ?? m[3] ?? "";
      if (ref.startsWith("data:") || ref.startsWith("#")) {
        result += m[0];
        continue;
      }
      const target = this.resolver.sitePath(ref, from);
      const data = target && target !== "external" ? await this.files.read(target.path) : undefined;
      result += data && typeof target === "object" ? `url("${dataUri(target.path, data)}")` : 'url("data:,")';
    }
    result += out.slice(last);
    // A stylesheet may not close the element it is inlined into.
    return result.replace(/<\/(style)/gi, "<\\/$1");
  }

  /** The data: URI of an image inside the site, a grey box when it is over the limit, or undefined. */
  async image(ref: string, from: string, size: { width: number; height: number }): Promise<string | undefined> {
    if (ref.startsWith("data:")) return ref;
    const target = this.resolver.sitePath(ref, from);
    if (!target || target === "external") return undefined;
    const data = await this.files.read(target.path);
    if (!data) return undefined;
    if (data.length > this.maxImageBytes) {
      this.imagesLeftOut++;
      return placeholder(size.width || 300, size.height || 200);
    }
    return dataUri(target.path, data);
  }
}

interface Candidate {
  url: string;
  /** Width descriptor in pixels, or undefined for a density descriptor / none. */
  width?: number;
  density: number;
}

/** Parses a `srcset` (URLs here never contain commas or spaces: the site's images are hashed file names). */
export function parseSrcset(srcset: string): Candidate[] {
  return srcset
    .split(",")
    .map((part) => part.trim().split(/\s+/))
    .filter((bits) => bits[0])
    .map(([url, descriptor]) => {
      const w = /^(\d+)w$/.exec(descriptor ?? "");
      const x = /^(\d*\.?\d+)x$/.exec(descriptor ?? "");
      return { url: url as string, ...(w ? { width: Number(w[1]) } : {}), density: x ? Number(x[1]) : 1 };
    });
}

/** A CSS length in `sizes` at the layout viewport (px, rem, em, vw), or undefined. */
function lengthPx(text: string, viewport: number): number | undefined {
  const m = /^(\d*\.?\d+)(px|rem|em|vw)$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === "px" ? n : m[2] === "vw" ? (n * viewport) / 100 : n * 16;
}

/** The slot width `sizes` gives at the layout viewport: the first entry whose (min-/max-width) condition holds. */
export function slotWidth(sizes: string | undefined, viewport = LAYOUT_VIEWPORT_WIDTH): number {
  for (const entry of (sizes ?? "").split(",")) {
    const m = /^\s*(?:\(\s*(min|max)-width\s*:\s*([^)]+)\)\s+)?(.+?)\s*$/.exec(entry);
    if (!m) continue;
    const width = lengthPx(m[3] as string, viewport);
    if (width === undefined) continue;
    if (m[1]) {
      const limit = lengthPx(m[2] as string, viewport);
      if (limit === undefined || (m[1] === "min" ? viewport < limit : viewport > limit)) continue;
    }
    return width;
  }
  return viewport;
}

/** The smallest candidate at least as wide as the slot (the largest when none is), or the 1x one. */
export function pickCandidate(candidates: readonly Candidate[], slot: number): Candidate | undefined {
  const widths = candidates.filter((c) => c.width !== undefined).sort((a, b) => a.width! - b.width!);
  if (widths.length > 0) return widths.find((c) => c.width! >= slot) ?? widths[widths.length - 1];
  return [...candidates].sort((a, b) => Math.abs(a.density - 1) - Math.abs(b.density - 1))[0];
}

/** Elements that would fetch or embed something the preview cannot carry. */
const DROPPED = new Set(["script", "iframe", "frame", "embed", "object", "video", "audio", "track", "base", "portal"]);
/** `<link rel>` values that only name another address, fetching nothing. */
const LINK_RELS_KEPT = new Set(["alternate", "canonical", "author", "license", "help", "next", "prev", "search"]);

/** The Content-Security-Policy every preview page carries: nothing leaves the file, whatever was missed. */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action https:; base-uri 'none'";

async function inlinePage(html: string, pagePath: string, inliner: Inliner, resolver: Resolver, banner: string): Promise<string> {
  const doc = parse(html, { scriptingEnabled: false });
  const elements: Element[] = [];
  walk(doc, (el) => elements.push(el));
  for (const el of elements) {
    const tag = el.tagName;
    if (DROPPED.has(tag) || (tag === "meta" && /refresh/i.test(attr(el, "http-equiv") ?? ""))) {
      remove(el);
      continue;
    }
    // Inline event handlers and javascript: URLs cannot run in the preview.
    el.attrs = el.attrs.filter((a) => !/^on/i.test(a.name) && !/^\s*javascript:/i.test(a.value));
    const style = attr(el, "style");
    if (style !== undefined) setAttr(el, "style", await inliner.css(style, pagePath));
    if (tag === "noscript") {
      // Scripts are gone, so what the page shows without them is what it shows.
      for (const child of children(el)) {
        defaultTreeAdapter.detachNode(child);
        defaultTreeAdapter.insertBefore(el.parentNode as T.ParentNode, child, el);
      }
      remove(el);
    } else if (tag === "link") {
      const rels = (attr(el, "rel") ?? "").toLowerCase().split(/\s+/);
      const href = attr(el, "href") ?? "";
      if (rels.includes("stylesheet")) {
        const target = resolver.sitePath(href, pagePath);
        const data = target && target !== "external" ? await inliner.files.read(target.path) : undefined;
        if (data && typeof target === "object") {
          const styleEl = defaultTreeAdapter.createElement("style", el.namespaceURI, attr(el, "media") ? [{ name: "media", value: attr(el, "media") as string }] : []);
          defaultTreeAdapter.insertText(styleEl, await inliner.css(data.toString("utf8"), target.path));
          defaultTreeAdapter.insertBefore(el.parentNode as T.ParentNode, styleEl, el);
        }
        remove(el);
      } else if (rels.includes("icon")) {
        const uri = href.startsWith("data:") ? href : await inliner.image(href, pagePath, { width: 16, height: 16 });
        if (uri) setAttr(el, "href", uri);
        else remove(el);
      } else if (rels.every((r) => LINK_RELS_KEPT.has(r))) {
        const to = resolver.link(href, pagePath);
        if (to) setAttr(el, "href", to);
        else remove(el);
      } else {
        remove(el);
      }
    } else if (tag === "style") {
      const text = children(el).map((c) => ("value" in c ? c.value : "")).join("");
      for (const child of children(el)) remove(child);
      defaultTreeAdapter.insertText(el, await inliner.css(text, pagePath));
    } else if (tag === "a" || tag === "area") {
      const href = attr(el, "href");
      if (href !== undefined) {
        const to = resolver.link(href, pagePath);
        if (to === undefined) removeAttr(el, "href");
        else setAttr(el, "href", to);
      }
      removeAttr(el, "ping", "download");
    } else if (tag === "form") {
      const to = resolver.link(attr(el, "action") ?? "", pagePath);
      if (to === undefined || !/^https:/.test(to)) removeAttr(el, "action");
      else setAttr(el, "action", to);
    } else if (tag === "img") {
      await inlineImage(el, pagePath, inliner);
    } else if (tag === "input" && attr(el, "src") !== undefined) {
      removeAttr(el, "src");
    } else if (el.namespaceURI === "http://www.w3.org/2000/svg" && (tag === "image" || tag === "use" || tag === "feImage")) {
      for (const a of el.attrs.filter((x) => x.name === "href")) {
        if (a.value.startsWith("#") || a.value.startsWith("data:")) continue;
        a.value = (tag === "image" ? await inliner.image(a.value, pagePath, { width: 0, height: 0 }) : undefined) ?? "#";
      }
    }
  }
  // What is left of <picture>: its <source> elements went into the <img>'s choice.
  walk(doc, (el) => {
    if (el.tagName === "source") remove(el);
  });
  const head = findFirst(doc, "head");
  const body = findFirst(doc, "body");
  if (head) {
    const csp = defaultTreeAdapter.createElement("meta", head.namespaceURI, [
      { name: "http-equiv", value: "Content-Security-Policy" },
      { name: "content", value: PREVIEW_CSP },
    ]);
    // Right after <meta charset> (which must come first), before anything that could fetch.
    const charset = head.childNodes.findIndex((c) => isElement(c) && c.tagName === "meta" && attr(c, "charset") !== undefined);
    const before = head.childNodes[charset + 1];
    if (before) defaultTreeAdapter.insertBefore(head, csp, before);
    else defaultTreeAdapter.appendChild(head, csp);
  }
  if (body) {
    const fragment = parse(`<body>${banner}</body>`);
    const note = findFirst(fragment, "body")?.childNodes[0];
    if (note) {
      defaultTreeAdapter.detachNode(note);
      if (body.childNodes[0]) defaultTreeAdapter.insertBefore(body, note, body.childNodes[0]);
      else defaultTreeAdapter.appendChild(body, note);
    }
  }
  return `<!doctype html>\n${serialize(doc).replace(/^<!DOCTYPE html>/i, "").replace(/^\n/, "")}`;
}

/** One image: the candidate that fits the layout (from the picture's first usable source, else the img), inlined. */
async function inlineImage(img: Element, pagePath: string, inliner: Inliner): Promise<void> {
  const picture = img.parentNode && isElement(img.parentNode as Node) && (img.parentNode as Element).tagName === "picture" ? (img.parentNode as Element) : undefined;
  const sources = picture ? picture.childNodes.filter((c): c is Element => isElement(c as Node) && (c as Element).tagName === "source") : [];
  const source = sources.find((s) => attr(s, "srcset") && !attr(s, "media") && (attr(s, "type") === undefined || IMAGE_TYPES.has((attr(s, "type") as string).toLowerCase())));
  const srcset = source ? (attr(source, "srcset") as string) : attr(img, "srcset");
  const sizes = source ? (attr(source, "sizes") ?? attr(img, "sizes")) : attr(img, "sizes");
  const chosen = srcset ? pickCandidate(parseSrcset(srcset), slotWidth(sizes)) : undefined;
  const ref = chosen?.url ?? attr(img, "src") ?? "";
  const size = { width: Number(attr(img, "width")) || 0, height: Number(attr(img, "height")) || 0 };
  const uri = ref ? await inliner.image(ref, pagePath, size) : undefined;
  removeAttr(img, "srcset", "sizes", "loading");
  if (uri) setAttr(img, "src", uri);
  else removeAttr(img, "src");
}

/** The note at the top of every preview page. */
function bannerHtml(indexFile: string, item: PreviewItem | undefined, baseUrl: string): string {
  const style = "margin:0;padding:.5rem 1rem;background:#fff3cd;color:#3b2f00;border-bottom:2px solid #b38600;font:14px/1.4 system-ui,sans-serif";
  const what = !item ? "" : item.kind === "report" ? `${escapeHtml(item.title)}. ` : `${escapeHtml(item.kindLabel)}${item.title ? `: ${escapeHtml(item.title)}` : ""}. `;
  return (
    `<p class="preview-banner" role="note" style="${style}"><strong>Bản xem thử của PR, chưa công bố.</strong> ${what}` +
    `Liên kết tới trang khác mở trang đã công bố (${escapeHtml(baseUrl)}), nơi chưa có thay đổi của PR này. ` +
    `<a href="${escapeHtml(indexFile)}">Danh sách trang thay đổi</a></p>`
  );
}

const STATUS_TEXT: Record<PreviewItem["status"], string> = { ...STATUS, affected: "số liệu thay đổi theo" };

export const INDEX_FILE = "index.html";
/** The name of the artifact the PR workflow uploads the preview as. */
export const PREVIEW_ARTIFACT = "preview";

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
}

/** The index: every changed page with a relative link to its file, or why there is none. */
export function indexHtml(items: readonly PreviewItem[], result: PreviewResult, options: { pr?: number; headSha?: string; baseUrl: string; maxBytes: number }): string {
  const byPath = new Map(result.files.map((f) => [f.sitePath, f]));
  const heading = `Bản xem thử${options.pr ? ` PR #${options.pr}` : ""}${options.headSha ? `, commit ${escapeHtml(options.headSha.slice(0, 7))}` : ""}`;
  const rows = items.map((item) => {
    const label = `<span class="kind">${escapeHtml(item.kindLabel)}</span>`;
    const title = item.title ? escapeHtml(item.title) : `<code>${escapeHtml(item.file)}</code>`;
    const status = `<span class="status">(${STATUS_TEXT[item.status]})</span>`;
    const parts: string[] = [];
    if (item.status === "deleted") {
      parts.push(`đã xóa: trang <code>${escapeHtml(item.pagePath)}</code> sẽ không còn${item.pdfPath ? `, cùng tệp <code>${escapeHtml(item.pdfPath)}</code>` : ""}`);
    } else if (item.draft) {
      parts.push("bản nháp: không có trong bản dựng công bố nên không có bản xem thử");
    } else {
      const page = byPath.get(item.pagePath);
      parts.push(fileLink(page, "Xem trang", item.pagePath));
      if (item.pdfPath) parts.push(fileLink(byPath.get(item.pdfPath), "Bản PDF", item.pdfPath));
      const left = page?.imagesLeftOut ?? 0;
      if (left > 0) parts.push(`${left} ảnh lớn hơn ${megabytes(MAX_IMAGE_BYTES)} được thay bằng khung xám`);
    }
    if (item.oldPagePath) parts.push(`trang cũ <code>${escapeHtml(item.oldPagePath)}</code> sẽ không còn`);
    const from = item.kind === "report" ? "" : ` <span class="file">${item.title ? `<code>${escapeHtml(item.file)}</code>` : ""}</span>`;
    return `<li>${label} ${title} ${status}${from}<br>${parts.join(" · ")}</li>`;
  });
  const tooLarge = result.files.filter((f) => f.missing === "too-large");
  const notes = [
    `<p>Mỗi trang là một tệp HTML tự chứa (kiểu chữ, ảnh, định dạng nằm trong tệp), mở được ngay từ máy, không cần mạng. ` +
      `Liên kết tới trang khác trỏ về trang đã công bố <code>${escapeHtml(options.baseUrl)}</code>, nơi chưa có thay đổi của PR này.</p>`,
  ];
  if (tooLarge.length > 0) {
    notes.push(
      `<p class="warn">Vượt giới hạn ${megabytes(options.maxBytes)} của bản xem thử nên bỏ qua ${tooLarge.length} tệp: ` +
        `${tooLarge.map((f) => `<code>${escapeHtml(f.sitePath)}</code>`).join(", ")}. Xem các trang này trong gói <code>site</code> của lần chạy.</p>`,
    );
  }
  const body = items.length > 0 ? `<ul>\n${rows.join("\n")}\n</ul>` : "<p>PR này không thay đổi trang nào.</p>";
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}li{margin:.75rem 0}.kind{font-weight:600}.status,.file{color:#555}.warn{color:#8a4b00}</style>
</head>
<body>
<h1>${heading}</h1>
${notes.join("\n")}
${body}
</body>
</html>
`;
}

function fileLink(file: PreviewFile | undefined, text: string, sitePath: string): string {
  if (file?.file) return `<a href="${escapeHtml(file.file)}">${text}</a>`;
  if (file?.missing === "too-large") return `${text}: bỏ qua vì vượt giới hạn dung lượng`;
  return `${text}: không có <code>${escapeHtml(sitePath)}</code> trong bản dựng`;
}

/**
 * Writes the preview into `outDir`: one self-contained HTML file per changed page, the changed bulletins' PDFs and
 * `index.html`. Pages come in the order of the items (entries, then reports); once the total would pass `maxBytes`
 * the rest are left out and the index says so.
 */
export async function writePreview(options: PreviewOptions): Promise<PreviewResult> {
  const prefix = normalisePrefix(options.prefix);
  const maxBytes = options.maxBytes ?? MAX_PREVIEW_BYTES;
  const files = new SiteFiles(path.resolve(options.siteDir));
  const wanted: { sitePath: string; item: PreviewItem }[] = [];
  const seen = new Set<string>();
  for (const item of options.items) {
    if (item.status === "deleted" || item.draft) continue;
    for (const sitePath of [item.pagePath, ...(item.pdfPath ? [item.pdfPath] : [])]) {
      if (seen.has(sitePath)) continue;
      seen.add(sitePath);
      wanted.push({ sitePath, item });
    }
  }
  // Local names for every page and PDF that is in the build, so that pages in the preview link to each other.
  const local = new Map<string, string>();
  const used = new Set<string>([INDEX_FILE]);
  for (const { sitePath } of wanted) {
    if (!(await files.read(sitePath))) continue;
    let name = previewFileName(sitePath);
    for (let n = 2; used.has(name); n++) name = previewFileName(sitePath).replace(/(\.\w+)$/, `-${n}$1`);
    used.add(name);
    local.set(sitePath, name);
  }
  // Render every page, keep them in order until the total would pass the limit, and render again without the
  // pages left out, so that no kept page links to a file that is not there.
  const tooLarge = new Map<string, number>();
  let rendered: { sitePath: string; name: string; bytes: Buffer; imagesLeftOut: number }[] = [];
  for (;;) {
    const resolver = new Resolver(prefix, options.baseUrl, local);
    rendered = [];
    for (const { sitePath, item } of wanted) {
      const name = local.get(sitePath);
      const data = await files.read(sitePath);
      if (name === undefined || data === undefined) continue;
      if (sitePath.endsWith(".pdf")) {
        rendered.push({ sitePath, name, bytes: data, imagesLeftOut: 0 });
        continue;
      }
      const inliner = new Inliner(files, resolver, options.maxImageBytes ?? MAX_IMAGE_BYTES);
      const html = await inlinePage(data.toString("utf8"), sitePath, inliner, resolver, bannerHtml(INDEX_FILE, item, options.baseUrl));
      rendered.push({ sitePath, name, bytes: Buffer.from(html, "utf8"), imagesLeftOut: inliner.imagesLeftOut });
    }
    let total = 0;
    const over = rendered.filter((r) => (total + r.bytes.length > maxBytes ? true : ((total += r.bytes.length), false)));
    if (over.length === 0) break;
    for (const r of over) {
      tooLarge.set(r.sitePath, r.bytes.length);
      local.delete(r.sitePath);
    }
  }
  const result: PreviewResult = { files: [], totalBytes: 0 };
  const byPath = new Map(rendered.map((r) => [r.sitePath, r]));
  for (const { sitePath } of wanted) {
    const r = byPath.get(sitePath);
    if (r) {
      await writeFile(path.join(options.outDir, r.name), r.bytes, { flag: "wx" });
      result.totalBytes += r.bytes.length;
      result.files.push({ sitePath, file: r.name, imagesLeftOut: r.imagesLeftOut, bytes: r.bytes.length });
    } else if (tooLarge.has(sitePath)) {
      result.files.push({ sitePath, missing: "too-large", imagesLeftOut: 0, bytes: tooLarge.get(sitePath) as number });
    } else {
      result.files.push({ sitePath, missing: "not-built", imagesLeftOut: 0, bytes: 0 });
    }
  }
  await writeFile(path.join(options.outDir, INDEX_FILE), indexHtml(options.items, result, { pr: options.pr, headSha: options.headSha, baseUrl: options.baseUrl, maxBytes }), { flag: "wx" });
  return result;
}
