// Responsive images for exemplars, made once per build with @11ty/eleventy-img into the build's /img/ folder.
import path from "node:path";
import Image, { type ImageMetadata } from "@11ty/eleventy-img";
import type { ExemplarEntry } from "../content/model.ts";
import { html, type SafeHtml } from "./html.ts";

export interface ResponsiveImage {
  alt: string;
  credit?: string;
  /** Site paths and widths per format, smallest first. */
  sources: { type: string; srcset: string }[];
  fallback: { src: string; width: number; height: number };
}

export const IMAGE_WIDTHS = [480, 960];
export const IMAGE_URL_PATH = "/img/";

function toResponsive(meta: ImageMetadata, alt: string, credit?: string): ResponsiveImage {
  const jpeg = meta.jpeg ?? Object.values(meta)[0] ?? [];
  const largest = jpeg[jpeg.length - 1];
  if (!largest) throw new Error("eleventy-img returned no image");
  return {
    alt,
    credit,
    sources: Object.values(meta).map((entries) => ({
      type: entries[0]?.sourceType ?? "",
      srcset: entries.map((e) => `${e.url} ${e.width}w`).join(", "),
    })),
    fallback: { src: largest.url, width: largest.width, height: largest.height },
  };
}

/** Makes every exemplar's image (WebP + JPEG, two widths) into `<outputDir>/img/`. */
export async function makeExemplarImages(
  exemplars: readonly ExemplarEntry[],
  outputDir: string | undefined,
): Promise<Map<string, ResponsiveImage>> {
  const out = new Map<string, ResponsiveImage>();
  const withImage = exemplars.filter((e) => e.data.image);
  await Promise.all(
    withImage.map(async (e) => {
      const image = e.data.image!;
      const src = path.resolve(path.dirname(e.absPath), image.src);
      const meta = await Image(src, {
        widths: IMAGE_WIDTHS,
        formats: ["webp", "jpeg"],
        outputDir: outputDir ? path.join(outputDir, IMAGE_URL_PATH) : undefined,
        urlPath: IMAGE_URL_PATH,
        dryRun: !outputDir,
      });
      out.set(e.slug, toResponsive(meta, image.alt, image.credit));
    }),
  );
  return out;
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
