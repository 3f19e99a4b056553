// The web editor as files: /quan-tri/ in the built site (page, generated config.yml, our script, Decap CMS from node_modules).
import { noindexMeta } from "../render/markers.ts";
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
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
}

/** Writes the editor into `<siteDir>/quan-tri/`. */
export async function writeEditor(siteDir: string, options: WriteEditorOptions): Promise<void> {
  const dir = path.join(siteDir, ...EDITOR_PATH.split("/").filter(Boolean));
  await mkdir(dir, { recursive: true });
  const catalogues = readCatalogues(options.contentDir);
  await writeFile(path.join(dir, "index.html"), editorPage(options));
  await writeFile(path.join(dir, "config.yml"), renderEditorConfig({ catalogues, backend: options.backend, siteUrl: options.site.baseUrl }));
  await writeFile(path.join(dir, "editor.js"), await editorScript());
  const dist = decapDistDir();
  for (const name of (await readdir(dist)).filter(isDecapFile)) {
    if (name.endsWith(".js")) {
      // Without the source-map comment: the maps are not shipped, and nothing should ask for them.
      const text = await readFile(path.join(dist, name), "utf8");
      await writeFile(path.join(dir, name), text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"));
    } else {
      await copyFile(path.join(dist, name), path.join(dir, name));
    }
  }
}
