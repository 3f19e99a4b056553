// The two marks a rendered page carries for the build, written and read only through this module: "keep me out of
// search engines and the sitemap" (a robots meta tag) and "index my main element" (Pagefind's body attribute).
import { trusted, type SafeHtml } from "./html.ts";

const ROBOTS = '<meta name="robots" content="noindex';

/** `<meta name="robots" content="noindex">` (or `noindex, nofollow`): print pages, previews, the editor. */
export function noindexMeta(nofollow = false): SafeHtml {
  return trusted(`${ROBOTS}${nofollow ? ", nofollow" : ""}">`);
}

/** True when a rendered page asks to stay out of search engines (and so out of the sitemap). */
export function isNoindex(page: string): boolean {
  return page.includes(ROBOTS);
}

/** The attribute on `<main>` that tells Pagefind to index the page. */
export const SEARCHABLE_ATTRIBUTE = "data-pagefind-body";

/** True when a rendered page marks its main element for the search index. */
export function isSearchable(page: string): boolean {
  return page.includes(SEARCHABLE_ATTRIBUTE);
}
