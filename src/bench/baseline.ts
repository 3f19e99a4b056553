// The baseline a user would pick instead: plain Eleventy 3 over the same Markdown files, with a one-line layout.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { markdownFiles } from "./steps.ts";

/** The whole layout: one line, as a user starting from scratch would write. */
export const BASELINE_LAYOUT = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>{{ title }}</title><body>{{ content }}</body></html>\n`;

/** Eleventy's configuration for the baseline: its defaults, plus the layout on every page. */
const BASELINE_CONFIG = `module.exports = function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "layout.html");
  return { dir: { includes: "_includes" } };
};
`;

export interface BaselineInput {
  /** Eleventy's input folder: the Markdown files and the layout. */
  inputDir: string;
  configFile: string;
  files: number;
}

/** Copies the corpus's Markdown files (the same tree, nothing else) into `dir` for plain Eleventy. */
export async function prepareBaseline(contentDir: string, dir: string): Promise<BaselineInput> {
  const inputDir = path.join(dir, "input");
  const files = await markdownFiles(contentDir);
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(inputDir, path.relative(contentDir, file));
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    await copyFile(file, target);
  }
  await mkdir(path.join(inputDir, "_includes"), { recursive: true });
  await writeFile(path.join(inputDir, "_includes", "layout.html"), BASELINE_LAYOUT);
  const configFile = path.join(dir, "eleventy.config.cjs");
  await writeFile(configFile, BASELINE_CONFIG);
  return { inputDir, configFile, files: files.length };
}

/** The command line of Eleventy's own CLI, run with plain `node` (no TypeScript loader). */
export function baselineCommand(input: BaselineInput, outDir: string): { command: string; args: string[] } {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve("@11ty/eleventy")), "..", "cmd.cjs");
  return { command: process.execPath, args: [cli, `--input=${input.inputDir}`, `--output=${outDir}`, `--config=${input.configFile}`, "--quiet"] };
}
