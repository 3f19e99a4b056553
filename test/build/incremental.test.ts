// The incremental build: unchanged exemplar pages stay where they are in the previous output, which is updated in
// place; changed ones and the pages that show them are rendered, a site.yaml change renders everything, and the
// result equals a clean build.
import { readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateCorpus } from "../../src/bench/corpus.ts";
import { build } from "../../src/build/build.ts";
import type { SiteConfig } from "../../src/content/model.ts";
import { NOW, REPO, snapshot, tempDir } from "./helpers.ts";

const COUNT = 60;

interface Built {
  lines: string[];
}

async function buildInto(content: string, out: string, cacheDir: string | null): Promise<Built> {
  const lines: string[] = [];
  const result = await build({ contentDir: content, outDir: out, pdf: false, drafts: false, now: NOW, cacheDir, env: {}, log: (l) => lines.push(l) });
  expect(result.status).toBe("built");
  return { lines };
}

/** "Dùng lại 59 trang không đổi …, dựng mới 40 trang." → [59, 40]; [0, undefined] when nothing was reused. */
function reuseCounts(b: Built): [number, number | undefined] {
  const line = b.lines.find((l) => l.startsWith("Dùng lại "));
  const m = line ? /^Dùng lại (\d+) trang không đổi của lần dựng trước, dựng mới (\d+) trang\.$/.exec(line) : null;
  return m ? [Number(m[1]), Number(m[2])] : [0, undefined];
}

/** Every entry of a folder (the folder itself included) with its inode and modification time. */
async function treeStats(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const top = await stat(dir);
  out["."] = `${top.ino}:${top.mtimeMs}`;
  for (const name of (await readdir(dir, { recursive: true })) as string[]) {
    const st = await stat(path.join(dir, name));
    out[name] = `${st.ino}:${st.mtimeMs}:${st.size}`;
  }
  return out;
}

async function exemplarFiles(out: string): Promise<Map<string, { ino: number; text: string }>> {
  const files = new Map<string, { ino: number; text: string }>();
  const dir = path.join(out, "dien-hinh");
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name, "index.html");
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text === undefined || !text.includes('class="page-exemplar"')) continue;
    files.set(name, { ino: (await stat(file)).ino, text });
  }
  return files;
}

function relatedSlugs(page: string): string[] {
  const section = /<section class="related"[\s\S]*?<\/section>/.exec(page)?.[0] ?? "";
  // Every site URL is under the path prefix of the content's baseUrl (/thu/ for the fixtures).
  return [...section.matchAll(/href="(?:\/[\w-]+)*\/dien-hinh\/([^/"]+)\/"/g)].map((m) => m[1]!);
}

async function exemplarFile(content: string, slug: string): Promise<string> {
  const dir = path.join(content, "exemplars");
  const all = (await readdir(dir, { recursive: true })) as string[];
  const rel = all.find((f) => path.basename(f) === `${slug}.md`);
  if (!rel) throw new Error(`no file for ${slug}`);
  return path.join(dir, rel);
}

