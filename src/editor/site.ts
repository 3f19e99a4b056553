// The web editor as files: /quan-tri/ in the built site (page, generated config.yml, our script, Decap CMS from node_modules).
import { noindexMeta } from "../render/markers.ts";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SiteConfig } from "../content/model.ts";
import { readCatalogues } from "../render/catalogues.ts";
import { escapeHtml } from "../render/html.ts";
import { makeUrl, normalisePrefix } from "../paths/url.ts";
import { FILE_PATHS } from "../paths/paths.ts";
import { siteAssets } from "../site/assets.ts";
import type { EditorPageData } from "./browser/preview.ts";
import { derivedFileNames, FRONT_MATTER_FORMAT, renderEditorConfig, requiredIfPresent, type EditorBackend } from "./config.ts";

/**
 * Decap CMS lays its editor out at least 800 CSS pixels wide (its media library's buttons sit at the right edge
 * of a fixed dialog). A phone is asked to lay the page out at this width and show it zoomed out, so every
 * control is on screen; the clerk pinches to zoom in while typing. Desktop browsers ignore the setting.
 */
export const EDITOR_LAYOUT_WIDTH = 820;

/** Site path of the editor. */
export const EDITOR_PATH = "/quan-tri/";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The folder of Decap CMS's browser bundle inside node_modules. */
export function decapDistDir(): string {
  return path.join(path.dirname(require.resolve("decap-cms/package.json")), "dist");
}

/** Decap's files the page loads: the main bundle, its lazily loaded chunks and WebAssembly, and the licence. */
function isDecapFile(name: string): boolean {
  return name === "decap-cms.js" || /^\d+\.decap-cms\.js$/.test(name) || name.endsWith(".wasm") || name === "decap-cms.js.LICENSE.txt";
}

let bundled: Promise<string> | undefined;

