// The site's assets under long-lived names: each file's content hash goes into its name (src/paths `hashedAssetPath`),
// so a host may let readers cache them for ever and a changed file is a new name. Computed at every build from the
// source files (src/site/assets/, the @fontsource fonts); the stylesheet's `url("fonts/…")` are rewritten to the
// fonts' hashed names first, so its own hash covers the fonts it names. Node only: pages get the result as
// `gs.assets` (src/site/page-assets.ts), never this module.
import { createHash } from "node:crypto";
import { copyFile, mkdir, stat, writeFile } from "node:fs/promises";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FILE_PATHS, hashedAssetPath } from "../paths/paths.ts";
import { minifyCss, PRELOAD_FONTS, type PageAssets } from "./page-assets.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

/** CSS, scripts, icons: the sources of the `/assets/` files. */
export const ASSETS_DIR = path.join(here, "assets");
const FONTSOURCE = path.resolve(here, "../../node_modules/@fontsource");

/** The font files the stylesheet uses (vietnamese + latin subsets): Be Vietnam Pro for the site, Noto Serif for Party documents. */
export const FONT_FILES: { family: string; file: string }[] = [
  ...["400-normal", "400-italic", "600-normal", "700-normal"].flatMap((w) =>
    ["vietnamese", "latin"].map((subset) => ({ family: "be-vietnam-pro", file: `be-vietnam-pro-${subset}-${w}.woff2` })),
  ),
  ...["400-normal", "400-italic", "700-normal"].flatMap((w) =>
    ["vietnamese", "latin"].map((subset) => ({ family: "noto-serif", file: `noto-serif-${subset}-${w}.woff2` })),
  ),
];

/** The site's assets besides the stylesheet, copied as they are. */
const STATIC_ASSETS = [FILE_PATHS.icon, FILE_PATHS.filterScript, FILE_PATHS.searchScript] as const;

/** One file of the built `/assets/`: a source to copy or a text to write. */
export type AssetFile = { from: string } | { text: string };

export interface AssetManifest {
  /** Source site path (`/assets/site.css`, `/assets/fonts/x.woff2`) → hashed site path. */
  readonly paths: ReadonlyMap<string, string>;
  /** Hashed site path → how to make it. */
  readonly files: ReadonlyMap<string, AssetFile>;
  /** The stylesheet with its font URLs made absolute by `url` (site path → URL), for inlining into pages. */
  inlineCss(url: (path: string) => string): string;
  /** A hash of every name, for keys of pages that link them. */
  readonly key: string;
}

const hashMemo = new Map<string, { stamp: string; hash: string }>();

/** First 8 hex digits of the SHA-256 of a file (kept while its size and mtime stay the same). */
function fileHash(file: string): string {
  const info = statSync(file);
  const stamp = `${info.size}:${info.mtimeMs}`;
  const memo = hashMemo.get(file);
  if (memo?.stamp === stamp) return memo.hash;
  const hash = textHash(readFileSync(file));
  hashMemo.set(file, { stamp, hash });
  return hash;
}

const textHash = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex").slice(0, 8);

const FONT_URL = /url\("fonts\/([a-z0-9-]+\.woff2)"\)/g;

/** Reads the sources and names every asset by its content. */
export function siteAssets(): AssetManifest {
  const paths = new Map<string, string>();
  const files = new Map<string, AssetFile>();
  for (const { family, file } of FONT_FILES) {
    const from = path.join(FONTSOURCE, family, "files", file);
    const hashed = hashedAssetPath(`${FILE_PATHS.fonts}${file}`, fileHash(from));
    paths.set(`${FILE_PATHS.fonts}${file}`, hashed);
    files.set(hashed, { from });
  }
  for (const asset of STATIC_ASSETS) {
    const from = path.join(ASSETS_DIR, path.basename(asset));
    const hashed = hashedAssetPath(asset, fileHash(from));
    paths.set(asset, hashed);
    files.set(hashed, { from });
  }
  const source = readFileSync(path.join(ASSETS_DIR, path.basename(FILE_PATHS.siteCss)), "utf8");
  const fontPath = (file: string): string => {
    const hashed = paths.get(`${FILE_PATHS.fonts}${file}`);
    if (!hashed) throw new Error(`site.css names a font that FONT_FILES does not list: ${file}`);
    return hashed;
  };
  // The file beside the fonts names them relatively (the editor's preview loads it); pages inline it with absolute URLs.
  const cssDir = path.posix.dirname(FILE_PATHS.siteCss);
  const css = minifyCss(source.replace(FONT_URL, (_, file: string) => `url("${path.posix.relative(cssDir, fontPath(file))}")`));
  const cssPath = hashedAssetPath(FILE_PATHS.siteCss, textHash(css));
  paths.set(FILE_PATHS.siteCss, cssPath);
  files.set(cssPath, { text: css });
  const key = textHash([...paths.values()].join("\n"));
  return {
    paths,
    files,
    key,
    inlineCss: (url) => minifyCss(source.replace(FONT_URL, (_, file: string) => `url("${url(fontPath(file))}")`)),
  };
}

/** What pages read of the assets (`gs.assets`): the inlined stylesheet, hashed URLs, the fonts to preload. */
export function pageAssets(manifest: AssetManifest, url: (path: string) => string): PageAssets {
  const hashedUrl = (p: string): string => {
    const hashed = manifest.paths.get(p);
    if (!hashed) throw new Error(`Not an asset of the site: ${p} (src/site/assets.ts lists them)`);
    return url(hashed);
  };
  return {
    key: manifest.key,
    css: manifest.inlineCss(url),
    url: hashedUrl,
    preload: PRELOAD_FONTS.map((file) => hashedUrl(`${FILE_PATHS.fonts}${file}`)),
  };
}

/** Writes every asset into the built site (a file already there with the same size is kept: its name is its hash). */
export async function writeAssets(manifest: AssetManifest, outputDir: string): Promise<void> {
  await mkdir(path.join(outputDir, FILE_PATHS.fonts), { recursive: true });
  await Promise.all(
    [...manifest.files].map(async ([sitePath, file]) => {
      const to = path.join(outputDir, sitePath);
      if ("text" in file) return writeFile(to, file.text);
      const [a, b] = await Promise.all([stat(file.from), stat(to).catch(() => undefined)]);
      if (b?.size !== a.size) await copyFile(file.from, to);
    }),
  );
}
