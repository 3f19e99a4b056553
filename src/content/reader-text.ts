// The text readers read of contributor Markdown: entities and backslash escapes decoded, markup gone,
// image descriptions kept, code as written. The character and privacy rules read this, not only bytes.
//
// Parsing only: the site renders with its own markdown-it instance (src/site/markdown.ts), built with
// these same parse options (a test compares them), so both see the same text.
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

/** The parse options of every markdown-it instance that reads contributor text. */
export const MARKDOWN_OPTIONS = { html: false, linkify: false, typographer: false, breaks: false } as const;

const md = new MarkdownIt(MARKDOWN_OPTIONS);

/** One block of the rendered body: its text (a soft or hard break is "\n") and the file line of its first line. */
export interface ReaderBlock {
  line: number;
  text: string;
}

/** What an inline token list reads as; `tel:` link targets are kept too (they are published in the page). */
function inlineText(children: readonly Token[]): string {
  let out = "";
  for (const t of children) {
    if (t.type === "text" || t.type === "code_inline") out += t.content;
    else if (t.type === "softbreak" || t.type === "hardbreak") out += "\n";
    else if (t.type === "image") out += inlineText(t.children ?? []);
    else if (t.type === "link_open") {
      const href = t.attrGet("href") ?? "";
      if (/^tel:/i.test(href)) out += ` ${decodeSafely(href.slice(4))} `;
    }
  }
  return out;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The rendered text of a Markdown body, block by block. `bodyLine` is the file line of the body's first
 * line; a block's line is where its text starts (a fenced code block's first line inside the fence).
 */
export function readerBlocks(body: string, bodyLine: number): ReaderBlock[] {
  const blocks: ReaderBlock[] = [];
  let lastMap: [number, number] | null = null;
  for (const t of md.parse(body, {})) {
    if (t.map) lastMap = t.map as [number, number];
    const first = bodyLine + (t.map ?? lastMap ?? [0, 0])[0];
    if (t.type === "inline") blocks.push({ line: first, text: inlineText(t.children ?? []) });
    else if (t.type === "fence") blocks.push({ line: first + 1, text: t.content.replace(/\n$/, "") });
    else if (t.type === "code_block") blocks.push({ line: first, text: t.content.replace(/\n$/, "") });
  }
  return blocks;
}

/** The rendered text of a one-line field shown through the inline renderer (summary, achievements, method…). */
export function readerInline(value: string): string {
  return md.parseInline(value, {}).flatMap((t) => inlineText(t.children ?? [])).join("");
}

/** The line inside a block at a text index. */
export function lineAt(block: ReaderBlock, index: number): number {
  let line = block.line;
  for (let i = block.text.indexOf("\n"); i >= 0 && i < index; i = block.text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Column (1-based) in a source line of the first HTML entity that decodes to `ch`, or undefined. */
export function entityColumn(sourceLine: string, ch: string): number | undefined {
  for (const m of sourceLine.matchAll(/&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g)) {
    if (md.utils.unescapeAll(m[0]) === ch) return (m.index ?? 0) + 1;
  }
  return undefined;
}
