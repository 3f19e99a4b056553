// The build cache: a cached parse gives exactly what parsing gives; a corrupt, tampered or stale cache is ignored, never trusted.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CacheStore, codeVersion, resolveCacheDir } from "../../src/build/cache.ts";
import { cachedParseFile, isCachedDoc, openParseCache, type CachedDoc } from "../../src/build/parse-cache.ts";
import { loadContent } from "../../src/content/load.ts";
import { parseFile } from "../../src/content/parse.ts";
import { EXEMPLAR, writeTree } from "../content/helpers.ts";

let root: string;
let content: string;

/** Besides the fixture site.yaml: one valid exemplar, one with an impossible date, one file that is not UTF-8, one naming an unknown unit. */
const BROKEN = EXEMPLAR.replace("date: 2019-03-15", "date: 2019-02-30");

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "gs-cache-"));
  content = await writeTree({
    "exemplars/2019/co-giao.md": EXEMPLAR,
    "exemplars/2019/sai-ngay.md": BROKEN,
    "exemplars/2019/ma-cu.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe0, 0x0a]),
    "exemplars/2019/don-vi-la.md": EXEMPLAR.replace("unit: don-vi-mot", "unit: khong-co"),
  });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(content, { recursive: true, force: true });
});

async function loadThrough(dir: string, version: string) {
  const store = await openParseCache(dir, version);
  const result = await loadContent(content, { parse: cachedParseFile(store) });
  await store.save();
  return { store, result };
}

