// Our one markdown-it instance for contributor text: no raw HTML, only safe links, no <h1>, prefixed heading ids.
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { SafeHtml } from "./html.ts";
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
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  md.validateLink = isSafeUrl;

  // Shift headings down one level (# → <h2>) so an article never emits a second <h1>; ids are prefixed.
  md.core.ruler.push("gs_headings", (state) => {
    const used = new Map<string, number>();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.type !== "heading_open" && t.type !== "heading_close") continue;
      const level = Math.min(6, Number(t.tag.slice(1)) + 1);
      t.tag = `h${level}`;
      if (t.type === "heading_open") {
        const inline = tokens[i + 1];
        const base = HEADING_ID_PREFIX + (slugify(inline?.content ?? "") || "muc");
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        t.attrSet("id", n === 0 ? base : `${base}-${n + 1}`);
      }
    }
  });

  // Images in an article body are not loaded (no request may leave the site, and the article's
  // image comes from front matter): they are shown as their description.
  md.renderer.rules.image = (tokens, idx) => {
    const t = tokens[idx] as Token;
    const alt = md.utils.escapeHtml(t.content || "ảnh");
    return `<span class="md-image">[Ảnh: ${alt}]</span>`;
  };

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

/** Renders contributor Markdown to trusted HTML. Raw HTML in the source comes out as text. */
export function renderMarkdown(source: string): SafeHtml {
  return new SafeHtml(md.render(source));
}

/** Renders one line of contributor Markdown (an achievement, a summary) without a wrapping <p>. */
export function renderMarkdownInline(source: string): SafeHtml {
  return new SafeHtml(md.renderInline(source));
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

/** Renders an entry's body once per content hash while it stays among the recently used ones. */
export function renderBodyCached(hash: string, body: string): SafeHtml {
  let out = cache.get(hash);
  if (out) {
    // Most recently used last: Map keeps insertion order, so the first key is the least recently used.
    cache.delete(hash);
  } else {
    out = renderMarkdown(body);
    if (cache.size >= RENDERED_BODIES_KEPT) cache.delete(cache.keys().next().value as string);
  }
  cache.set(hash, out);
  return out;
}