/** Our page script (src/editor/browser/main.ts and the site's exemplar renderer it imports), bundled once per process. */
export function editorScript(): Promise<string> {
  bundled ??= (async () => {
    const esbuild = await import("esbuild");
    const result = await esbuild.build({
      entryPoints: [path.join(HERE, "browser/main.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2020",
      minify: true,
      legalComments: "none",
      charset: "utf8",
      logLevel: "silent",
    });
    return result.outputFiles[0]?.text ?? "";
  })();
  return bundled;
}

/**
 * Our page script, kept in `cacheDir` under its code version (a build of the same code bundled it before: esbuild takes
 * about 0.2 s). Written whole or not at all; other versions' scripts are removed when a new one is kept.
 */
async function cachedEditorScript(cacheDir: string, version: string): Promise<string> {
  const file = path.join(cacheDir, `editor-${createHash("sha256").update(version).digest("hex").slice(0, 16)}.js`);
  const kept = await readFile(file, "utf8").catch(() => undefined);
  if (kept !== undefined) return kept;
  const script = await editorScript();
  await mkdir(cacheDir, { recursive: true });
  for (const other of await readdir(cacheDir)) if (/^editor-[0-9a-f]{16}\.js$/.test(other)) await rm(path.join(cacheDir, other), { force: true });
  const work = `${file}.${process.pid}.tmp`;
  await writeFile(work, script);
  await rename(work, file);
  return script;
}

/** JSON inside a <script> element: `<` escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export interface EditorPageOptions {
  site: SiteConfig;
  contentDir: string;
  pathPrefix: string;
}

/** The editor's HTML page. Works offline: every file it loads is beside it. */
export function editorPage(options: EditorPageOptions): string {
  const url = makeUrl(options.pathPrefix);
  const names: EditorPageData["names"] = {};
  for (const [list, items] of Object.entries(readCatalogues(options.contentDir))) {
    names[list] = Object.fromEntries(items.map((i) => [i.id, i.name]));
  }
  const assets = Object.fromEntries([...siteAssets().paths].map(([source, hashed]) => [source, url(hashed)]));
  const data: EditorPageData = { site: options.site, names, pathPrefix: normalisePrefix(options.pathPrefix), stylesheet: assets[FILE_PATHS.siteCss]!, assets, requiredIfPresent: requiredIfPresent(), derivedFileNames: derivedFileNames(), frontMatterFormat: FRONT_MATTER_FORMAT, decapScript: url(`${EDITOR_PATH}decap-cms.js`) };
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=${EDITOR_LAYOUT_WIDTH}">
${noindexMeta()}
<title>Trình soạn thảo | ${escapeHtml(options.site.title)}</title>
<link rel="icon" href="${escapeHtml(assets[FILE_PATHS.icon]!)}" type="image/svg+xml">
<script id="gs-editor-data" type="application/json">${scriptJson(data)}</script>
<script src="${escapeHtml(url(`${EDITOR_PATH}editor.js`))}" defer></script>
</head>
<body>
<noscript><p>Trình soạn thảo cần JavaScript. Không dùng được JavaScript thì gửi đề xuất bằng biểu mẫu trên GitHub (xem CONTRIBUTING.md).</p></noscript>
</body>
</html>
`;
}

/** The repository the published editor saves to: `GITHUB_REPOSITORY` in Actions, else the `origin` remote on GitHub. */
export function githubRepository(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (env.GITHUB_REPOSITORY && /^[\w.-]+\/[\w.-]+$/.test(env.GITHUB_REPOSITORY)) return env.GITHUB_REPOSITORY;
  try {
    const remote = execFileSync("git", ["remote", "get-url", "origin"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return /github\.com[:/]([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(remote)?.[1];
  } catch {
    return undefined;
  }
}

/** The published editor's backend: GitHub, with the sign-in relay the office set up (docs/editor.md). */
export function publishedBackend(env: NodeJS.ProcessEnv, cwd: string): EditorBackend {
  return {
    kind: "github",
    // Without a known repository the editor opens and says the configuration is incomplete, instead of saving elsewhere.
    repo: githubRepository(env, cwd) ?? "CHUA-CAU-HINH/CHUA-CAU-HINH",
    branch: env.GUONG_SANG_EDITOR_BRANCH || "main",
    ...(env.GUONG_SANG_EDITOR_AUTH_URL ? { authBaseUrl: env.GUONG_SANG_EDITOR_AUTH_URL } : {}),
    ...(env.GUONG_SANG_EDITOR_AUTH_ENDPOINT ? { authEndpoint: env.GUONG_SANG_EDITOR_AUTH_ENDPOINT } : {}),
  };
}

export interface WriteEditorOptions extends EditorPageOptions {
  backend: EditorBackend;
  /**
   * A folder kept between builds (the build cache's `editor/`): Decap's files, their source-map comments taken off,
   * are prepared there once per Decap version and copied from it, instead of read and rewritten by every build;
   * with `codeVersion`, our bundled page script is kept there too.
   */
  cacheDir?: string;
  /** The version of the code the page script is bundled from (the build cache's code version). */
  codeVersion?: string;
}

/** Bump when what `writeDecapFiles` writes changes for the same Decap version. */
const DECAP_FORMAT = 1;
/** Written last into a prepared folder: a folder without it was cut short and is prepared again. */
const DECAP_READY = ".ready";

/** Decap's files the editor page loads, written into `dir` (without the source-map comments: the maps are not shipped). */
async function writeDecapFiles(dir: string): Promise<void> {
  const dist = decapDistDir();
  for (const name of (await readdir(dist)).filter(isDecapFile)) {
    if (name.endsWith(".js")) {
      // Without the source-map comment: nothing should ask for maps that are not there.
      const text = await readFile(path.join(dist, name), "utf8");
      await writeFile(path.join(dir, name), text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"));
    } else {
      await copyFile(path.join(dist, name), path.join(dir, name));
    }
  }
}

/** The folder in `cacheDir` holding this Decap version's prepared files, made once (other versions' folders removed). */
async function preparedDecap(cacheDir: string): Promise<string> {
  const version = (JSON.parse(await readFile(require.resolve("decap-cms/package.json"), "utf8")) as { version?: unknown }).version;
  const name = `decap-${String(version)}-${DECAP_FORMAT}`;
  const folder = path.join(cacheDir, name);
  if (existsSync(path.join(folder, DECAP_READY))) return folder;
  await mkdir(cacheDir, { recursive: true });
  for (const other of await readdir(cacheDir)) if (other.startsWith("decap-") && other !== name) await rm(path.join(cacheDir, other), { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
  const work = await mkdtemp(path.join(cacheDir, ".decap-"));
  try {
    await writeDecapFiles(work);
    await writeFile(path.join(work, DECAP_READY), "");
    await rename(work, folder);
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    if (!existsSync(path.join(folder, DECAP_READY))) throw error; // another build prepared it meanwhile: use that
  }
  return folder;
}

/** Writes the editor into `<siteDir>/quan-tri/`. */
export async function writeEditor(siteDir: string, options: WriteEditorOptions): Promise<void> {
  const dir = path.join(siteDir, ...EDITOR_PATH.split("/").filter(Boolean));
  await mkdir(dir, { recursive: true });
  const catalogues = readCatalogues(options.contentDir);
  await writeFile(path.join(dir, "index.html"), editorPage(options));
  await writeFile(path.join(dir, "config.yml"), renderEditorConfig({ catalogues, backend: options.backend, siteUrl: options.site.baseUrl }));
  // The cache only ever saves work: a folder that cannot be used leaves the files written as without it.
  const script = options.cacheDir && options.codeVersion ? await cachedEditorScript(options.cacheDir, options.codeVersion).catch(() => editorScript()) : await editorScript();
  await writeFile(path.join(dir, "editor.js"), script);
  const prepared = options.cacheDir ? await preparedDecap(options.cacheDir).catch(() => undefined) : undefined;
  if (!prepared) return writeDecapFiles(dir);
  for (const name of (await readdir(prepared)).filter(isDecapFile)) await copyFile(path.join(prepared, name), path.join(dir, name));
}