describe("cached parse", () => {
  it("gives the same model and the same findings as a plain load, cold and warm", async () => {
    const plain = await loadContent(content);
    expect(plain.findings.some((f) => f.rule === "date-invalid")).toBe(true);
    // A cross-file rule places its finding through the cached YAML positions: the unit line, at the value.
    const unknownUnit = plain.findings.find((f) => f.file.endsWith("don-vi-la.md"));
    expect(unknownUnit).toMatchObject({ line: 8, column: 7, severity: "error" });
    const dir = path.join(root, "same");
    const cold = await loadThrough(dir, "v1");
    expect(cold.store.stats).toMatchObject({ hits: 0, misses: 5, discarded: "missing" });
    expect(cold.result).toEqual(plain);
    const warm = await loadThrough(dir, "v1");
    expect(warm.store.stats).toMatchObject({ loaded: 5, hits: 5, misses: 0 });
    expect(warm.store.stats.discarded).toBeUndefined();
    expect(warm.result).toEqual(plain);
  });

  it("parses a changed file afresh and drops entries of files that are gone", async () => {
    const dir = path.join(root, "changed");
    await loadThrough(dir, "v1");
    const file = path.join(content, "exemplars/2019/co-giao.md");
    const before = await readFile(file, "utf8");
    try {
      await writeFile(file, before.replace("Bài viết về cô giáo.", "Bài viết mới về cô giáo."));
      const { store, result } = await loadThrough(dir, "v1");
      expect(store.stats).toMatchObject({ hits: 4, misses: 1 });
      expect(result.model.exemplars.find((e) => e.slug === "co-giao")?.body).toBe("Bài viết mới về cô giáo.\n");
      const saved = (await readFile(path.join(dir, "parse.json"), "utf8")).split("\n");
      expect(JSON.parse(saved[0]!).count).toBe(5);
    } finally {
      await writeFile(file, before);
    }
  });

  it("starts empty when the code version differs", async () => {
    const dir = path.join(root, "stale");
    await loadThrough(dir, "v1");
    const { store, result } = await loadThrough(dir, "v2");
    expect(store.stats).toMatchObject({ loaded: 0, hits: 0, misses: 5, discarded: "stale" });
    expect(result).toEqual(await loadContent(content));
  });

  it.each([
    ["garbage", () => "not json at all"],
    ["a truncated file", (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ["an edited entry (checksum mismatch)", (text: string) => text.replace("2019-02-30", "2019-02-28")],
    ["an empty file", () => ""],
  ])("ignores %s and still validates correctly", async (_name, corrupt) => {
    const dir = path.join(root, `corrupt-${_name.replace(/\W+/g, "-")}`);
    await loadThrough(dir, "v1");
    const file = path.join(dir, "parse.json");
    const text = await readFile(file, "utf8");
    expect(text).toContain("2019-02-30");
    await writeFile(file, corrupt(text));
    const { store, result } = await loadThrough(dir, "v1");
    expect(store.stats).toMatchObject({ loaded: 0, hits: 0, misses: 5, discarded: "corrupt" });
    expect(result).toEqual(await loadContent(content));
    expect(result.findings.find((f) => f.rule === "date-invalid")?.file).toMatch(/sai-ngay\.md$/);
  });

  it("stores no positions for a valid file and recomputes them from the text, the same as a plain parse", async () => {
    const dir = path.join(root, "lazy");
    const { store } = await loadThrough(dir, "v1");
    const entries = JSON.parse((await readFile(store.file, "utf8")).split("\n")[1] as string) as [string, CachedDoc][];
    const byFile = (name: string): CachedDoc | undefined => entries.find(([key]) => key.includes(name))?.[1];
    expect(byFile("co-giao.md")?.positions).toBeNull(); // valid: the fast path never computed them
    expect(byFile("sai-ngay.md")?.positions).toEqual(expect.arrayContaining(["/date", 11, 7, 11, 1])); // a finding: kept
    const warm = await openParseCache(dir, "v1");
    const ref = { kind: "exemplar" as const, type: "exemplar" as const, slug: "co-giao", file: "exemplars/2019/co-giao.md", absPath: path.join(content, "exemplars/2019/co-giao.md") };
    const bytes = new TextEncoder().encode(EXEMPLAR);
    const cached = cachedParseFile(warm)(ref, bytes);
    expect(warm.stats.hits).toBe(1);
    expect([...cached.positions]).toEqual([...parseFile(ref, bytes, false).positions]);
    expect(cached.positions.get("/unit")).toEqual({ value: { line: 8, column: 7 }, key: { line: 8, column: 1 } });
    expect(isCachedDoc({ data: null, positions: null, bodyLine: 1, draft: false, schemaValid: true, hasText: false, problems: [], bodyStart: 0 })).toBe(false);
  });

  it("treats an entry of the wrong shape as a miss", async () => {
    const dir = path.join(root, "shape");
    const store = await CacheStore.open<CachedDoc>(dir, "parse", "v1", isCachedDoc);
    expect(isCachedDoc({ data: null, positions: [], bodyLine: 1, draft: false, schemaValid: true, hasText: true, problems: [], bodyStart: 0 })).toBe(true);
    expect(isCachedDoc({ data: null, positions: [], bodyLine: "1", draft: false, schemaValid: true, hasText: true, problems: [], bodyStart: 0 })).toBe(false);
    expect(isCachedDoc({ data: null, positions: [], bodyLine: 1, draft: false, schemaValid: true, hasText: true, problems: [{ file: "x" }], bodyStart: 0 })).toBe(false);
    store.set("k", { bogus: true } as unknown as CachedDoc);
    await store.save();
    const again = await CacheStore.open<CachedDoc>(dir, "parse", "v1", isCachedDoc);
    expect(again.stats.loaded).toBe(1);
    expect(again.get("k")).toBeUndefined();
    expect(again.stats.misses).toBe(1);
  });
});

describe("cache folder and version", () => {
  it("defaults to .cache/guong-sang, follows GUONG_SANG_CACHE_DIR, and can be turned off", () => {
    expect(resolveCacheDir("/repo", {})).toBe("/repo/.cache/guong-sang");
    expect(resolveCacheDir("/repo", { GUONG_SANG_CACHE_DIR: "ci-cache" })).toBe("/repo/ci-cache");
    expect(resolveCacheDir("/repo", { GUONG_SANG_CACHE_DIR: "/abs" })).toBe("/abs");
    expect(resolveCacheDir("/repo", { GUONG_SANG_CACHE_DIR: "off" })).toBeUndefined();
    expect(resolveCacheDir("/repo", { GUONG_SANG_CACHE_DIR: "0" })).toBeUndefined();
  });

  it("changes the code version when a source file changes", async () => {
    const repo = await mkdtemp(path.join(tmpdir(), "gs-version-"));
    try {
      const { mkdir } = await import("node:fs/promises");
      await mkdir(path.join(repo, "src"), { recursive: true });
      await mkdir(path.join(repo, "schemas"), { recursive: true });
      await writeFile(path.join(repo, "package-lock.json"), "{}");
      await writeFile(path.join(repo, "src/a.ts"), "export const a = 1;");
      await writeFile(path.join(repo, "schemas/x.schema.json"), "{}");
      const v1 = await codeVersion(repo);
      expect(await codeVersion(repo)).toBe(v1);
      await writeFile(path.join(repo, "src/a.ts"), "export const a = 2;");
      const v2 = await codeVersion(repo);
      expect(v2).not.toBe(v1);
      await writeFile(path.join(repo, "schemas/x.schema.json"), '{"title":"x"}');
      const v3 = await codeVersion(repo);
      expect(v3).not.toBe(v2);
      await writeFile(path.join(repo, "package-lock.json"), '{"v":2}');
      expect(await codeVersion(repo)).not.toBe(v3);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});

describe("npm run validate with the build cache", () => {
  it("fills the cache on the first run, gives the same answer from it on the next, and sees a changed file", async () => {
    const { main } = await import("../../scripts/validate.ts");
    const cacheDir = path.join(root, "validate-cache");
    const run = async (args: string[]) => {
      let out = "";
      const sink = { write: (t: string) => (out += t) };
      const saved = process.env.GUONG_SANG_CACHE_DIR;
      process.env.GUONG_SANG_CACHE_DIR = cacheDir;
      try {
        const code = await main(["--content", content, "--format", "json", ...args], { stdout: sink, stderr: sink });
        return { code, out };
      } finally {
        if (saved === undefined) delete process.env.GUONG_SANG_CACHE_DIR;
        else process.env.GUONG_SANG_CACHE_DIR = saved;
      }
    };
    const cold = await run([]);
    const saved = await readFile(path.join(cacheDir, "parse.json"), "utf8");
    expect(saved.split("\n")[0]).toContain('"namespace":"parse"');
    const warm = await run([]);
    expect(warm).toEqual(cold);
    expect(cold.code).toBe(1);
    const file = path.join(content, "exemplars/2019/co-giao.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("date: 2019-03-15", "date: 2019-04-31"));
    try {
      const changed = await run([file]);
      expect(JSON.parse(changed.out).map((f: { message: string }) => f.message)).toContain("Ngày không hợp lệ: 2019-04-31");
    } finally {
      await writeFile(file, text);
    }
  });
});
