// Reads a .docx as Word does, without anything from src/: unzip (fflate), parse each XML part
// (fast-xml-parser, document order kept) and walk the WordprocessingML elements.
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Text content of a text node (name "#text"). */
  text?: string;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true });

type Raw = Record<string, unknown> & { ":@"?: Record<string, string> };

function convert(raw: Raw[]): XNode[] {
  const out: XNode[] = [];
  for (const item of raw) {
    const attrs = item[":@"] ?? {};
    for (const [name, value] of Object.entries(item)) {
      if (name === ":@") continue;
      if (name === "#text") out.push({ name, attrs: {}, children: [], text: String(value) });
      else out.push({ name, attrs, children: convert(value as Raw[]) });
    }
  }
  return out;
}

export function parseXml(xml: string): XNode {
  return { name: "#document", attrs: {}, children: convert(parser.parse(xml) as Raw[]) };
}

/** Every descendant named `name`, in document order. */
export function all(node: XNode, name: string): XNode[] {
  const out: XNode[] = [];
  const walk = (n: XNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export function first(node: XNode, name: string): XNode | undefined {
  return all(node, name)[0];
}

/** Direct children named `name`. */
export function kids(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The text of a paragraph, run or cell: its w:t elements joined, tabs and breaks as spaces/newlines. */
export function textOf(node: XNode): string {
  let out = "";
  const walk = (n: XNode) => {
    for (const c of n.children) {
      if (c.name === "#text" && n.name === "w:t") out += c.text;
      else if (c.name === "w:tab") out += "\t";
      else if (c.name === "w:br") out += "\n";
      else walk(c);
    }
  };
  walk(node);
  return out;
}

/** A run property: `w:sz` value in half-points, bold, italic, underline, font. */
export function runProps(run: XNode): { size?: number; bold: boolean; italic: boolean; underline: boolean; font?: string } {
  const rPr = first(run, "w:rPr");
  const on = (name: string) => {
    const el = rPr && kids(rPr, name)[0];
    return el !== undefined && el.attrs["w:val"] !== "false" && el.attrs["w:val"] !== "0";
  };
  const sz = rPr && kids(rPr, "w:sz")[0]?.attrs["w:val"];
  const font = rPr && kids(rPr, "w:rFonts")[0]?.attrs["w:ascii"];
  const u = rPr && kids(rPr, "w:u")[0];
  return { ...(sz ? { size: Number(sz) } : {}), bold: on("w:b"), italic: on("w:i"), underline: u !== undefined && u.attrs["w:val"] !== "none", ...(font ? { font } : {}) };
}

/** The runs of a paragraph that carry text. */
export function textRuns(p: XNode): XNode[] {
  return all(p, "w:r").filter((r) => textOf(r) !== "");
}

export function alignment(p: XNode): string | undefined {
  return first(p, "w:pPr") && kids(first(p, "w:pPr") as XNode, "w:jc")[0]?.attrs["w:val"];
}

export interface Docx {
  file: string;
  parts: Record<string, string>;
  xml(part: string): XNode;
  /** `w:body`'s direct children (paragraphs and tables) in order. */
  body(): XNode[];
}

export function readDocx(file: string): Docx {
  const zip = unzipSync(readFileSync(file));
  const parts = Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]));
  const cache = new Map<string, XNode>();
  const xml = (part: string): XNode => {
    let node = cache.get(part);
    if (!node) {
      const text = parts[part];
      if (text === undefined) throw new Error(`${file}: no part ${part}`);
      cache.set(part, (node = parseXml(text)));
    }
    return node;
  };
  return {
    file,
    parts,
    xml,
    body: () => (first(xml("word/document.xml"), "w:body") as XNode).children.filter((c) => c.name === "w:p" || c.name === "w:tbl"),
  };
}

/** The part a relationship id of document.xml points at ("word/header1.xml"). */
export function relTarget(docx: Docx, id: string): string {
  const rel = all(docx.xml("word/_rels/document.xml.rels"), "Relationship").find((r) => r.attrs.Id === id);
  if (!rel) throw new Error(`${docx.file}: no relationship ${id}`);
  return `word/${rel.attrs.Target}`;
}

/** The rows of a table, each a list of cell texts; `header` is true for rows marked to repeat (w:tblHeader). */
export function tableRows(tbl: XNode): { header: boolean; cells: string[]; cellNodes: XNode[] }[] {
  return kids(tbl, "w:tr").map((tr) => {
    const trPr = kids(tr, "w:trPr")[0];
    const header = trPr !== undefined && kids(trPr, "w:tblHeader").length > 0;
    const cellNodes = kids(tr, "w:tc");
    return { header, cells: cellNodes.map((tc) => kids(tc, "w:p").map(textOf).join("\n")), cellNodes };
  });
}
