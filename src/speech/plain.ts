// Contributor Markdown to plain prose blocks for reading aloud: a walk over markdown-it tokens, never regexes on HTML.
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

// A parser only: nothing is ever rendered from it, so nothing here can emit HTML. Unlike the site's
// renderer (src/render/markdown.ts, html: false, where raw HTML is shown as text), raw HTML is
// recognised here as html_block/html_inline tokens so that it can be dropped from the spoken text
// instead of being read out as "<b>".
const parser = new MarkdownIt({ html: true, linkify: false, typographer: false, breaks: false });

/** Characters and line starts that can make Markdown syntax; text without any is read as it is. */
const MARKDOWN_TRIGGER = /[\n*_`[\]<>#!|\\&~=]|^\s*(?:[-+]|\d+[.)])\s|^\s{4}/u;

/** Block tokens whose content is never read aloud. */
const SKIPPED_BLOCKS = new Set(["fence", "code_block", "html_block", "hr"]);
/** Block closers that end a spoken block. */
const BLOCK_ENDS = new Set(["paragraph_close", "heading_close", "list_item_close", "blockquote_close"]);

function inlineText(children: readonly Token[]): string {
  let out = "";
  for (const child of children) {
    switch (child.type) {
      case "text":
      case "code_inline":
        out += child.content;
        break;
      case "softbreak":
      case "hardbreak":
        out += " ";
        break;
      // Images, raw HTML, and the link/emphasis markers themselves are not read; link text is.
      default:
        break;
    }
  }
  return out;
}

/**
 * The readable blocks of a Markdown text, in order: paragraphs, headings and list items become one
 * plain string each. Tables, code, raw HTML, images and link targets are dropped.
 */
export function markdownBlocks(source: string): string[] {
  const text = source.normalize("NFC");
  // Most fields are one plain line: nothing markdown-it would change, so the parse is skipped.
  if (!MARKDOWN_TRIGGER.test(text)) {
    const plain = text.replace(/\s+/g, " ").trim();
    return plain ? [plain] : [];
  }
  const tokens = parser.parse(text, {});
  const blocks: string[] = [];
  let current = "";
  let tableDepth = 0;
  const flush = (): void => {
    const text = current.replace(/\s+/g, " ").trim();
    if (text) blocks.push(text);
    current = "";
  };
  for (const token of tokens) {
    if (token.type === "table_open") tableDepth++;
    else if (token.type === "table_close") tableDepth--;
    if (tableDepth > 0 || token.type === "table_close" || SKIPPED_BLOCKS.has(token.type)) continue;
    if (token.type === "inline") current += ` ${inlineText(token.children ?? [])}`;
    else if (BLOCK_ENDS.has(token.type)) flush();
  }
  flush();
  return blocks;
}

/** The Markdown text as one line of plain prose (blocks joined as sentences). */
export function markdownToPlain(source: string): string {
  return markdownBlocks(source).map(endSentence).join(" ");
}

/** Ends a sentence with a full stop unless it already ends with . ! ? or : */
export function endSentence(text: string): string {
  const trimmed = text.trim().replace(/[,;]+$/, "");
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
