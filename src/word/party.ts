// Party-format Word documents (thể thức văn bản của Đảng, Hướng dẫn 36-HD/VPTW): A4 page, margins and
// Times New Roman from site.yaml, the header table, kind and title, body blocks, "Nơi nhận" beside the
// signer, page numbers from page 2. Knows nothing of the outputs that fill it.
import { cachedDocument } from "./cache.ts";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
  HeadingLevel,
} from "docx";
import { withoutUnsafeCharacters } from "../render/escape.ts";
import type { Block, Inline } from "./blocks.ts";
import { finishPackage } from "./package.ts";
import type { WordSettings } from "./settings.ts";

/** A4 in twips (twentieths of a point), as Word writes it. */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;

/**
 * Type sizes in points of Hướng dẫn 36-HD/VPTW (phụ lục: phông chữ, cỡ chữ, kiểu chữ). The body
 * size comes from site.yaml (13–14); these parts have their own.
 */
export const PARTY_SIZES = {
  partyHeader: 15,
  parent: 14,
  issuer: 14,
  number: 14,
  placeDate: 14,
  kind: 16,
  title: 14,
  recipientsTitle: 14,
  recipients: 12,
  signer: 14,
  /** Report tables: one point below the body. */
  tableDelta: -1,
} as const;

export const LANGUAGE = "vi-VN";

const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);
/** Code points no output may carry (controls, noncharacters, lone surrogates) become U+FFFD, so no text can break the file. */
const xmlText = withoutUnsafeCharacters;
const half = (pt: number): number => Math.round(pt * 2);
/** The width between the margins, in twips. */
export function textWidth(settings: WordSettings): number {
  return A4_TWIPS.width - mmToTwip(settings.margins.left) - mmToTwip(settings.margins.right);
}

function runs(text: readonly Inline[], size: number, extra: { bold?: boolean; italic?: boolean } = {}): ParagraphChild[] {
  return text.map(
    (r) =>
      new TextRun({
        text: xmlText(r.text),
        size: half(size),
        ...(r.bold || extra.bold ? { bold: true } : {}),
        ...(r.italic || extra.italic ? { italics: true } : {}),
        ...(r.breakBefore ? { break: 1 } : {}),
      }),
  );
}

function line(text: string, size: number, options: { bold?: boolean; italic?: boolean; underline?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; before?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    children: [
      new TextRun({
        text: xmlText(text),
        size: half(size),
        ...(options.bold ? { bold: true } : {}),
        ...(options.italic ? { italics: true } : {}),
        ...(options.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
      }),
    ],
  });
}

const NO_BORDERS = TableBorders.NONE;

function cell(children: Paragraph[] | (Paragraph | Table)[], width: number, extra: { rowSpan?: number; verticalAlign?: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable] } = {}): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, ...extra });
}

/** Two borderless columns side by side (the header block, "Nơi nhận" beside the signature). */
function sideBySide(settings: WordSettings, leftShare: number, left: (Paragraph | Table)[], right: (Paragraph | Table)[]): Table {
  const total = textWidth(settings);
  const a = Math.round(total * leftShare);
  const b = total - a;
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [a, b],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, a), cell(right, b)] })],
  });
}

/** Body text: justified, first line indented 1 cm, 6 pt after, lines at 1.15. */
function bodyParagraph(text: readonly Inline[], size: number, options: { plain?: boolean; align?: "center" | "left" | "right"; quote?: boolean } = {}): Paragraph {
  const align = options.align === "center" ? AlignmentType.CENTER : options.align === "right" ? AlignmentType.RIGHT : options.align === "left" ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
  return new Paragraph({
    alignment: align,
    spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO },
    indent: options.quote ? { left: 567 } : options.plain || options.align ? {} : { firstLine: 567 },
    children: runs(text, size, options.quote ? { italic: true } : {}),
  });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function tableBlock(block: Extract<Block, { type: "table" }>, settings: WordSettings): (Paragraph | Table)[] {
  const size = settings.size + PARTY_SIZES.tableDelta;
  const total = textWidth(settings);
  const numericCount = block.columns.filter((c) => c.numeric).length;
  // Figures get narrow columns; the naming columns share the rest.
  const numericWidth = Math.min(1700, Math.round((total * 0.7) / Math.max(1, numericCount)));
  const textCols = block.columns.length - numericCount;
  const textWidthEach = Math.round((total - numericWidth * numericCount) / Math.max(1, textCols));
  const widths = block.columns.map((c) => (c.numeric ? numericWidth : textWidthEach));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const p = (value: string | number, opts: { bold?: boolean; numeric?: boolean; center?: boolean }) =>
    new Paragraph({
      alignment: opts.center ? AlignmentType.CENTER : opts.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: { before: 20, after: 20 },
      children: [new TextRun({ text: xmlText(String(value)), size: half(size), ...(opts.bold ? { bold: true } : {}) })],
    });
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => new TableCell({ width: { size: widths[i] as number, type: WidthType.DXA }, children: [p(c.title, { bold: true, center: true })] })),
  });
  const rows = block.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map(
          (value, i) => new TableCell({ width: { size: widths[i] as number, type: WidthType.DXA }, children: [p(value, { bold: r.total === true, numeric: block.columns[i]?.numeric === true })] }),
        ),
      }),
  );
  const out: (Paragraph | Table)[] = [];
  if (block.caption) {
    out.push(new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: xmlText(block.caption), italics: true, size: half(size) })] }));
  }
  out.push(new Table({ width: { size: total, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders, rows: [head, ...rows] }));
  out.push(new Paragraph({ spacing: { after: 60 }, children: [] }));
  return out;
}

