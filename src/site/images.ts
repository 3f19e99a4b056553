// Responsive images for exemplars, made once per build with @11ty/eleventy-img into the build's /img/ folder.
import { fileMemo } from "../util/file-memo.ts";
import { createHash } from "node:crypto";
import { copyFileSync, linkSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Image, { type ImageMetadata } from "@11ty/eleventy-img";
import { imageContext } from "../content/locate.ts";
import type { ExemplarEntry } from "../content/model.ts";
import { inFile, settleAll } from "../util/errors.ts";
import type { ResponsiveImage } from "./picture.ts";
import { FILE_PATHS } from "../paths/paths.ts";

export type { ResponsiveImage } from "./picture.ts";
export { pictureHtml } from "./picture.ts";

export const IMAGE_WIDTHS = [480, 960];
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const COMPLETE = "complete.json";

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

/**
 * Makes every exemplar's image (WebP + JPEG, two widths) into `<outputDir>/img/`.
 *
 * With a cache folder the files are made in `<cacheDir>/img/<version>/` and hard-linked (or copied) into the output:
 * @11ty/eleventy-img names each file by a hash of the source's bytes and the encoder options and skips a file that
 * already exists, so a rebuild only processes new or changed images. `<version>` hashes package-lock.json (sharp's
 * and eleventy-img's versions) and this module; `complete.json` lists the files a finished run made, and any other
 * file found there (a run killed mid-write) is deleted before use.
 */
/** Images made in this process, by source file and destination. */
const madeBefore = fileMemo<ImageMetadata>();

export async function makeExemplarImages(
  exemplars: readonly ExemplarEntry[],
  outputDir: string | undefined,
  cacheDir?: string,
): Promise<Map<string, ResponsiveImage>> {
  const out = new Map<string, ResponsiveImage>();
  const withImage = exemplars.filter((e) => e.data.image);
  const work = outputDir && cacheDir && withImage.length ? await openImageCache(cacheDir) : undefined;
  const made: string[] = [];
  await settleAll(
    withImage.map(async (e) => {
      const image = e.data.image!;
      const src = path.resolve(path.dirname(e.absPath), image.src);
      const target = work ?? (outputDir ? path.join(outputDir, FILE_PATHS.images) : undefined);
      // The same source file made into the same folder before (the dev server's next reload): not again.
      const meta = await madeBefore(src, `${target ?? ""}\0${outputDir ?? ""}`, () =>
        inFile(imageContext(e, src), () =>
          Image(src, {
            widths: IMAGE_WIDTHS,
            formats: ["webp", "jpeg"],
            outputDir: target,
            urlPath: FILE_PATHS.images,
            dryRun: !outputDir,
          }),
        ),
      );
      if (work) for (const entries of Object.values(meta)) for (const entry of entries) made.push(path.basename(entry.outputPath));
      out.set(e.slug, toResponsive(meta, image.alt, image.credit));
    }),
  );
  if (work && outputDir) await publishCachedImages(work, path.join(outputDir, FILE_PATHS.images), made);
  return out;
}

async function openImageCache(cacheDir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of [path.join(REPO_ROOT, "package-lock.json"), fileURLToPath(import.meta.url)]) hash.update(await readFile(file).catch(() => Buffer.from("absent")));
  const dir = path.join(cacheDir, "img", hash.digest("hex").slice(0, 16));
  await mkdir(dir, { recursive: true });
  let complete: Record<string, number> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(dir, COMPLETE), "utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) complete = parsed as Record<string, number>;
  } catch {
    // no record: every file there is suspect
  }
  // Synchronous stats: a few thousand of them, and the dev server opens the cache after every edit.
  for (const name of readdirSync(dir)) {
    if (name === COMPLETE) continue;
    const size = statSync(path.join(dir, name), { throwIfNoEntry: false })?.size;
    if (complete[name] !== size) rmSync(path.join(dir, name), { force: true });
  }
  return dir;
}

async function publishCachedImages(work: string, dest: string, names: string[]): Promise<void> {
  await mkdir(dest, { recursive: true });
  const complete: Record<string, number> = {};
  for (const name of [...new Set(names)].sort()) {
    const from = path.join(work, name);
    const to = path.join(dest, name);
    const a = statSync(from);
    if (statSync(to, { throwIfNoEntry: false })?.ino !== a.ino) {
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
    complete[name] = a.size;
  }
  const record = JSON.stringify(complete);
  const file = path.join(work, COMPLETE);
  let before = "";
  try {
    before = readFileSync(file, "utf8");
  } catch {
    // none yet
  }
  if (before === record) return; // the same files as last time
  const tmp = path.join(work, `${COMPLETE}.${process.pid}.tmp`);
  await writeFile(tmp, record);
  await rename(tmp, file);
}
