// Builds the sample content ONCE for the whole suite (site, PDFs, search index) and provides its folder as `siteDir`.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "../src/build/build.ts";
import { formatFinding } from "../src/content/format.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the sample content built with PDFs (`inject("siteDir")`). */
    siteDir: string;
  }
}

const REPO = path.resolve(import.meta.dirname, "..");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Testing an existing build (GUONG_SANG_SITE=path): nothing to build.
  const existing = process.env.GUONG_SANG_SITE;
  if (existing) {
    project.provide("siteDir", path.resolve(existing));
    return async () => {};
  }
  const root = await mkdtemp(path.join(tmpdir(), "gs-suite-"));
  const outDir = path.join(root, "_site");
  const result = await build({ contentDir: path.join(REPO, "content"), outDir, pdf: true, drafts: false, cwd: REPO });
  if (result.status !== "built") {
    throw new Error(`The sample content does not validate:\n${result.findings.map(formatFinding).join("\n")}`);
  }
  project.provide("siteDir", outDir);
  return async () => {
    if (!process.env.GUONG_SANG_KEEP_SITE) await rm(root, { recursive: true, force: true });
  };
}
