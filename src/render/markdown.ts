// Our one markdown-it instance for contributor text: no raw HTML, only safe links, no <h1>, prefixed heading ids.
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { MARKDOWN_OPTIONS } from "../content/reader-text.ts";
import { withoutUnsafeCharacters } from "./escape.ts";
import { SafeHtml, scrollBox } from "./html.ts";
import { slugify } from "../vi/text.ts";

/** Prefix of every heading id made from contributor text, so it can never clash with page ids. */
export const HEADING_ID_PREFIX = "nd-";

/** Schemes a contributor link may use; anything else with a scheme is rendered as plain text. */
const SAFE_SCHEMES = /^(https?|mailto|tel):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * True when a URL may become a link: http(s), mailto, tel, or a path without a scheme.
 * markdown-it hands us the percent-encoded URL; it is decoded and stripped of control characters
 * and whitespace first, as browsers do (`java&#9;script:` is still `javascript:`).
 */
export function isSafeUrl(url: string): boolean {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  const compact = decoded.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (ANY_SCHEME.test(compact)) return SAFE_SCHEMES.test(compact);
  return true;
}

function createMarkdown(): MarkdownIt {
  // The parse options the validator reads contributor text with (src/content/reader-text.ts): both see the same text.
  const md = new MarkdownIt({ ...MARKDOWN_OPTIONS });
  md.validateLink = isSafeUrl;

  // Headings form an outline under the page's own heading (env.under, default <h1>): the author's
  // first level starts one below it and no heading skips a level, whatever levels were written
  // (`#` then `###` gives <h2> then <h3>). An article never emits a second <h1>; ids are prefixed.
  md.core.ruler.push("gs_headings", (state) => {
    const under = Math.min(5, Math.max(1, Number((state.env as RenderEnv | undefined)?.under ?? 1)));
    const used = new Map<string, number>();
    const open: { written: number; level: number }[] = [];
    const tokens = state.tokens;
    let level = under + 1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.type === "heading_close") {
        t.tag = `h${level}`;
        continue;
      }
      if (t.type !== "heading_open") continue;
      const written = Number(t.tag.slice(1));
      while (open.length && open[open.length - 1]!.written > written) open.pop();
      const parent = open[open.length - 1];
      if (parent?.written === written) {
        level = parent.level;
        open.pop();
      } else {
        level = Math.min(6, (parent?.level ?? under) + 1);
      }
      open.push({ written, level });
      t.tag = `h${level}`;
      const inline = tokens[i + 1];
      const base = HEADING_ID_PREFIX + (slugify(inline?.content ?? "") || "muc");
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      t.attrSet("id", n === 0 ? base : `${base}-${n + 1}`);
    }
  });

  // Images in an article body are not loaded (no request may leave the site, and the article's
  // image comes from front matter): they are shown as their description.
  md.renderer.rules.image = (tokens, idx) => {
    const t = tokens[idx] as Token;
    const alt = md.utils.escapeHtml(t.content || "ảnh");
    return `<span class="md-image">[Ảnh: ${alt}]</span>`;
  };

  // A table scrolls sideways in its own box on a phone, as every table of the site does.
  const box = scrollBox("Bảng");
  md.renderer.rules.table_open = () => `${box.open}<table>\n`;
  md.renderer.rules.table_close = () => `</table>${box.close}\n`;

  // External links open normally but never pass the opener or the referrer.
  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const t = tokens[idx] as Token;
    const href = t.attrGet("href") ?? "";
    if (/^(https?:)?\/\//i.test(href)) t.attrSet("rel", "noopener noreferrer");
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

const md = createMarkdown();

/** The tokens of contributor Markdown, for outputs that are not HTML (Word files): the same rules as the pages. */
export function markdownTokens(source: string): Token[] {
  return md.parse(source, {});
}

/** The tokens of one line of contributor Markdown (summaries, achievements), for outputs that are not HTML. */
export function markdownInlineTokens(source: string): Token[] {
  return md.parseInline(source, {});
}

/** Where rendered Markdown sits: `under` is the level of the page heading its headings come under (1 → they start at <h2>). */
export interface RenderEnv {
  under?: number;
}

/**
 * Renders contributor Markdown to trusted HTML. Raw HTML in the source comes out as text; code
 * points no HTML page may carry (controls, noncharacters) come out as U+FFFD.
 */
export function renderMarkdown(source: string, env: RenderEnv = {}): SafeHtml {
  return new SafeHtml(withoutUnsafeCharacters(md.render(source, { ...env })));
}

/** Renders one line of contributor Markdown (an achievement, a summary) without a wrapping <p>. */
export function renderMarkdownInline(source: string): SafeHtml {
  return new SafeHtml(withoutUnsafeCharacters(md.renderInline(source)));
}

/** The words of a Markdown text, without markup (for the search index). */
export function markdownText(source: string): string {
  const parts: string[] = [];
  for (const token of md.parse(source, {})) {
    if (token.type !== "inline") continue;
    for (const child of token.children ?? []) {
      if (child.type === "text" || child.type === "code_inline") parts.push(child.content);
      else if (child.type === "softbreak" || child.type === "hardbreak") parts.push(" ");
    }
    parts.push("\n");
  }
  return parts.join("").trim();
}

/**
 * Bodies kept rendered. Bounded: the build renders each exemplar page once, so an unbounded memo only held every
 * rendered article for the whole run (~1 GB at 50,000 exemplars); the recent ones are what repeats (an exemplar in
 * a bulletin issue, `npm start`'s rebuilds of a small site).
 */
export const RENDERED_BODIES_KEPT = 2000;
const cache = new Map<string, SafeHtml>();

/** Renders an entry's body once per content hash (and heading level it sits under) while it stays among the recently used ones. */
export function renderBodyCached(hash: string, body: string, env: RenderEnv = {}): SafeHtml {
  const key = `${hash}:${env.under ?? 1}`;
  let out = cache.get(key);
  if (out) {
    // Most recently used last: Map keeps insertion order, so the first key is the least recently used.
    cache.delete(key);
  } else {
    out = renderMarkdown(body, env);
    if (cache.size >= RENDERED_BODIES_KEPT) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, out);
  return out;
}