describe("an incremental rebuild with the cache and the previous output", () => {
  let content: string;
  let out: string;
  let cacheDir: string;
  let first: Map<string, { ino: number; text: string }>;
  let cold: Built;

  beforeAll(async () => {
    const root = await tempDir("gs-incr-");
    content = path.join(root, "content");
    out = path.join(root, "_site");
    cacheDir = path.join(root, "cache");
    const site = parse(await readFile(path.join(REPO, "content/site.yaml"), "utf8")) as SiteConfig;
    await generateCorpus({ count: COUNT, out: content, site, imageEvery: 20, years: 2 });
    cold = await buildInto(content, out, cacheDir);
    first = await exemplarFiles(out);
  }, 120_000);

  it("writes nothing at all when nothing changed: same folder, same files, same times", async () => {
    const before = await treeStats(out);
    const again = await buildInto(content, out, cacheDir);
    expect(again.lines).toEqual([expect.stringMatching(/^Không có gì thay đổi từ lần dựng trước: giữ nguyên .+ \(\d+ trang, 0 PDF\)\.$/)]);
    expect(await treeStats(out)).toEqual(before);
  }, 60_000);

  it("builds again when a file of the output was removed by hand, though the content did not change", async () => {
    const victim = path.join(out, "dien-hinh", [...first.keys()][1]!, "index.html");
    const text = await readFile(victim, "utf8");
    await rm(victim);
    const again = await buildInto(content, out, cacheDir);
    expect(again.lines.some((l) => l.startsWith("Không có gì thay đổi"))).toBe(false);
    expect(await readFile(victim, "utf8")).toBe(text);
  }, 60_000);

  it("renders every page on the first build and reuses every exemplar page, left in place, when only the stamp is gone", async () => {
    expect(first.size).toBe(COUNT);
    expect(reuseCounts(cold)[0]).toBe(0);
    // Without the stamp the whole pipeline runs; the page store still knows every page.
    await rm(path.join(cacheDir, "builds"), { recursive: true, force: true });
    const again = await buildInto(content, out, cacheDir);
    // Every keyed page (exemplar pages and list pages) is reused; only the loudspeaker scripts, streamed without a
    // key, are rendered again.
    const [reused, rendered] = reuseCounts(again);
    const lists = [...(await snapshot(path.join(out, "dien-hinh")))].filter(([name, b]) => name.endsWith(".html") && b.toString("utf8").includes('class="page-list"'));
    const scripts = [...(await snapshot(path.join(out, "loa")))].filter(([name]) => name !== "index.html" && !/^\d{4}-q\d\/index\.html$/.test(name));
    expect(reused).toBe(COUNT + lists.length);
    expect(rendered).toBe(scripts.length);
    const now = await exemplarFiles(out);
    for (const [slug, page] of first) {
      expect(now.get(slug)?.text, slug).toBe(page.text);
      // The page removed by hand in the test before was written anew; every other one is the same file.
      if (slug !== [...first.keys()][1]) expect(now.get(slug)?.ino, slug).toBe(page.ino);
    }
  }, 60_000);

  it("re-renders a changed exemplar and every page showing it, reuses an unrelated one byte for byte, and equals a clean build", async () => {
    const before = await exemplarFiles(out);
    // An exemplar that another exemplar shows among its related ones.
    const [shower, shown] = [...before].flatMap(([slug, p]) => relatedSlugs(p.text).map((r) => [slug, r] as const))[0]!;
    const unrelated = [...before.keys()].find((s) => s !== shown && s !== shower && !relatedSlugs(before.get(s)!.text).includes(shown))!;
    expect(unrelated).toBeDefined();

    const file = await exemplarFile(content, shown);
    const source = await readFile(file, "utf8");
    const newTitle = "Tấm gương đổi tên để kiểm tra dựng lại";
    const changed = source.replace(/^title: .*$/m, `title: ${newTitle}`);
    expect(changed).not.toBe(source);
    await writeFile(file, changed);

    const folder = (await stat(out)).ino;
    const rebuilt = await buildInto(content, out, cacheDir);
    // Updated in place: the same folder, no temporary or old folder left beside it.
    expect((await stat(out)).ino).toBe(folder);
    expect((await readdir(path.dirname(out))).filter((name) => name.startsWith("."))).toEqual([]);
    const [reused] = reuseCounts(rebuilt);
    const after = await exemplarFiles(out);
    expect(after.get(shown)?.text).toContain(`<h1>${newTitle}`);
    expect(after.get(shower)?.text).toContain(newTitle);
    expect(after.get(shower)?.ino).not.toBe(before.get(shower)?.ino);
    expect(after.get(unrelated)?.text).toBe(before.get(unrelated)!.text);
    expect(after.get(unrelated)?.ino).toBe(before.get(unrelated)!.ino);
    expect(reused).toBeGreaterThan(COUNT / 2);
    expect(reuseCounts(rebuilt)[1]).toBeGreaterThan(1);
    // The lists that show it are rendered again.
    expect(await readFile(path.join(out, "dien-hinh/chi-muc.json"), "utf8")).toContain(newTitle);
    const lists = await snapshot(path.join(out, "dien-hinh"));
    expect([...lists].some(([name, bytes]) => !name.includes(shown) && bytes.toString("utf8").includes(`${newTitle}</a></h2>`))).toBe(true);

    // A clean build of the same content, without any cache, gives the same files byte for byte.
    const clean = path.join(path.dirname(out), "_clean");
    await buildInto(content, clean, null);
    const [a, b] = [await snapshot(out), await snapshot(clean)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    const differing = [...a].filter(([name, bytes]) => !bytes.equals(b.get(name)!)).map(([name]) => name);
    expect(differing).toEqual([]);
  }, 120_000);

  it("re-renders a page whose file in the previous output was edited in place", async () => {
    const before = await exemplarFiles(out);
    const [slug, page] = [...before][3]!;
    const file = path.join(out, "dien-hinh", slug, "index.html");
    await writeFile(file, page.text.replace("</h1>", " (sửa tay)</h1>"));
    await buildInto(content, out, cacheDir);
    expect(await readFile(file, "utf8")).toBe(page.text);
  }, 60_000);

  it("re-renders an exemplar whose body alone changed (its key stands for the body by the file's hash)", async () => {
    const before = await exemplarFiles(out);
    const slug = [...before.keys()][5]!;
    const file = await exemplarFile(content, slug);
    const sentence = "Câu mới thêm vào cuối bài để kiểm tra dựng lại.";
    await writeFile(file, `${(await readFile(file, "utf8")).trimEnd()}\n\n${sentence}\n`);
    const rebuilt = await buildInto(content, out, cacheDir);
    const after = await exemplarFiles(out);
    expect(after.get(slug)?.text).toContain(sentence);
    expect(before.get(slug)?.text).not.toContain(sentence);
    expect(reuseCounts(rebuilt)[0]).toBeGreaterThan(COUNT / 2);
  }, 60_000);

  it("renders every exemplar page again when site.yaml changes", async () => {
    const before = await exemplarFiles(out);
    const siteFile = path.join(content, "site.yaml");
    const yaml = await readFile(siteFile, "utf8");
    await writeFile(siteFile, yaml.replace(/^title: .*$/m, "title: Gương Sáng đổi tên"));
    const rebuilt = await buildInto(content, out, cacheDir);
    expect(reuseCounts(rebuilt)[0]).toBe(0);
    const after = await exemplarFiles(out);
    for (const [slug, page] of after) {
      expect(page.text, slug).toContain("Gương Sáng đổi tên");
      expect(page.ino, slug).not.toBe(before.get(slug)?.ino);
    }
  }, 60_000);
});

describe("processed images kept in the cache folder", () => {
  it("links them into the output, and remakes a cached file that was cut short", async () => {
    const root = await tempDir("gs-img-");
    const content = path.join(root, "content");
    const site = parse(await readFile(path.join(REPO, "content/site.yaml"), "utf8")) as SiteConfig;
    await generateCorpus({ count: 6, out: content, site, imageEvery: 3, years: 1 });
    const cacheDir = path.join(root, "cache");
    await buildInto(content, path.join(root, "a"), cacheDir);
    const [version] = await readdir(path.join(cacheDir, "img"));
    const work = path.join(cacheDir, "img", version!);
    const complete = JSON.parse(await readFile(path.join(work, "complete.json"), "utf8")) as Record<string, number>;
    const names = Object.keys(complete);
    expect(names.length).toBe(2 * 2 * 2); // two images, two widths, two formats
    for (const name of names) expect((await stat(path.join(root, "a/img", name))).ino).toBe((await stat(path.join(work, name))).ino);

    // A run killed while writing leaves a short file: it is deleted and made again, never published.
    const victim = path.join(work, names[0]!);
    const good = await readFile(victim);
    await writeFile(victim, good.subarray(0, 100));
    await buildInto(content, path.join(root, "b"), cacheDir);
    expect((await readFile(path.join(root, "b/img", names[0]!))).equals(good)).toBe(true);
    const clean = await snapshot(path.join(root, "b/img"));
    await buildInto(content, path.join(root, "c"), null);
    const plain = await snapshot(path.join(root, "c/img"));
    expect([...clean.keys()].sort()).toEqual([...plain.keys()].sort());
    for (const [name, bytes] of plain) expect(clean.get(name)?.equals(bytes), name).toBe(true);
  }, 120_000);
});
