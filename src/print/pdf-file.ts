// Reads and amends the PDFs Chromium writes: the outline with the page of each entry, and an
// incremental update that sets the document information without touching outline, tags or fonts.
//
// Chromium (Skia) writes PDF 1.4 with a classic cross-reference table and every non-stream object
// as plain text, so a small reader is enough. An incremental update appends new versions of a few
// objects after the original bytes: nothing Chromium wrote is rewritten, so the structure tree,
// the outline and the embedded fonts stay exactly as printed.

export type PdfValue =
  | { t: "name"; v: string }
  | { t: "num"; v: number }
  | { t: "ref"; num: number; gen: number }
  | { t: "str"; bytes: Uint8Array }
  | { t: "arr"; v: PdfValue[] }
  | { t: "dict"; v: Map<string, PdfValue> }
  | { t: "bool"; v: boolean }
  | { t: "null" };

export class PdfFormatError extends Error {}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** A tiny parser for PDF objects (no streams), reading from a byte offset. */
class Parser {
  constructor(
    private readonly b: Uint8Array,
    public pos: number,
  ) {}

  private skip(): void {
    const b = this.b;
    for (;;) {
      while (this.pos < b.length && WS.has(b[this.pos]!)) this.pos++;
      if (b[this.pos] === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else return;
    }
  }

  private word(): string {
    const start = this.pos;
    while (this.pos < this.b.length && !WS.has(this.b[this.pos]!) && !DELIM.has(this.b[this.pos]!)) this.pos++;
    return latin1(this.b.subarray(start, this.pos));
  }

  /** Reads `N G obj` and returns the object's value. */
  indirect(): { num: number; value: PdfValue } {
    this.skip();
    const num = Number(this.word());
    this.skip();
    this.word();
    this.skip();
    if (this.word() !== "obj") throw new PdfFormatError(`object header expected at ${this.pos}`);
    return { num, value: this.value() };
  }

  value(): PdfValue {
    this.skip();
    const b = this.b;
    const c = b[this.pos];
    if (c === undefined) throw new PdfFormatError("unexpected end of file");
    if (c === 0x2f) {
      this.pos++;
      return { t: "name", v: this.word() };
    }
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const v = new Map<string, PdfValue>();
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return { t: "dict", v };
        }
        const key = this.value();
        if (key.t !== "name") throw new PdfFormatError(`name expected at ${this.pos}`);
        v.set(key.v, this.value());
      }
    }
    if (c === 0x3c) {
      const end = b.indexOf(0x3e, this.pos);
      const hex = latin1(b.subarray(this.pos + 1, end)).replace(/\s+/g, "");
      this.pos = end + 1;
      const padded = hex.length % 2 ? hex + "0" : hex;
      const bytes = new Uint8Array(padded.length / 2);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(padded.slice(2 * i, 2 * i + 2), 16);
      return { t: "str", bytes };
    }
    if (c === 0x28) return { t: "str", bytes: this.literal() };
    if (c === 0x5b) {
      this.pos++;
      const v: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return { t: "arr", v };
        }
        v.push(this.value());
      }
    }
    const w = this.word();
    if (w === "true" || w === "false") return { t: "bool", v: w === "true" };
    if (w === "null") return { t: "null" };
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // `n g R` is a reference: look ahead without consuming when it is not.
      if (/^\d+$/.test(w)) {
        const save = this.pos;
        this.skip();
        const g = this.word();
        if (/^\d+$/.test(g)) {
          this.skip();
          if (this.b[this.pos] === 0x52 /* R */) {
            this.pos++;
            return { t: "ref", num: Number(w), gen: Number(g) };
          }
        }
        this.pos = save;
      }
      return { t: "num", v: Number(w) };
    }
    throw new PdfFormatError(`unexpected token "${w}" at ${this.pos}`);
  }

  private literal(): Uint8Array {
    const b = this.b;
    const out: number[] = [];
    let depth = 0;
    this.pos++;
    for (;;) {
      const c = b[this.pos++];
      if (c === undefined) throw new PdfFormatError("unterminated string");
      if (c === 0x5c) {
        const e = b[this.pos++]!;
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (map[e] !== undefined) out.push(map[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let oct = e - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) oct = oct * 8 + b[this.pos++]! - 0x30;
          out.push(oct & 0xff);
        } else if (e === 0x0d || e === 0x0a) {
          if (e === 0x0d && b[this.pos] === 0x0a) this.pos++;
        } else out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (depth-- === 0) return Uint8Array.from(out);
        out.push(c);
      } else out.push(c);
    }
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/** Decodes a PDF text string (UTF-16BE with BOM, or PDFDocEncoding treated as Latin-1). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = "";
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  return latin1(bytes);
}

/** Encodes a text string as `<FEFF…>` (UTF-16BE), safe for any Unicode text. */
export function encodeText(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return `<${hex}>`;
}

/** Serialises a value back to PDF syntax. */
export function serialize(v: PdfValue): string {
  switch (v.t) {
    case "name":
      return `/${v.v}`;
    case "num":
      return String(v.v);
    case "ref":
      return `${v.num} ${v.gen} R`;
    case "str":
      return `<${Buffer.from(v.bytes).toString("hex").toUpperCase()}>`;
    case "arr":
      return `[${v.v.map(serialize).join(" ")}]`;
    case "dict":
      return `<<${[...v.v].map(([k, x]) => `/${k} ${serialize(x)}`).join("\n")}>>`;
    case "bool":
      return String(v.v);
    case "null":
      return "null";
  }
}

export interface OutlineItem {
  /** Object number of the outline item (to rewrite it). */
  num: number;
  title: string;
  /** 1-based page number of the entry's destination, or 0 when it has none. */
  page: number;
  depth: number;
  dict: Map<string, PdfValue>;
}

/** One PDF as Chromium wrote it: objects found through the cross-reference table. */
export class PdfFile {
  readonly offsets = new Map<number, number>();
  readonly trailer: Map<string, PdfValue>;
  readonly startxref: number;
  private readonly cache = new Map<number, PdfValue>();

  constructor(readonly bytes: Uint8Array) {
    const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 1024)));
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!m) throw new PdfFormatError("startxref not found");
    this.startxref = Number(m[1]);
    const head = latin1(bytes.subarray(this.startxref, this.startxref + 4));
    if (head !== "xref") throw new PdfFormatError("only classic cross-reference tables are supported");
    // Classic table: subsections of `first count` followed by 20-byte entries.
    const text = latin1(bytes.subarray(this.startxref));
    const tIndex = text.indexOf("trailer");
    if (tIndex < 0) throw new PdfFormatError("trailer not found");
    const table = text.slice(4, tIndex);
    let i = 0;
    const lines = table.trim().split(/\r?\n|\r/);
    while (i < lines.length) {
      const [first, count] = lines[i]!.trim().split(/\s+/).map(Number) as [number, number];
      for (let k = 0; k < count; k++) {
        const entry = lines[i + 1 + k]!.trim().split(/\s+/);
        if (entry[2] === "n") this.offsets.set(first + k, Number(entry[0]));
      }
      i += 1 + count;
    }
    const trailer = new Parser(bytes, this.startxref + tIndex + "trailer".length).value();
    if (trailer.t !== "dict") throw new PdfFormatError("trailer is not a dictionary");
    if (trailer.v.has("Prev")) throw new PdfFormatError("incrementally updated files are not supported");
    this.trailer = trailer.v;
  }

  object(num: number): PdfValue {
    const hit = this.cache.get(num);
    if (hit) return hit;
    const offset = this.offsets.get(num);
    if (offset === undefined) throw new PdfFormatError(`object ${num} not in the cross-reference table`);
    const { num: found, value } = new Parser(this.bytes, offset).indirect();
    if (found !== num) throw new PdfFormatError(`object ${num} expected at ${offset}, found ${found}`);
    this.cache.set(num, value);
    return value;
  }

  resolve(v: PdfValue | undefined): PdfValue | undefined {
    return v?.t === "ref" ? this.object(v.num) : v;
  }

  dict(v: PdfValue | undefined): Map<string, PdfValue> {
    const r = this.resolve(v);
    if (r?.t !== "dict") throw new PdfFormatError("dictionary expected");
    return r.v;
  }

  catalogNum(): number {
    const root = this.trailer.get("Root");
    if (root?.t !== "ref") throw new PdfFormatError("trailer has no /Root");
    return root.num;
  }

  /** Object numbers of the pages, in order. */
  pageNums(): number[] {
    const out: number[] = [];
    const walk = (ref: PdfValue | undefined): void => {
      if (ref?.t !== "ref") return;
      const node = this.dict(ref);
      const type = node.get("Type");
      if (type?.t === "name" && type.v === "Page") out.push(ref.num);
      else {
        const kids = this.resolve(node.get("Kids"));
        if (kids?.t === "arr") kids.v.forEach(walk);
      }
    };
    walk(this.dict(this.trailer.get("Root")).get("Pages"));
    return out;
  }

  /** The outline, flattened in reading order (pre-order), each entry with its page. */
  outline(): OutlineItem[] {
    const pageIndex = new Map(this.pageNums().map((n, i) => [n, i + 1]));
    const out: OutlineItem[] = [];
    const catalog = this.dict(this.trailer.get("Root"));
    const root = catalog.get("Outlines");
    if (root?.t !== "ref") return out;
    const walk = (first: PdfValue | undefined, depth: number): void => {
      let ref = first;
      const seen = new Set<number>();
      while (ref?.t === "ref" && !seen.has(ref.num)) {
        seen.add(ref.num);
        const item = this.dict(ref);
        const title = this.resolve(item.get("Title"));
        let dest = this.resolve(item.get("Dest"));
        if (!dest) {
          const action = this.resolve(item.get("A"));
          if (action?.t === "dict") dest = this.resolve(action.v.get("D"));
        }
        const target = dest?.t === "arr" ? dest.v[0] : undefined;
        out.push({
          num: ref.num,
          title: title?.t === "str" ? decodeText(title.bytes) : "",
          page: target?.t === "ref" ? (pageIndex.get(target.num) ?? 0) : 0,
          depth,
          dict: item,
        });
        walk(item.get("First"), depth + 1);
        ref = item.get("Next");
      }
    };
    walk(this.dict(root).get("First"), 0);
    return out;
  }

  info(): Map<string, PdfValue> {
    const info = this.trailer.get("Info");
    return info ? this.dict(info) : new Map();
  }
}

