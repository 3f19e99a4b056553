// Runs Eleventy with our plugin on a validated model, writing into a given folder.
import Eleventy from "@11ty/eleventy";
import type { ContentModel } from "../content/model.ts";
import guongSang, { PAGES_DIR, TEMPLATE_FORMATS, type EleventyConfig, type GuongSangOptions } from "../site/plugin.ts";

export interface SiteRunOptions extends Omit<GuongSangOptions, "model"> {
  model: ContentModel;
  outDir: string;
}

/** Builds the site into `outDir`. Config files are skipped: the plugin is the whole configuration. */
export async function runEleventy(options: SiteRunOptions): Promise<void> {
  const { outDir, ...pluginOptions } = options;
  const elev = new Eleventy(PAGES_DIR, outDir, {
    quietMode: true,
    configPath: false,
    config(cfg: EleventyConfig & { addPlugin(p: unknown, o: unknown): void }) {
      cfg.setTemplateFormats(TEMPLATE_FORMATS);
      cfg.addPlugin(guongSang, pluginOptions);
    },
  });
  await elev.write();
}
