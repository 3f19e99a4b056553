// What a page's <head> needs of the site's assets (`gs.assets`, built by src/site/assets.ts at build time; the
// editor's preview gives its own). Browser-safe: the editor bundles the page shell.

export interface PageAssets {
  /** The site stylesheet, inlined into every page's <head> (font URLs final): no request blocks the first paint. */
  css: string;
  /** The URL readers follow for an asset named by its source path (`FILE_PATHS.filterScript`): content-hashed. */
  url(path: string): string;
  /** URLs of the fonts the first view needs, preloaded. */
  preload: readonly string[];
  /** Changes whenever any asset name changes (part of the streamed pages' key). */
  key: string;
}

/**
 * The faces nearly every first view shows (body text and headings, Vietnamese and Latin letters), preloaded so that
 * `font-display: optional` usually finds them in time. The other faces (600 for the menu, italics, Noto Serif) load
 * when used; on a first visit over a slow line they may stay on the fallback for that page, without moving anything.
 */
export const PRELOAD_FONTS: readonly string[] = [
  "be-vietnam-pro-vietnamese-400-normal.woff2",
  "be-vietnam-pro-latin-400-normal.woff2",
  "be-vietnam-pro-vietnamese-700-normal.woff2",
  "be-vietnam-pro-latin-700-normal.woff2",
];

/**
 * Drops comments and the whitespace CSS does not need (around `{ } ; , >`, after `:`, line breaks); strings are kept as they are,
 * and a space between selector parts (`.a :focus`) stays.
 */
export function minifyCss(css: string): string {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const c = css[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === "\\" ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
    } else if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 2;
    } else if (/\s/.test(c)) {
      while (i < css.length && /\s/.test(css[i]!)) i++;
      const prev = out[out.length - 1];
      const next = css[i];
      if (prev !== undefined && next !== undefined && !" {};,>:".includes(prev) && !"{};,>".includes(next)) out += " ";
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/;}/g, "}");
}
