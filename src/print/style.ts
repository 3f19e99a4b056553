// Print settings from site.yaml `document` (defaults from the schema), the self-hosted Noto Serif
// faces and the page CSS (size, margins, running header, "Trang X/Y") shared by bulletins and reports.
import { copyFile, mkdir, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SiteConfig } from "../content/model.ts";
import { schemaAt } from "../content/schemas.ts";
import { escapeCssString } from "../render/escape.ts";
import { FILE_PATHS } from "../paths/paths.ts";

export interface PrintSettings {
  bulletinName: string;
  paper: "A4";
  /** Millimetres. */
  margins: { top: number; right: number; bottom: number; left: number };
  font: { family: string; size: number };
}

/** Paper sizes in millimetres (the schema allows A4 only today). */
export const PAPER_MM: Record<PrintSettings["paper"], { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
};

function schemaDefault<T>(segments: string[]): T {
  const node = schemaAt("site", ["document", ...segments]) as { default?: T } | undefined;
  if (node?.default === undefined) throw new Error(`site.schema.json: document.${segments.join(".")} has no default`);
  return node.default;
}

/** The document settings of `site.yaml`, every missing value taken from the schema's default. */
export function printSettings(site: SiteConfig): PrintSettings {
  const doc = site.document;
  const m = doc.margins ?? {};
  return {
    bulletinName: doc.bulletinName,
    paper: doc.paper ?? schemaDefault<"A4">(["paper"]),
    margins: {
      top: m.top ?? schemaDefault<number>(["margins", "top"]),
      right: m.right ?? schemaDefault<number>(["margins", "right"]),
      bottom: m.bottom ?? schemaDefault<number>(["margins", "bottom"]),
      left: m.left ?? schemaDefault<number>(["margins", "left"]),
    },
    font: {
      family: doc.font?.family ?? schemaDefault<string>(["font", "family"]),
      size: doc.font?.size ?? schemaDefault<number>(["font", "size"]),
    },
  };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const FONTSOURCE_DIR = path.resolve(here, "../../node_modules/@fontsource/noto-serif");
const SUBSETS = ["vietnamese", "latin-ext", "latin"] as const;
const FACES = [
  { weight: 400, style: "normal", css: "400.css" },
  { weight: 400, style: "italic", css: "400-italic.css" },
  { weight: 700, style: "normal", css: "700.css" },
  { weight: 700, style: "italic", css: "700-italic.css" },
] as const;

interface FontFace {
  file: string;
  weight: number;
  style: string;
  unicodeRange: string;
}

let faces: FontFace[] | undefined;

/** The Noto Serif faces we self-host, with the unicode ranges @fontsource publishes for each subset. */
export function printFontFaces(): FontFace[] {
  if (faces) return faces;
  const out: FontFace[] = [];
  for (const face of FACES) {
    const css = readFileSync(path.join(FONTSOURCE_DIR, face.css), "utf8");
    for (const subset of SUBSETS) {
      const file = `noto-serif-${subset}-${face.weight}-${face.style}.woff2`;
      const block = css.split("@font-face").find((b) => b.includes(`/${file}`));
      const range = block && /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (!range) throw new Error(`@fontsource/noto-serif: no ${file} in ${face.css}`);
      out.push({ file, weight: face.weight, style: face.style, unicodeRange: range.trim() });
    }
  }
  return (faces = out);
}

/** Copies the print fonts into the built site (only when missing or changed in size). */
export async function writePrintFonts(outputDir: string): Promise<void> {
  const dir = path.join(outputDir, FILE_PATHS.printFonts);
  await mkdir(dir, { recursive: true });
  await Promise.all(
    printFontFaces().map(async ({ file }) => {
      const from = path.join(FONTSOURCE_DIR, "files", file);
      const to = path.join(dir, file);
      const [a, b] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
      if (b?.size !== a.size) await copyFile(from, to);
    }),
  );
}

/**
 * `@font-face` rules for the print family. `fontBase` is the URL of the fonts folder as seen from
 * the print page (a relative URL keeps the page printable whatever the site's path prefix).
 */
export function fontFaceCss(settings: PrintSettings, fontBase: string): string {
  return printFontFaces()
    .map(
      (f) =>
        `@font-face{font-family:${escapeCssString(settings.font.family)};font-style:${f.style};font-weight:${f.weight};font-display:block;` +
        `src:url(${fontBase}${f.file}) format("woff2");unicode-range:${f.unicodeRange}}`,
    )
    .join("\n");
}

export interface PageCssOptions {
  /** Left part of the running header, e.g. the bulletin name. */
  headerLeft?: string;
  /** Right part of the running header, e.g. "Số 1/2019". */
  headerRight?: string;
  /** The footer: "Trang X/Y" unless false. */
  pageNumbers?: boolean;
}

/**
 * The page box: paper, margins, running header and "Trang X/Y" footer as CSS page-margin boxes, and
 * a named page `cover` without them. Elements with `page: cover` print bare; give them
 * `break-after: page` too, so the layout the PDF step measures breaks where the printer does.
 */
export function pageCss(settings: PrintSettings, options: PageCssOptions = {}): string {
  const { top, right, bottom, left } = settings.margins;
  const paper = PAPER_MM[settings.paper];
  const family = escapeCssString(settings.font.family);
  const small = Math.max(7, Math.round(settings.font.size * 0.72 * 10) / 10);
  const box = `font-family:${family};font-size:${small}pt;color:#333;`;
  const header =
    (options.headerLeft
      ? `@top-left{content:${escapeCssString(options.headerLeft)};${box}vertical-align:bottom;padding-bottom:1.5mm;margin-bottom:5mm;border-bottom:0.4pt solid #555;font-style:italic}`
      : "") +
    (options.headerRight
      ? `@top-right{content:${escapeCssString(options.headerRight)};${box}vertical-align:bottom;padding-bottom:1.5mm;margin-bottom:5mm;border-bottom:0.4pt solid #555;text-align:right}`
      : "");
  const footer =
    options.pageNumbers === false
      ? ""
      : `@bottom-center{content:"Trang " counter(page) "/" counter(pages);${box}vertical-align:top;padding-top:4mm}`;
  return `@page{size:${paper.width}mm ${paper.height}mm;margin:${top}mm ${right}mm ${bottom}mm ${left}mm;${header}${footer}}
@page cover{@top-left{content:none;border:0}@top-right{content:none;border:0}@bottom-center{content:none}}
html{font-family:${family};font-size:${settings.font.size}pt;line-height:1.38;color:#000;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;padding:0}
.cover{page:cover;break-after:page}`;
}
