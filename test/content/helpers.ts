// Writes small inline content trees into a temp directory for the validator tests.
import { describe, expect, it } from "vitest";
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

/** Relative path → file content; `undefined` removes a file from a variant. */
export type Tree = Record<string, string | Uint8Array | undefined>;

/**
 * Creates a content tree in a fresh temp directory: `site.yaml` is the minimal fixture unless the
 * tree gives one. Returns the absolute directory.
 */
export async function writeTree(tree: Tree, withSite = true): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "gs-content-"));
  const all: Tree = withSite && !("site.yaml" in tree) ? { "site.yaml": await readFile(MINIMAL_SITE), ...tree } : tree;
  for (const [rel, text] of Object.entries(all)) {
    if (text === undefined) continue; // a variant may remove a file
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

/** A valid activity naming every kind of reference. */
export const ACTIVITY = `---
title: Giao lưu điển hình
type: giao-luu
date: 2019-05-19T08:00:00+07:00
unit: don-vi-mot
ward: phuong-mot
channel: portal
occasion: sinh-nhat-bac
exemplars: [co-giao-mai]
participants: 120
---
`;

/** A valid bulletin issue (file bulletins/2019-01.md). */
export const BULLETIN = `---
number: 1
date: 2019-05-25
title: Số đầu
exemplars:
  - co-giao-mai
plans: [ke-hoach-mau]
activities: [giao-luu-19-5]
---
Lời tòa soạn.
`;

/** A valid plan (file plans/2018/ke-hoach-mau.md). */
export const PLAN = `---
number: 08-KH/BTG
issuer: Ban Thử nghiệm
place: Nơi Thử
date: 2018-12-10
title: Tuyên truyền điển hình
basis:
  - number: 127-KH/BTGTU
    issuer: Ban Tuyên giáo Thành ủy
    title: Kế hoạch tuyên truyền
recipients:
  - purpose: Để báo cáo
    names: [Ban Thường vụ]
signer:
  title: TRƯỞNG BAN
  name: Nguyễn Văn Bình
  signed: true
unit: don-vi-hai
---
I. MỤC ĐÍCH, YÊU CẦU
`;

/** One valid file of every type, cross-referencing each other. */
export const VALID: Tree = {
  "exemplars/2019/co-giao-mai.md": EXEMPLAR,
  "activities/2019/giao-luu-19-5.md": ACTIVITY,
  "bulletins/2019-01.md": BULLETIN,
  "plans/2018/ke-hoach-mau.md": PLAN,
};

/** The valid tree with some files replaced or added. */
export function variant(changes: Tree): Tree {
  return { ...VALID, ...changes };
}

/** Paths of the valid tree's files, used by the rule tests. */
export const E = "exemplars/2019/co-giao-mai.md";
export const A = "activities/2019/giao-luu-19-5.md";
export const B = "bulletins/2019-01.md";
export const P = "plans/2018/ke-hoach-mau.md";

/** A collective exemplar: personal-data and consent rules do not apply to it. */
export const COLLECTIVE = withLine(withLine(withLine(EXEMPLAR, "kind: individual", "kind: collective"), "  birthYear: 1975\n", ""), "consent: true\n", "");

/** One rule's cases: the valid tree (or `ok`) has no finding, `bad` prints exactly `expected`. */
export interface Case {
  name: string;
  ok?: Tree;
  bad: Tree;
  expected: string[];
}

export function cases(rule: string, list: Case[]): void {
  describe(rule, () => {
    for (const c of list) {
      it(c.name, async () => {
        expect(await check(c.ok ?? VALID)).toEqual([]);
        expect(await check(c.bad)).toEqual(c.expected);
      });
    }
  });
}
