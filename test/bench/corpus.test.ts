// The synthetic corpus is valid content: zero findings, every kind, unit, ward and field, deterministic for a seed.
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateCorpus, type CorpusSummary } from "../../src/bench/corpus.ts";
import { loadContent, type LoadResult } from "../../src/content/load.ts";
import type { SiteConfig } from "../../src/content/model.ts";

const REPO = path.resolve(import.meta.dirname, "../..");
let root: string;
let site: SiteConfig;
let summary: CorpusSummary;
let loaded: LoadResult;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "gs-corpus-"));
  site = parse(await readFile(path.join(REPO, "content/site.yaml"), "utf8")) as SiteConfig;
  summary = await generateCorpus({ count: 120, out: path.join(root, "a"), site, imageEvery: 25, years: 3 });
  loaded = await loadContent(path.join(root, "a"));
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("generateCorpus", () => {
  it("writes content the validator accepts without a single finding", () => {
    expect(loaded.findings).toEqual([]);
    expect(loaded.checked).toBe(1 + summary.exemplars + summary.activities + summary.bulletins);
    expect(loaded.model.exemplars).toHaveLength(120);
    expect(loaded.model.activities).toHaveLength(summary.activities);
    expect(loaded.model.bulletins).toHaveLength(summary.bulletins);
  });

  it("covers every kind, unit, ward and field of site.yaml, and keeps a ward-seated unit in its ward", () => {
    const ex = loaded.model.exemplars.map((e) => e.data);
    expect(new Set(ex.map((d) => d.kind))).toEqual(new Set(["individual", "collective", "model", "practice"]));
    expect(new Set(ex.map((d) => d.unit))).toEqual(new Set(site.units.map((u) => u.id)));
    expect(new Set(ex.map((d) => d.field))).toEqual(new Set(site.fields.map((f) => f.id)));
    expect(new Set(ex.flatMap((d) => (d.ward ? [d.ward] : [])))).toEqual(new Set(site.wards.map((w) => w.id)));
    for (const d of ex) {
      const seat = site.units.find((u) => u.id === d.unit)?.ward;
      if (seat) expect(d.ward).toBe(seat);
    }
  });

  it("writes articles of about 600 words, Vietnamese NFC text, and distinct images beside some exemplars", async () => {
    const words = loaded.model.exemplars.map((e) => e.body.split(/\s+/).filter(Boolean).length);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(600);
    expect(Math.max(...words)).toBeLessThan(800);
    const withImage = loaded.model.exemplars.filter((e) => e.data.image);
    expect(withImage).toHaveLength(summary.images);
    expect(summary.images).toBe(Math.ceil(120 / 25));
    const photos = await Promise.all(withImage.map((e) => readFile(path.join(path.dirname(e.absPath), e.data.image!.src))));
    expect(photos.every((p) => p[0] === 0xff && p[1] === 0xd8)).toBe(true); // JPEG
    expect(new Set(photos.map((p) => p.toString("base64"))).size).toBe(photos.length); // no two alike
    expect(loaded.model.exemplars[0]!.body).toBe(loaded.model.exemplars[0]!.body.normalize("NFC"));
    expect(loaded.model.exemplars.some((e) => /[ăâđêôơư]/.test(e.body))).toBe(true);
  });

  it("spreads dates over the years asked for, with activities and bulletins in each", () => {
    const years = (entries: { data: { date: string } }[]) => [...new Set(entries.map((e) => e.data.date.slice(0, 4)))].sort();
    expect(years(loaded.model.exemplars)).toEqual(["2018", "2019", "2020"]);
    expect(years(loaded.model.activities)).toEqual(["2018", "2019", "2020"]);
    expect(years(loaded.model.bulletins)).toEqual(["2018", "2019", "2020"]);
  });

  it("gives the same files for the same seed", async () => {
    await generateCorpus({ count: 120, out: path.join(root, "b"), site, imageEvery: 25, years: 3 });
    const list = async (d: string) => ((await readdir(d, { recursive: true })) as string[]).filter((f) => f.endsWith(".md")).sort();
    const a = await list(path.join(root, "a"));
    expect(await list(path.join(root, "b"))).toEqual(a);
    for (const f of [a[0]!, a[a.length >> 1]!, a[a.length - 1]!]) {
      expect(await readFile(path.join(root, "b", f), "utf8")).toBe(await readFile(path.join(root, "a", f), "utf8"));
    }
  });
});
