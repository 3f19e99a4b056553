// The build's one hook for the web editor: /quan-tri/ written into the build folder (src/editor does the work).
import path from "node:path";
import type { ContentModel } from "../content/model.ts";
import { publishedBackend, writeEditor } from "../editor/site.ts";
import { codeVersion } from "./cache.ts";

export interface SiteEditorOptions {
  model: ContentModel;
  contentDir: string;
  cwd: string;
  pathPrefix?: string;
  env?: NodeJS.ProcessEnv;
  /** The build cache folder: the editor keeps its prepared Decap files and its bundled script in `<cacheDir>/editor/`. */
  cacheDir?: string;
}

export async function writeSiteEditor(siteDir: string, o: SiteEditorOptions): Promise<void> {
  return writeEditor(siteDir, {
    site: o.model.site,
    contentDir: o.contentDir,
    pathPrefix: o.pathPrefix ?? "/",
    backend: publishedBackend(o.env ?? process.env, o.cwd),
    ...(o.cacheDir ? { cacheDir: path.join(o.cacheDir, "editor"), codeVersion: await codeVersion() } : {}),
  });
}
