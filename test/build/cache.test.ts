// The build cache: a cached parse gives exactly what parsing gives; a corrupt, tampered or stale cache is ignored, never trusted.
import { mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CacheStore, codeVersion, resolveCacheDir } from "../../src/build/cache.ts";
import { cachedParseFile, isCachedDoc, openParseCache, openStampCache, STAMP_SETTLE_MS, stampedParse, type CachedDoc } from "../../src/build/parse-cache.ts";
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
    const saved = await openParseCache(dir, "v1");
    expect(saved.keys()).toEqual(store.keys());
    const byFile = (name: string): CachedDoc | undefined => saved.get(saved.keys().find((key) => key.includes(name)) ?? "");
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

describe("the store's file", () => {
  const isNumbered = (value: unknown): value is { n: number } => !!value && typeof value === "object" && typeof (value as { n?: unknown }).n === "number";

  it("writes an entry read and not set again as the bytes it was read from, and what was set afresh as its new value", async () => {
    const dir = path.join(root, "as-read");
    const first = await CacheStore.open(dir, "t", "v1", isNumbered);
    first.set("one", { n: 1 });
    first.set("two", { n: 2 });
    await first.save();
    const before = await readFile(path.join(dir, "t.json"), "utf8");

    const second = await CacheStore.open(dir, "t", "v1", isNumbered);
    const one = second.get("one")!;
    one.n = 99; // a reader changing what it was given does not change the store
    expect(second.get("two")).toEqual({ n: 2 });
    second.set("three", { n: 3 });
    await second.save();
    const after = await readFile(path.join(dir, "t.json"), "utf8");
    // The two old values are the very bytes of the first file; the new one follows them.
    expect(after.split("\n")[2]).toBe(`${before.split("\n")[2]}{"n":3}`);

    const third = await CacheStore.open(dir, "t", "v1", isNumbered);
    expect([third.get("one"), third.get("two"), third.get("three")]).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    // Set again after being read: the new value is what is saved.
    third.set("one", { n: 10 });
    await third.save();
    expect((await CacheStore.open(dir, "t", "v1", isNumbered)).get("one")).toEqual({ n: 10 });
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

describe("unchanged files by their stamps (npm run validate -- FILE)", () => {
  let tree: string;
  const HOUR_AGO = new Date(Date.now() - 3_600_000);

  beforeAll(async () => {
    tree = await writeTree({
      "exemplars/2019/co-giao.md": EXEMPLAR,
      "exemplars/2019/sai-ngay.md": BROKEN,
      "exemplars/2019/don-vi-la.md": EXEMPLAR.replace("unit: don-vi-mot", "unit: khong-co"),
    });
    // Files last written an hour ago, as in a checkout: old enough for their stamps to be trusted.
    for (const rel of ["site.yaml", "exemplars/2019/co-giao.md", "exemplars/2019/sai-ngay.md", "exemplars/2019/don-vi-la.md"]) await utimes(path.join(tree, rel), HOUR_AGO, HOUR_AGO);
  });

  afterAll(async () => {
    await rm(tree, { recursive: true, force: true });
  });

  async function loadStamped(dir: string, options: { files?: string[] } = {}) {
    const [store, stamps] = await Promise.all([openParseCache(dir, "v1"), openStampCache(dir, "v1")]);
    const result = await loadContent(tree, { ...stampedParse(stamps, store), ...options });
    return { store, stamps, result, save: () => Promise.all([store.save(), stamps.save()]) };
  }

  it("gives the same findings and model as a plain load, and reuses every unchanged file by its stamp", async () => {
    const dir = path.join(root, "stamps");
    const plain = await loadContent(tree);
    const cold = await loadStamped(dir);
    expect(cold.stamps.stats).toMatchObject({ hits: 0, misses: 4, discarded: "missing" });
    expect(cold.result).toEqual(plain);
    await cold.save();
    const warm = await loadStamped(dir);
    expect(warm.stamps.stats).toMatchObject({ loaded: 4, hits: 4, misses: 0 });
    expect(warm.result.findings).toEqual(plain.findings);
    expect(warm.result.model).toEqual(plain.model); // data and bodies are fetched when read
    expect(warm.result.findings.find((f) => f.file.endsWith("don-vi-la.md"))).toMatchObject({ line: 8, column: 7, rule: "unit-unknown" });
  });

  it("checking one file parses nothing else: the other files' data stay in the store", async () => {
    const dir = path.join(root, "stamps-one");
    await (await loadStamped(dir)).save();
    const file = path.join(tree, "exemplars/2019/don-vi-la.md");
    const warm = await loadStamped(dir, { files: [file] });
    expect(warm.result.findings.map((f) => `${path.basename(f.file)}:${f.line}:${f.column} ${f.rule}`)).toEqual(["don-vi-la.md:8:7 unit-unknown"]);
    expect(warm.stamps.stats.hits).toBe(4);
    expect(warm.store.stats.hits).toBe(2); // site.yaml (its catalogues) and the file checked
    // Nothing was dropped: a later full check still finds every entry.
    await warm.save();
    const again = await loadStamped(dir);
    expect(again.store.stats.misses).toBe(0);
    expect(again.result.findings).toEqual((await loadContent(tree)).findings);
  });

  it("reads a file again when its size, time or inode changed, and never stamps a file written just now", async () => {
    const dir = path.join(root, "stamps-changed");
    await (await loadStamped(dir)).save();
    const file = path.join(tree, "exemplars/2019/co-giao.md");
    const before = await readFile(file, "utf8");
    try {
      await writeFile(file, before.replace("date: 2019-03-15", "date: 2019-04-31"));
      const warm = await loadStamped(dir);
      expect(warm.store.stats.misses).toBe(1); // that file, parsed afresh
      expect(warm.result.findings.find((f) => f.file.endsWith("co-giao.md"))?.message).toBe("Ngày không hợp lệ: 2019-04-31");
      await warm.save();
      // Written less than STAMP_SETTLE_MS ago: it could change again within the same time stamp, so it is not stamped.
      const saved = await openStampCache(dir, "v1");
      expect(saved.keys()).not.toContain(file);
      expect(saved.keys()).toHaveLength(3);
      expect(STAMP_SETTLE_MS).toBe(2000);
    } finally {
      await writeFile(file, before);
      await utimes(file, HOUR_AGO, HOUR_AGO);
    }
  });

  it("trusts a stamp the way git and make do: same size, time and inode means unchanged", async () => {
    const dir = path.join(root, "stamps-trust");
    await (await loadStamped(dir)).save();
    const file = path.join(tree, "exemplars/2019/sai-ngay.md");
    const before = await readFile(file, "utf8");
    try {
      // The same number of bytes, the old time put back: only a deliberate `touch -d` does this.
      await writeFile(file, before.replace("2019-02-30", "2019-02-28"));
      await utimes(file, HOUR_AGO, HOUR_AGO);
      const warm = await loadStamped(dir, { files: [file] });
      expect(warm.result.findings.map((f) => f.rule)).toEqual(["date-invalid"]); // not read: the stamp held
    } finally {
      await writeFile(file, before);
      await utimes(file, HOUR_AGO, HOUR_AGO);
    }
  });
});
