// Small content trees for the loudspeaker tests, written to a temp directory with the loudspeaker site.yaml.
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadContent } from "../../src/content/load.ts";

export const SITE_YAML = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "fixtures/site.yaml");

/** Writes the files (paths relative to the content directory) next to the fixture site.yaml and loads them. */
export async function loadTree(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), "gs-loa-"));
  const all = { "site.yaml": await readFile(SITE_YAML, "utf8"), ...files };
  for (const [rel, text] of Object.entries(all)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return { dir, ...(await loadContent(dir, { cwd: dir })) };
}

/** A collective exemplar; `extra` lines go after `channels`. */
export function exemplar(o: { title: string; unit: string; date: string; summary: string; achievements: string[]; channels: string; extra?: string; ward?: string }): string {
  return [
    "---",
    `title: ${o.title}`,
    "kind: collective",
    "subject:",
    `  name: ${o.title}`,
    `unit: ${o.unit}`,
    ...(o.ward ? [`ward: ${o.ward}`] : []),
    "field: giao-duc",
    `date: ${o.date}`,
    `summary: ${o.summary}`,
    "achievements:",
    ...o.achievements.map((a) => `  - ${a}`),
    o.channels,
    ...(o.extra ? [o.extra] : []),
    "---",
    "Bài viết.",
    "",
  ].join("\n");
}