/** Word paragraphs and tables for blocks, in the settings' body size. */
export function blocksToWord(blocks: readonly Block[], settings: WordSettings): (Paragraph | Table)[] {
  const size = settings.size;
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case "heading":
        out.push(
          new Paragraph({
            heading: HEADINGS[block.level - 1],
            keepNext: true,
            spacing: { before: block.level === 1 ? 180 : 120, after: 60 },
            indent: { firstLine: block.level === 1 ? 0 : 567 },
            alignment: AlignmentType.JUSTIFIED,
            children: runs(block.text, size, { bold: true, italic: block.level === 3 }),
          }),
        );
        break;
      case "paragraph":
        out.push(bodyParagraph(block.text, size, block));
        break;
      case "list": {
        const level = block.level ?? 0;
        block.items.forEach((item, i) => {
          const marker = block.ordered ? `${(block.start ?? 1) + i}. ` : "- ";
          out.push(
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              spacing: { after: 80, line: 276, lineRule: LineRuleType.AUTO },
              indent: { firstLine: 567 + level * 567 },
              children: [new TextRun({ text: marker, size: half(size) }), ...runs(item, size)],
            }),
          );
        });
        break;
      }
      case "table":
        out.push(...tableBlock(block, settings));
        break;
      case "pageBreak":
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
    }
  }
  return out;
}

export interface DocumentProperties {
  title: string;
  subject: string;
  /** The issuing body. */
  creator: string;
  keywords?: string;
  description?: string;
  /** `YYYY-MM-DD`: the document's date, written as created and modified so a rebuild gives the same file. */
  date: string;
}

export interface WordFileOptions {
  settings: WordSettings;
  properties: DocumentProperties;
  children: (Paragraph | Table)[];
}

/**
 * The file: A4 portrait, site.yaml's margins, Times New Roman at the body size in vi-VN, headings
 * in black, and the page number centred at the top from page 2 (a different first page, as
 * Hướng dẫn 36-HD/VPTW and Nghị định 30/2020/NĐ-CP number pages).
 */
export async function wordFile(options: WordFileOptions): Promise<Uint8Array> {
  const { settings, properties } = options;
  const size = half(settings.size);
  const font = settings.font;
  const headingStyle = (id: string, name: string, level: number) => ({
    id,
    name,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { font, size, bold: true, color: "000000", ...(level === 3 ? { italics: true } : {}) },
    paragraph: { spacing: { before: 120, after: 60 }, keepNext: true, outlineLevel: level - 1 },
  });
  const doc = new Document({
    title: properties.title,
    subject: properties.subject,
    creator: properties.creator,
    lastModifiedBy: properties.creator,
    ...(properties.keywords ? { keywords: properties.keywords } : {}),
    ...(properties.description ? { description: properties.description } : {}),
    styles: {
      default: {
        document: { run: { font, size, language: { value: LANGUAGE } }, paragraph: { spacing: { after: 0 } } },
      },
      paragraphStyles: [headingStyle("Heading1", "heading 1", 1), headingStyle("Heading2", "heading 2", 2), headingStyle("Heading3", "heading 3", 3)],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            margin: {
              top: mmToTwip(settings.margins.top),
              right: mmToTwip(settings.margins.right),
              bottom: mmToTwip(settings.margins.bottom),
              left: mmToTwip(settings.margins.left),
              header: mmToTwip(10),
              footer: mmToTwip(10),
            },
          },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size })] })],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: options.children,
      },
    ],
  });
  return finishPackage(await Packer.toBuffer(doc), { language: LANGUAGE, date: properties.date, creator: properties.creator });
}

/** The header block of a Party document. */
export interface PartyHeader {
  /** The superior body ("Đảng bộ Quận Cầu Giấy"), printed in capitals above the issuer. */
  parent: string;
  /** The issuing body, printed in bold capitals. */
  issuer: string;
  /** What follows "Số " ("08-KH/BTG"); with `blank`, a space is left before it for the office to write the number. */
  number: string;
  blank?: boolean;
  /** "ĐẢNG CỘNG SẢN VIỆT NAM". */
  partyHeader: string;
  /** "Cầu Giấy, ngày 10 tháng 12 năm 2018". */
  placeDate: string;
}

export interface RecipientGroup {
  /** Each line as printed after its dash, punctuation included. */
  lines: string[];
  /** "Để báo cáo": printed beside the group. */
  purpose?: string;
}

