// Pagination for the pages the build streams itself (src/site/stream.ts): Eleventy paginates them only when the
// build does not stream (`npm start`, plain Eleventy), so each page is written once, by one of the two routes.
import type { SiteGlobals } from "./globals.ts";

export function streamedPagination<T>(data: string, alias: string, options: { addAllPagesToCollections?: boolean } = {}) {
  return {
    data,
    size: 1,
    alias,
    ...options,
    before: (items: T[], d: { gs?: SiteGlobals }): T[] => (d.gs?.streamed ? [] : items),
  };
}
