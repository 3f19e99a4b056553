// The document blocks a Word file is made of (headings, paragraphs, lists, tables), and contributor
// Markdown (tokens of the one markdown-it instance) turned into them: text only, never markup.
import type Token from "markdown-it/lib/token.mjs";

/** A run of text. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A line break before this run. */
  breakBefore?: boolean;
}

export interface TableColumn {
  title: string;
  /** Right-aligned figures. */
  numeric?: boolean;
}

export interface TableRowSpec {
  cells: (string | number)[];
  /** A total row (bold). */
  total?: boolean;
}

export type Block =
  /** Level 1: "I. KẾT QUẢ"; level 2: "1. …"; level 3: below that. */
  | { type: "heading"; level: 1 | 2 | 3; text: Inline[] }
  /** Body text: justified with a first-line indent unless `plain`. */
  | { type: "paragraph"; text: Inline[]; plain?: boolean; align?: "center" | "left" | "right"; quote?: boolean }
  /** `ordered`: "1.", "2."…; otherwise each item starts with a dash, as Party documents list. */
  | { type: "list"; ordered: boolean; items: Inline[][]; level?: number; start?: number }
  /** The first cell of each row names the row; the header row repeats on every page. */
  | { type: "table"; caption?: string; columns: TableColumn[]; rows: TableRowSpec[] }
  | { type: "pageBreak" };

/** One plain run. */
export function text(value: string, style: Omit<Inline, "text"> = {}): Inline[] {
  return [{ text: value, ...style }];
}

/** The plain text of some runs (for tests, captions and HTML alt text). */
export function plainText(runs: readonly Inline[]): string {
  return runs.map((r) => (r.breakBefore ? "\n" : "") + r.text).join("");
}

interface InlineState {
  bold: number;
  italic: number;
}

/** The runs of one inline token: bold and italic kept; links become their text; images their description, as the site shows them. */
function inlineRuns(token: Token | undefined): Inline[] {
  const out: Inline[] = [];
  const state: InlineState = { bold: 0, italic: 0 };
  let pendingBreak = false;
  const push = (value: string, extra: Partial<Inline> = {}) => {
    if (!value && !pendingBreak) return;
    out.push({
      text: value,
      ...(state.bold ? { bold: true } : {}),
      ...(state.italic || extra.italic ? { italic: true } : {}),
      ...(pendingBreak ? { breakBefore: true } : {}),
    });
    pendingBreak = false;
  };
  for (const child of token?.children ?? []) {
    switch (child.type) {
      case "text":
      case "code_inline":
        push(child.content);
        break;
      case "softbreak":
        push(" ");
        break;
      case "hardbreak":
        pendingBreak = true;
        break;
      case "strong_open":
        state.bold++;
        break;
      case "strong_close":
        state.bold--;
        break;
      case "em_open":
        state.italic++;
        break;
      case "em_close":
        state.italic--;
        break;
      case "image":
        push(`[Ảnh: ${child.content || "ảnh"}]`, { italic: true });
        break;
      default:
        break;
    }
  }
  return out;
}

/** The runs of one line of Markdown (the tokens of `parseInline`). */
export function markdownInline(tokens: readonly Token[]): Inline[] {
  return tokens.flatMap((t) => (t.type === "inline" ? inlineRuns(t) : []));
}

/**
 * Blocks from markdown-it tokens. Headings keep their depth relative to the shallowest heading of
 * the text (so `##` sections of a plan are level 1 whatever the instance's shift), lists their nesting.
 */
export function markdownBlocks(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  const headingLevels = tokens.filter((t) => t.type === "heading_open").map((t) => Number(t.tag.slice(1)));
  const top = headingLevels.length ? Math.min(...headingLevels) : 1;
  const lists: { ordered: boolean; block: Extract<Block, { type: "list" }> }[] = [];
  let quote = 0;
  let table: { columns: TableColumn[]; rows: TableRowSpec[]; row?: string[]; inHead: boolean } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    switch (t.type) {
      case "heading_open": {
        const level = Math.min(3, Number(t.tag.slice(1)) - top + 1) as 1 | 2 | 3;
        blocks.push({ type: "heading", level, text: inlineRuns(tokens[i + 1]) });
        i += 2;
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open": {
        const block: Extract<Block, { type: "list" }> = { type: "list", ordered: t.type === "ordered_list_open", items: [], level: lists.length };
        lists.push({ ordered: block.ordered, block });
        blocks.push(block);
        break;
      }
      case "bullet_list_close":
      case "ordered_list_close": {
        lists.pop();
        // The outer list goes on after a nested one: a new block keeps the items in reading order.
        const outer = lists.at(-1);
        if (outer) {
          const start = outer.block.ordered ? (outer.block.start ?? 1) + outer.block.items.length : undefined;
          outer.block = { type: "list", ordered: outer.ordered, items: [], level: lists.length - 1, ...(start ? { start } : {}) };
          blocks.push(outer.block);
        }
        break;
      }
      case "blockquote_open":
        quote++;
        break;
      case "blockquote_close":
        quote--;
        break;
      case "table_open":
        table = { columns: [], rows: [], inHead: false };
        break;
      case "thead_open":
        if (table) table.inHead = true;
        break;
      case "thead_close":
        if (table) table.inHead = false;
        break;
      case "tr_open":
        if (table) table.row = [];
        break;
      case "th_open":
      case "td_open":
        table?.row?.push(plainText(inlineRuns(tokens[i + 1])));
        i += 2;
        break;
      case "tr_close":
        if (table?.row) {
          if (table.inHead) table.columns = table.row.map((title) => ({ title }));
          else table.rows.push({ cells: table.row });
        }
        break;
      case "table_close":
        if (table) blocks.push({ type: "table", columns: table.columns, rows: table.rows });
        table = undefined;
        break;
      case "paragraph_open": {
        const runs = inlineRuns(tokens[i + 1]);
        const list = lists.at(-1);
        // A list item's first paragraph is the item; a tight list hides its paragraphs, a loose one does not.
        if (list && tokens[i - 1]?.type === "list_item_open") list.block.items.push(runs);
        else if (list) list.block.items.at(-1)?.push({ text: " " }, ...runs);
        else blocks.push({ type: "paragraph", text: runs, ...(quote ? { quote: true } : {}) });
        i += 2;
        break;
      }
      case "fence":
      case "code_block":
        for (const line of t.content.replace(/\n$/, "").split("\n")) blocks.push({ type: "paragraph", text: text(line), plain: true });
        break;
      default:
        break;
    }
  }
  return blocks.filter((b) => b.type !== "list" || b.items.length > 0);
}