export interface Signer {
  /** Lines above the title, such as "T/M BAN THƯỜNG VỤ". */
  authority?: string;
  title: string;
  name: string;
  /** "(Đã ký)" in the signature space. */
  signed?: boolean;
}

export interface PartyDocumentSpec {
  settings: WordSettings;
  properties: DocumentProperties;
  header: PartyHeader;
  /** "BÁO CÁO", "KẾ HOẠCH". */
  kind: string;
  /** The subject (trích yếu), centred in bold below the kind. */
  title: string;
  /** A line in italics under the title ("Dữ liệu minh họa"). */
  note?: string;
  body: Block[];
  recipients: RecipientGroup[];
  signer?: Signer;
}

/** "Ban Tuyên giáo Quận ủy Cầu Giấy" → "BAN TUYÊN GIÁO": the parent committee is printed on the line above. */
export function issuerHeading(issuer: string): string {
  return issuer.replace(/\s+(Quận|Huyện|Thành|Tỉnh|Thị|Đảng)\s+ủy.*$/iu, "").toLocaleUpperCase("vi");
}

/** The space left for the number the office writes in. */
export const BLANK = "\u00a0".repeat(8);
/** The space left for the day and for the month (the date line must stay on one line). */
export const DATE_BLANK = "\u00a0".repeat(5);

function headerTable(spec: PartyDocumentSpec): Table {
  const h = spec.header;
  const left = [
    line(h.parent.toLocaleUpperCase("vi"), PARTY_SIZES.parent),
    line(h.issuer.toLocaleUpperCase("vi"), PARTY_SIZES.issuer, { bold: true }),
    line("*", PARTY_SIZES.number),
    line(`Số ${h.blank ? BLANK : ""}${h.number}`, PARTY_SIZES.number),
  ];
  const right = [line(h.partyHeader, PARTY_SIZES.partyHeader, { bold: true, underline: true, after: 240 }), line(h.placeDate, PARTY_SIZES.placeDate, { italic: true })];
  return sideBySide(spec.settings, 0.44, left, right);
}

function recipientsBlock(spec: PartyDocumentSpec): (Paragraph | Table)[] {
  const size = PARTY_SIZES.recipients;
  const title = new Paragraph({ children: [new TextRun({ text: "Nơi nhận:", size: half(PARTY_SIZES.recipientsTitle), underline: { type: UnderlineType.SINGLE } })] });
  const item = (text: string) => new Paragraph({ children: [new TextRun({ text: xmlText(`- ${text}`), size: half(size) })] });
  if (!spec.recipients.some((g) => g.purpose)) return [title, ...spec.recipients.flatMap((g) => g.lines.map(item))];
  // Groups with a purpose: the names on the left, the purpose beside them spanning the group's rows.
  const width = Math.round(textWidth(spec.settings) * 0.5);
  const names = Math.round(width * 0.62);
  const rows = spec.recipients.flatMap((g) =>
    g.lines.map(
      (text, i) =>
        new TableRow({
          children: [
            cell([item(text)], names),
            ...(i === 0
              ? [cell([new Paragraph({ children: [new TextRun({ text: xmlText(g.purpose ? `(${g.purpose.charAt(0).toLocaleLowerCase("vi")}${g.purpose.slice(1)})` : ""), size: half(size) })] })], width - names, { rowSpan: g.lines.length, verticalAlign: VerticalAlignTable.CENTER })]
              : []),
          ],
        }),
    ),
  );
  return [title, new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: [names, width - names], layout: TableLayoutType.FIXED, borders: NO_BORDERS, rows })];
}

function signerBlock(signer: Signer | undefined): Paragraph[] {
  if (!signer) return [new Paragraph({ children: [] })];
  return [
    ...(signer.authority ? [line(signer.authority.toLocaleUpperCase("vi"), PARTY_SIZES.signer, { bold: true })] : []),
    line(signer.title.toLocaleUpperCase("vi"), PARTY_SIZES.signer, { bold: true }),
    // The signature space: about 25 mm, as on the printed report.
    line(signer.signed ? "(Đã ký)" : "", PARTY_SIZES.signer, { italic: true, before: 480, after: 480 }),
    line(signer.name, PARTY_SIZES.signer, { bold: true }),
  ];
}

/** A whole Party document as a .docx file. */
export function partyDocument(spec: PartyDocumentSpec): Promise<Uint8Array> {
  return cachedDocument("party-document", spec, () => makePartyDocument(spec));
}

async function makePartyDocument(spec: PartyDocumentSpec): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    headerTable(spec),
    ...(spec.note ? [line(spec.note, PARTY_SIZES.recipients, { italic: true, before: 120 })] : []),
    line(spec.kind, PARTY_SIZES.kind, { bold: true, before: 240 }),
    line(spec.title, Math.max(PARTY_SIZES.title, spec.settings.size), { bold: true }),
    line("-----", PARTY_SIZES.title, { after: 240 }),
    ...blocksToWord(spec.body, spec.settings),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    sideBySide(spec.settings, 0.5, recipientsBlock(spec), signerBlock(spec.signer)),
  ];
  return wordFile({ settings: spec.settings, properties: spec.properties, children });
}
