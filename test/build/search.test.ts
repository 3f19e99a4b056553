// The search index in bundles: an unchanged bundle is taken from the build cache (the very files stored by the first
// build), a changed one is indexed again, a damaged one is never trusted; the site gets a primary bundle and a list
// of the bundles to merge.
import { readFile, readdir, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLES_MANIFEST, markStroke, OTHER_BUNDLE, searchItems, startSearchIndex, type SearchItem } from "../../src/build/search.ts";
import type { ContentModel } from "../../src/content/model.ts";
import { tempDir } from "./helpers.ts";

let root: string;
beforeAll(async () => {
  root = await tempDir("gs-search-");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function item(bundle: string, slug: string, text: string): SearchItem {
  return { bundle, id: `/dien-hinh/${slug}/`, hash: `h-${text}`, record: () => ({ path: `/dien-hinh/${slug}/`, title: text.split(".")[0]!, text }) };
}

const ITEMS: SearchItem[] = [
  item("dien-hinh-2018", "ba-hoa", "Bà Hoa ở Đống Đa. Vận động cộng đồng giữ gìn đường làng."),
  item("dien-hinh-2018", "ong-duc", "Ông Đức. Đội tuyên truyền lưu động."),
  item("dien-hinh-2019", "chi-lan", "Chị Lan. Nuôi dạy con tốt, học tập suốt đời."),
  item("khac", "ke-hoach", "Kế hoạch. Tuyên truyền điển hình tiên tiến."),
];

async function buildInto(site: string, items: readonly SearchItem[], cacheDir: string | undefined) {
  const pending = await startSearchIndex(items, (p) => p, { cacheDir, version: "test" });
  const records = await pending.write(site);
  return { records, bundles: Object.fromEntries(pending.bundles.map((b) => [b.name, b])) };
}

/** Inode of every file of one bundle in the site: equal inodes mean the very same stored files, not a new index. */
async function inodes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const f of (await readdir(dir, { recursive: true })).sort()) {
    const s = await stat(path.join(dir, f));
    if (s.isFile()) out.set(f, s.ino);
  }
  return out;
}

