// Reading a real PDF with npm libraries only, so the tests run on a machine with nothing but Node and npm:
// pdfjs-dist (Mozilla's PDF engine) for metadata, text with positions, outline, page boxes and image
// placement; pdf-lib for the raw font and image dictionaries (embedded font programs, colour spaces).
import { readFileSync, statSync } from "node:fs";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream } from "pdf-lib";

type PdfjsDoc = Awaited<ReturnType<(typeof import("pdfjs-dist/legacy/build/pdf.mjs"))["getDocument"]>["promise"]>;

interface Loaded {
  key: string;
  js: PdfjsDoc;
  lib: PDFDocument;
}

const cache = new Map<string, Promise<Loaded>>();

/** Both parsed forms of `file`, kept while the file is unchanged (same size and modification time). */
function load(file: string): Promise<Loaded> {
  const st = statSync(file);
  const key = `${st.size}:${st.mtimeMs}`;
  const hit = cache.get(file);
  if (hit) {
    return hit.then((l) => {
      if (l.key === key) return l;
      cache.delete(file);
      return load(file);
    });
  }
  const loading = (async (): Promise<Loaded> => {
    const bytes = readFileSync(file);
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const js = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
    const lib = await PDFDocument.load(bytes, { updateMetadata: false });
    return { key, js, lib };
  })();
  cache.set(file, loading);
  return loading;
}

