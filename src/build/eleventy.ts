// Runs Eleventy with our plugin on a validated model, writing into a given folder.
import Eleventy from "@11ty/eleventy";
import { register } from "tsx/esm/api";
import type { ContentModel } from "../content/model.ts";
import guongSang, { PAGES_DIR, TEMPLATE_FORMATS, type EleventyConfig, type GuongSangOptions } from "../site/plugin.ts";

export interface SiteRunOptions extends Omit<GuongSangOptions, "model"> {
  model: ContentModel;
  outDir: string;
}

let loaderReady = false;

/**
 * Eleventy imports our `*.11ty.ts` pages with Node's own `import()`. Under `tsx` that already
 * understands TypeScript; under another runner (vitest's global setup, plain node) we register
 * tsx's ESM loader once so the same code works everywhere.
 */
export function ensureTypeScriptLoader(): void {
  if (loaderReady) return;
  const hooked = process.execArgv.some((a) => a.includes("tsx")) || Boolean(process.env.TSX_TSCONFIG_PATH);
  if (!hooked) register();
  loaderReady = true;
}

/** Builds the site into `outDir`. Config files are skipped: the plugin is the whole configuration. */
export async function runEleventy(options: SiteRunOptions): Promise<void> {
  ensureTypeScriptLoader();
  const { outDir, ...pluginOptions } = options;
  const elev = new Eleventy(PAGES_DIR, outDir, {
    quietMode: true,
    configPath: false,
    config(cfg: EleventyConfig & { addPlugin(p: unknown, o: unknown): void }) {
      cfg.setTemplateFormats(TEMPLATE_FORMATS);
      cfg.addPlugin(guongSang, pluginOptions);
    },
  });
  reportErrorsOurselves(elev, () => {});
  await elev.write();
}

/**
 * Eleventy prints every error it meets in English with a stack trace before passing it on. The build reports
 * the error it is passed at its edge (src/util/errors.ts), so Eleventy's printing is replaced: by nothing for
 * a build, by our own Vietnamese message for the preview server, whose errors are not passed on.
 */
export function reportErrorsOurselves(elev: Eleventy, report: (error: unknown) => void): void {
  elev.errorHandler.error = (error) => report(error);
  elev.errorHandler.fatal = (error) => report(error);
}
