// /sitemap.xml from every HTML page Eleventy wrote (every section's, every page of every pagination).
import { escapeXml } from "../render/escape.ts";

/** Site paths of the pages worth listing: HTML pages except the not-found page. */
export function sitemapPaths(urls: readonly (string | false | undefined)[]): string[] {
  return [...new Set(urls.filter((u): u is string => typeof u === "string" && (u.endsWith("/") || u.endsWith(".html")) && u !== "/404.html"))].sort();
}

export function sitemapXml(paths: readonly string[], absoluteUrl: (path: string) => string): string {
  const body = paths.map((p) => `  <url><loc>${escapeXml(absoluteUrl(p))}</loc></url>\n`).join("");
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}</urlset>\n`;
}