export interface PdfInfo {
  pages: number;
  /** The first page's box in points (the MediaBox as cropped), e.g. 595.28 × 841.89 for A4. */
  pageSize: { width: number; height: number };
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  /** The document's language (the catalog's /Lang). */
  lang?: string;
  /** A tagged PDF: the catalog's /MarkInfo says /Marked true. */
  tagged: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The document information dictionary, language, page count, first page size and tagging. */
export async function pdfInfo(file: string): Promise<PdfInfo> {
  const { js } = await load(file);
  const { info } = (await js.getMetadata()) as unknown as { info: Record<string, unknown> };
  const first = await js.getPage(1);
  const [x0, y0, x1, y1] = first.view as [number, number, number, number];
  const mark = await js.getMarkInfo();
  return {
    pages: js.numPages,
    pageSize: { width: x1 - x0, height: y1 - y0 },
    title: str(info["Title"]),
    author: str(info["Author"]),
    subject: str(info["Subject"]),
    keywords: str(info["Keywords"]),
    lang: str(info["Language"]),
    tagged: mark?.Marked === true,
  };
}

/** A4 in points as PDF writers round it: 595.28 × 841.89, half a point either way. */
export function isA4(size: { width: number; height: number }): boolean {
  return Math.abs(size.width - 595.28) <= 1 && Math.abs(size.height - 841.89) <= 1;
}

export interface FontRow {
  /** The font's /BaseFont, e.g. `ABCDEF+NotoSerif-Regular` for a subset. */
  name: string;
  /** /Subtype: Type0, TrueType, Type1, Type3… */
  type: string;
  /** The font program is in the file (for a composite font: in its descendant's descriptor). */
  embedded: boolean;
  /** A subset: the name starts with six capital letters and a plus sign. */
  subset: boolean;
  /** The font maps its glyphs back to Unicode (/ToUnicode), so its text can be copied and searched. */
  toUnicode: boolean;
}

const nameOf = (v: unknown): string => (v instanceof PDFName ? v.decodeText() : "");

/** Every font the pages (and the forms they draw) use, once each, as `pdffonts` lists them. */
export async function pdfFonts(file: string): Promise<FontRow[]> {
  const { lib } = await load(file);
  const ctx = lib.context;
  const seen = new Set<string>();
  const rows: FontRow[] = [];
  const dict = (v: unknown): PDFDict | undefined => {
    const o = v instanceof PDFRef ? ctx.lookup(v) : v;
    if (o instanceof PDFDict) return o;
    if (o instanceof PDFStream) return o.dict;
    return undefined;
  };
  const hasProgram = (descriptor: PDFDict | undefined): boolean =>
    !!descriptor && ["FontFile", "FontFile2", "FontFile3"].some((k) => descriptor.get(PDFName.of(k)) !== undefined);
  const walkResources = (resources: PDFDict | undefined, depth: number): void => {
    if (!resources || depth > 8) return;
    const fonts = dict(resources.get(PDFName.of("Font")));
    for (const [, ref] of fonts?.entries() ?? []) {
      const id = ref instanceof PDFRef ? ref.toString() : `direct-${rows.length}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const font = dict(ref);
      if (!font) continue;
      const type = nameOf(font.get(PDFName.of("Subtype")));
      let embedded: boolean;
      if (type === "Type3") embedded = true;
      else if (type === "Type0") {
        const descendants = ctx.lookup(font.get(PDFName.of("DescendantFonts")));
        const first = descendants instanceof PDFArray ? dict(descendants.get(0)) : undefined;
        embedded = hasProgram(dict(first?.get(PDFName.of("FontDescriptor"))));
      } else embedded = hasProgram(dict(font.get(PDFName.of("FontDescriptor"))));
      const name = nameOf(font.get(PDFName.of("BaseFont")));
      rows.push({ name, type, embedded, subset: /^[A-Z]{6}\+/.test(name), toUnicode: font.get(PDFName.of("ToUnicode")) !== undefined });
      if (type === "Type3") walkResources(dict(font.get(PDFName.of("Resources"))), depth + 1);
    }
    const xobjects = dict(resources.get(PDFName.of("XObject")));
    for (const [, ref] of xobjects?.entries() ?? []) {
      const x = dict(ref);
      if (x && nameOf(x.get(PDFName.of("Subtype"))) === "Form") walkResources(dict(x.get(PDFName.of("Resources"))), depth + 1);
    }
  };
  for (const page of lib.getPages()) walkResources(page.node.Resources(), 0);
  return rows;
}

interface Run {
  str: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  width: number;
  size: number;
  ascent: number;
  descent: number;
  eol: boolean;
}

async function runs(file: string, page: number): Promise<{ runs: Run[]; height: number }> {
  const { js } = await load(file);
  const p = await js.getPage(page);
  const content = await p.getTextContent();
  const out: Run[] = [];
  for (const item of content.items) {
    if (!("str" in item)) continue;
    const [a, b, , , e, f] = item.transform as number[];
    const style = content.styles[item.fontName];
    out.push({
      str: item.str,
      x: e!,
      y: f!,
      width: item.width,
      size: Math.hypot(a!, b!) || item.height,
      ascent: style?.ascent ?? 0.8,
      descent: style?.descent ?? -0.2,
      eol: item.hasEOL,
    });
  }
  const [, y0, , y1] = p.view as [number, number, number, number];
  return { runs: out, height: y1 - y0 };
}

/**
 * The text of one page (1-based). `raw` keeps the order of the content stream, a line break where the
 * text moves to a new line; `layout` rebuilds the lines from the positions, top to bottom and left to
 * right, so text set side by side (a running header's two ends) lands on one line.
 */
export async function pageText(file: string, page: number, mode: "raw" | "layout" = "raw"): Promise<string> {
  const { runs: list } = await runs(file, page);
  if (mode === "raw") return list.map((r) => r.str + (r.eol ? "\n" : "")).join("");
  const lines: Run[][] = [];
  for (const r of list.filter((x) => x.str.trim() !== "")) {
    const line = lines.find((l) => Math.abs(l[0]!.y - r.y) <= Math.max(1, l[0]!.size * 0.3));
    if (line) line.push(r);
    else lines.push([r]);
  }
  return lines
    .sort((p, q) => q[0]!.y - p[0]!.y)
    .map((line) => {
      line.sort((p, q) => p.x - q.x);
      let text = "";
      let end = -Infinity;
      for (const r of line) {
        if (text && r.x - end > r.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(r.str)) text += " ";
        text += r.str;
        end = r.x + r.width;
      }
      return text;
    })
    .join("\n");
}

/** The whole document's text, pages in order. */
export async function pdfText(file: string): Promise<string> {
  const { js } = await load(file);
  const pages: string[] = [];
  for (let p = 1; p <= js.numPages; p++) pages.push(await pageText(file, p));
  return pages.join("\n\f");
}

export interface Box {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/**
 * Every visible run of text on a page with its box in points, the origin at the top left as on screen:
 * from the glyph origin to the advance, from the font's ascent to its descent. Trailing spaces do not
 * count towards the box.
 */
export async function textBoxes(file: string, page: number): Promise<Box[]> {
  const { runs: list, height } = await runs(file, page);
  return list
    .filter((r) => r.str.trim() !== "")
    .map((r) => {
      // The advance of trailing spaces is not ink: take it off in proportion to the characters.
      const trimmed = r.str.trimEnd();
      const width = trimmed.length === r.str.length ? r.width : (r.width * trimmed.length) / r.str.length;
      return {
        text: r.str,
        xMin: r.x,
        xMax: r.x + width,
        yMin: height - (r.y + r.ascent * r.size),
        yMax: height - (r.y + r.descent * r.size),
      };
    });
}

export const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

export interface ImageRow {
  page: number;
  /** Pixels. */
  width: number;
  height: number;
  /** `gray`, `rgb`, `cmyk`, `index`… from the image's colour space (an ICC profile counts by its components). */
  color: string;
  /** Resolution as placed on the page: pixels per inch across and down (equal: not distorted). */
  xppi: number;
  yppi: number;
}

function colourOf(lib: PDFDocument, cs: unknown): string {
  const v = cs instanceof PDFRef ? lib.context.lookup(cs) : cs;
  if (v instanceof PDFName) {
    return ({ DeviceGray: "gray", DeviceRGB: "rgb", DeviceCMYK: "cmyk" } as Record<string, string>)[v.decodeText()] ?? v.decodeText();
  }
  if (v instanceof PDFArray) {
    const family = nameOf(v.get(0));
    if (family === "ICCBased") {
      const profile = lib.context.lookup(v.get(1));
      const n = profile instanceof PDFRawStream ? profile.dict.get(PDFName.of("N")) : undefined;
      return ({ 1: "gray", 3: "rgb", 4: "cmyk" } as Record<number, string>)[n instanceof PDFNumber ? n.asNumber() : 0] ?? "icc";
    }
    if (family === "Indexed") return "index";
    return family.toLowerCase();
  }
  return "unknown";
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/**
 * Every image drawn on every page, as `pdfimages -list` lists them: the placement (and so the
 * resolution) from pdfjs's operator list, the colour space from the image's own dictionary.
 */
export async function pdfImages(file: string): Promise<ImageRow[]> {
  const { js, lib } = await load(file);
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const { OPS } = pdfjs;
  const rows: ImageRow[] = [];
  const libPages = lib.getPages();
  for (let p = 1; p <= js.numPages; p++) {
    // The colour spaces of the page's images by pixel size.
    const colours = new Map<string, string>();
    const xobjects = libPages[p - 1]!.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
    const collect = (dict: PDFDict | undefined, depth: number): void => {
      for (const [, ref] of dict?.entries() ?? []) {
        const x = lib.context.lookup(ref);
        if (!(x instanceof PDFStream) || depth > 8) continue;
        const sub = nameOf(x.dict.get(PDFName.of("Subtype")));
        if (sub === "Image") {
          const size = `${(x.dict.get(PDFName.of("Width")) as PDFNumber).asNumber()}x${(x.dict.get(PDFName.of("Height")) as PDFNumber).asNumber()}`;
          colours.set(size, colourOf(lib, x.dict.get(PDFName.of("ColorSpace"))));
        } else if (sub === "Form") {
          collect(x.dict.lookupMaybe(PDFName.of("Resources"), PDFDict)?.lookupMaybe(PDFName.of("XObject"), PDFDict), depth + 1);
        }
      }
    };
    collect(xobjects, 0);
    const page = await js.getPage(p);
    const ops = await page.getOperatorList();
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
      else if (fn === OPS.paintFormXObjectBegin) {
        stack.push(ctm);
        if (Array.isArray(args[0])) ctm = multiply(args[0] as Matrix, ctm);
      } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.paintImageXObject) {
        const [, w, h] = args as [string, number, number];
        const placedW = Math.hypot(ctm[0], ctm[1]) / 72;
        const placedH = Math.hypot(ctm[2], ctm[3]) / 72;
        rows.push({ page: p, width: w, height: h, color: colours.get(`${w}x${h}`) ?? "unknown", xppi: w / placedW, yppi: h / placedH });
      }
    }
  }
  return rows;
}

export interface OutlineEntry {
  title: string;
  page: number;
  depth: number;
}

/** The outline (bookmarks) with the page of each entry. */
export async function pdfOutline(file: string): Promise<OutlineEntry[]> {
  const { js } = await load(file);
  const out: OutlineEntry[] = [];
  type Item = { title: string; dest: string | unknown[] | null; items: Item[] };
  const walk = async (items: Item[], depth: number): Promise<void> => {
    for (const it of items) {
      const dest = typeof it.dest === "string" ? await js.getDestination(it.dest) : it.dest;
      const page = dest ? (await js.getPageIndex(dest[0] as { num: number; gen: number })) + 1 : 0;
      out.push({ title: it.title, page, depth });
      await walk(it.items, depth + 1);
    }
  };
  await walk(((await js.getOutline()) ?? []) as Item[], 0);
  return out;
}
