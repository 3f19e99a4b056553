// The `<picture>` of a processed image: pure markup, so the web editor's preview (in a browser) can render it too.
import { html, type SafeHtml } from "../render/html.ts";

export interface ResponsiveImage {
  alt: string;
  credit?: string;
  /** Site paths and widths per format, smallest first. */
  sources: { type: string; srcset: string }[];
  fallback: { src: string; width: number; height: number };
}

/** `<picture>` with the alt text from front matter; URLs go through the site's `url()`. */
export function pictureHtml(img: ResponsiveImage, url: (p: string) => string, sizes = "(min-width: 60rem) 40rem, 100vw"): SafeHtml {
  const withPrefix = (srcset: string) =>
    srcset
      .split(", ")
      .map((part) => {
        const [u = "", w = ""] = part.split(" ");
        return `${url(u)} ${w}`;
      })
      .join(", ");
  return html`<picture>${img.sources.map((s) => html`<source type="${s.type}" srcset="${withPrefix(s.srcset)}" sizes="${sizes}">`)}<img src="${url(img.fallback.src)}" width="${img.fallback.width}" height="${img.fallback.height}" alt="${img.alt}" loading="lazy" decoding="async"></picture>`;
}
