// Writes small inline content trees into a temp directory for the validator tests.
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadContent, type LoadOptions } from "../../src/content/load.ts";
import type { Finding } from "../../src/content/model.ts";

export const MINIMAL_SITE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/minimal-site/site.yaml");

/** A valid exemplar front matter; tests override single lines. */
export const EXEMPLAR = `---
title: Cô giáo gương mẫu
kind: individual
subject:
  name: Nguyễn Thị Mai
  birthYear: 1975
  role: Giáo viên
unit: don-vi-mot
ward: phuong-mot
field: giao-duc
date: 2019-03-15
summary: Cô giáo tận tụy với học sinh nghèo.
achievements:
  - Giúp 30 học sinh vượt khó
channels: [portal, bulletin]
consent: true
---
Bài viết về cô giáo.
`;

export type Tree = Record<string, string | Uint8Array>;

/**
 * Creates a content tree in a fresh temp directory: `site.yaml` is the minimal fixture unless the
 * tree gives one. Returns the absolute directory.
 */
export async function writeTree(tree: Tree, withSite = true): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "gs-content-"));
  const all: Tree = withSite && !("site.yaml" in tree) ? { "site.yaml": await readFile(MINIMAL_SITE), ...tree } : tree;
  for (const [rel, text] of Object.entries(all)) {
    const abs = path.join(dir, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, text);
  }
  return dir;
}

/** `file:line:col: severity: message (rule)` exactly as the text format prints it. */
export function line(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} (${f.rule})`;
}

/** Loads the tree with paths shown relative to the tree itself (so expected lines are short). */
export async function check(tree: Tree, options: LoadOptions & { withSite?: boolean } = {}): Promise<string[]> {
  const dir = await writeTree(tree, options.withSite ?? true);
  const { findings } = await loadContent(dir, { cwd: dir, ...options });
  return findings.map(line);
}

/** Replaces one `key: value` line of a front matter text. */
export function withLine(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture has no line ${from}`);
  return text.replace(from, to);
}