describe("search bundles", () => {
  it("writes a primary bundle, one bundle per group merged into it, and the list the client reads", async () => {
    const site = path.join(root, "plain");
    const { records } = await buildInto(site, ITEMS, undefined);
    expect(records).toBe(4);
    const pf = path.join(site, "pagefind");
    expect((await readdir(pf)).filter((f) => f.endsWith(".pf_meta"))).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(pf, BUNDLES_MANIFEST), "utf8"))).toEqual({ bundles: ["dien-hinh-2018/", "dien-hinh-2019/"] });
    for (const b of ["dien-hinh-2018", "dien-hinh-2019"]) {
      const files = await readdir(path.join(pf, b));
      expect(files).toContain("pagefind-entry.json");
      expect(files.some((f) => f.endsWith(".pf_meta"))).toBe(true);
      expect(files).not.toContain("pagefind-ui.js");
    }
    expect(await readdir(pf)).toContain("pagefind.js");
  });

  it("reuses an unchanged bundle from the cache and indexes a changed one again", async () => {
    const cache = path.join(root, "cache");
    const first = await buildInto(path.join(root, "s1"), ITEMS, cache);
    expect(Object.values(first.bundles).map((b) => b.reused)).toEqual([false, false, false]);
    const stored = await readdir(path.join(cache, "search"));
    expect(stored.sort()).toEqual([first.bundles["dien-hinh-2018"]!.key, first.bundles["dien-hinh-2019"]!.key, first.bundles.khac!.key].sort());
    const before2018 = await inodes(path.join(root, "s1/pagefind/dien-hinh-2018"));
    const before2019 = await inodes(path.join(root, "s1/pagefind/dien-hinh-2019"));

    // One exemplar of 2019 changes.
    const changed = ITEMS.map((i) => (i.id === "/dien-hinh/chi-lan/" ? item("dien-hinh-2019", "chi-lan", "Chị Lan. Nuôi dạy con tốt, đọc sách mỗi ngày.") : i));
    const second = await buildInto(path.join(root, "s2"), changed, cache);
    expect(second.bundles["dien-hinh-2018"]).toMatchObject({ reused: true, key: first.bundles["dien-hinh-2018"]!.key });
    expect(second.bundles.khac!.reused).toBe(true);
    expect(second.bundles["dien-hinh-2019"]!.reused).toBe(false);
    expect(second.bundles["dien-hinh-2019"]!.key).not.toBe(first.bundles["dien-hinh-2019"]!.key);

    // The unchanged bundle is the first build's files themselves (hard links to the store); the changed one is new.
    expect(await inodes(path.join(root, "s2/pagefind/dien-hinh-2018"))).toEqual(before2018);
    const after2019 = await inodes(path.join(root, "s2/pagefind/dien-hinh-2019"));
    expect([...after2019.values()].some((ino) => [...before2019.values()].includes(ino))).toBe(false);
    // The old version of the changed bundle left the store.
    expect((await readdir(path.join(cache, "search"))).sort()).toEqual(
      [first.bundles["dien-hinh-2018"]!.key, second.bundles["dien-hinh-2019"]!.key, first.bundles.khac!.key].sort(),
    );
    // The first site's files are untouched by the second build.
    expect(await inodes(path.join(root, "s1/pagefind/dien-hinh-2019"))).toEqual(before2019);
  });

  it("indexes again a stored bundle that lost a file, never trusting it", async () => {
    const cache = path.join(root, "cache-damaged");
    const first = await buildInto(path.join(root, "d1"), ITEMS, cache);
    const dir = path.join(cache, "search", first.bundles["dien-hinh-2018"]!.key);
    const meta = (await readdir(dir)).find((f) => f.endsWith(".pf_meta"))!;
    await unlink(path.join(dir, meta));
    const second = await buildInto(path.join(root, "d2"), ITEMS, cache);
    expect(second.bundles["dien-hinh-2018"]!.reused).toBe(false);
    expect(second.bundles["dien-hinh-2019"]!.reused).toBe(true);
    expect(await readdir(path.join(root, "d2/pagefind/dien-hinh-2018"))).toContain(meta);
  });

  it("indexes a bundle again when another build removes it from the cache after it was found", async () => {
    const cache = path.join(root, "cache-race");
    const first = await buildInto(path.join(root, "r1"), ITEMS, cache);
    const pending = await startSearchIndex(ITEMS, (p) => p, { cacheDir: cache, version: "test" });
    await new Promise((resolve) => setTimeout(resolve, 300)); // every bundle has been looked up and found
    await rm(path.join(cache, "search", first.bundles["dien-hinh-2019"]!.key), { recursive: true });
    await pending.write(path.join(root, "r2"));
    const bundles = Object.fromEntries(pending.bundles.map((b) => [b.name, b]));
    expect(bundles["dien-hinh-2019"]!.reused).toBe(false);
    expect(bundles["dien-hinh-2018"]!.reused).toBe(true);
    const files = await readdir(path.join(root, "r2/pagefind/dien-hinh-2019"));
    expect(files).toContain("pagefind-entry.json");
    expect(files.some((f) => f.endsWith(".pf_meta"))).toBe(true);
  });

  it("spells đ as d + U+0335 in what Pagefind reads, and nothing else changes", () => {
    expect(markStroke("Đống Đa, đường làng")).toBe("D\u0335ống D\u0335a, d\u0335ường làng");
    expect(markStroke("Nghĩa Tân").normalize("NFD").replace(/\p{M}/gu, "")).toBe("Nghia Tan");
    expect(markStroke("Đống Đa").normalize("NFD").replace(/\p{M}/gu, "")).toBe("Dong Da");
  });
});

describe("which bundle an entry goes to", () => {
  const exemplar = (slug: string, date: string, draft = false) => ({ slug, hash: `h-${slug}`, draft, body: "", data: { title: slug, date, subject: { name: slug }, summary: "", achievements: [] } });
  const model = (exemplars: ReturnType<typeof exemplar>[]) =>
    ({ exemplars, plans: [{ slug: "kh", hash: "h", draft: false, body: "", data: { number: "1", title: "Kế hoạch" } }], activities: [], bulletins: [] }) as unknown as ContentModel;

  it("puts exemplars in their year's bundle, splits a large year by slug, keeps drafts out", () => {
    const small = searchItems(model([exemplar("a", "2018-05-01"), exemplar("b", "2019-01-02"), exemplar("nhap", "2019-03-03", true)]), 3);
    expect(small.map((i) => [i.id, i.bundle])).toEqual([
      ["/dien-hinh/a/", "dien-hinh-2018"],
      ["/dien-hinh/b/", "dien-hinh-2019"],
      ["/ke-hoach/kh/", OTHER_BUNDLE],
    ]);
    const year = ["a", "b", "c", "d", "e", "f", "g"].map((s) => exemplar(s, "2019-06-01"));
    const split = searchItems(model(year), 3).filter((i) => i.bundle !== OTHER_BUNDLE);
    const names = new Set(split.map((i) => i.bundle));
    expect([...names].every((n) => /^dien-hinh-2019-[123]$/.test(n))).toBe(true);
    expect(Math.max(...[...names].map((n) => split.filter((i) => i.bundle === n).length))).toBeLessThan(7);
    // Adding an exemplar (same number of parts) leaves every other exemplar in its bundle.
    const grown = searchItems(model([...year, exemplar("h", "2019-07-01")]), 3);
    for (const i of split) expect(grown.find((g) => g.id === i.id)!.bundle).toBe(i.bundle);
  });
});