/**
 * Appends new versions of objects (number → dictionary) and a trailer pointing back to the
 * original table; `info` becomes the document information dictionary when given.
 */
export function incrementalUpdate(
  file: PdfFile,
  objects: Map<number, Map<string, PdfValue>>,
  info?: Map<string, PdfValue>,
): Uint8Array {
  const size = file.trailer.get("Size");
  let next = size?.t === "num" ? size.v : Math.max(...file.offsets.keys()) + 1;
  const all = new Map(objects);
  const trailer = new Map(file.trailer);
  if (info) {
    const old = file.trailer.get("Info");
    const num = old?.t === "ref" ? old.num : next++;
    all.set(num, info);
    trailer.set("Info", { t: "ref", num, gen: 0 });
  }
  trailer.set("Size", { t: "num", v: next });
  trailer.set("Prev", { t: "num", v: file.startxref });

  const base = file.bytes.length;
  const chunks: string[] = [];
  let length = 0;
  const push = (s: string): void => {
    chunks.push(s);
    length += Buffer.byteLength(s, "latin1");
  };
  const entries: Array<[number, number]> = [];
  push("\n");
  for (const [num, dict] of [...all].sort((a, b) => a[0] - b[0])) {
    entries.push([num, base + length]);
    push(`${num} 0 obj\n${serialize({ t: "dict", v: dict })}\nendobj\n`);
  }
  const xrefAt = base + length;
  push("xref\n");
  // One subsection per run of consecutive object numbers.
  for (let i = 0; i < entries.length; ) {
    let j = i;
    while (j + 1 < entries.length && entries[j + 1]![0] === entries[j]![0] + 1) j++;
    push(`${entries[i]![0]} ${j - i + 1}\n`);
    for (let k = i; k <= j; k++) push(`${String(entries[k]![1]).padStart(10, "0")} 00000 n \n`);
    i = j + 1;
  }
  push(`trailer\n${serialize({ t: "dict", v: trailer })}\nstartxref\n${xrefAt}\n%%EOF\n`);
  const tail = Buffer.from(chunks.join(""), "latin1");
  const out = new Uint8Array(base + tail.length);
  out.set(file.bytes, 0);
  out.set(tail, base);
  return out;
}
