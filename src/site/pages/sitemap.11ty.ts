// /sitemap.xml: every HTML page Eleventy wrote, including other sections' pages.
import type { SiteGlobals } from "../globals.ts";
import { html } from "../html.ts";

export const data = { permalink: "/sitemap.xml", eleventyExcludeFromCollections: true };

interface Item {
  url: string | false;
  outputPath: string | false;
}

export function render({ gs, collections }: { gs: SiteGlobals; collections: { all: Item[] } }): string {
  const urls = collections.all
    .map((i) => i.url)
    .filter((u): u is string => typeof u === "string" && (u.endsWith("/") || u.endsWith(".html")) && u !== "/404.html")
    .sort();
  return html`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => html`  <url><loc>${gs.absoluteUrl(u)}</loc></url>
`)}</urlset>
`.value;
}
