// The loudspeaker readings kept in the build cache (src/build/speech-cache.ts): scripts made from the store are the
// scripts made without it, and a change to an exemplar or to what site.yaml says about reading is read afresh.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSpeechStore } from "../../src/build/speech-cache.ts";
import type { ContentModel } from "../../src/content/model.ts";
import { buildScripts, useSpokenStore } from "../../src/loudspeaker/script.ts";
import { exemplar, loadTree } from "./helpers.ts";

const FILES = {
  "exemplars/2019/to-dan-pho-so-5.md": exemplar({
    title: "TDP số 5 sạch đẹp",
    unit: "don-vi-mot",
    date: "2019-04-10",
    summary: "TDP số 5 phối hợp với UBND phường giữ vệ sinh.",
    achievements: ["Trồng 120 cây xanh", "Đạt 95% hộ gia đình văn hóa"],
    channels: "channels: [portal, loudspeaker]",
  }),
  "exemplars/2020/chi-hoi-tiet-kiem.md": exemplar({
    title: "Chi hội tiết kiệm",
    unit: "don-vi-hai",
    date: "2020-03-08",
    summary: "Chi hội phụ nữ góp vốn giúp nhau làm ăn.",
    achievements: ["Giúp 12 hộ vượt khó", "Được MTTQ khen"],
    channels: "channels: [loudspeaker, portal]",
  }),
};

const cleanup: string[] = [];
afterEach(async () => {
  useSpokenStore(undefined);
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Scripts made through a store in `cacheDir` opened afresh (as a new build would), and what the store did. */
async function scriptsThrough(cacheDir: string, model: ContentModel) {
  const store = await openSpeechStore(cacheDir, "test-version");
  useSpokenStore(store);
  try {
    // A model object of its own: the readers' in-process memo is per entry object, so the store is what is tested.
    const scripts = buildScripts(structuredClone(model));
    await store.save();
    return { scripts, hits: store.stats.hits, misses: store.stats.misses };
  } finally {
    useSpokenStore(undefined);
  }
}

describe("loudspeaker readings kept between builds", () => {
  it("gives the scripts made without the store, cold and warm", async () => {
    const tree = await loadTree(FILES);
    const cacheDir = await mkdtemp(path.join(tmpdir(), "gs-speech-"));
    cleanup.push(tree.dir, cacheDir);
    const plain = buildScripts(structuredClone(tree.model));
    const cold = await scriptsThrough(cacheDir, tree.model);
    const warm = await scriptsThrough(cacheDir, tree.model);
    expect(cold).toMatchObject({ hits: 0, misses: 2 });
    expect(warm).toMatchObject({ hits: 2, misses: 0 });
    expect(cold.scripts).toEqual(plain);
    expect(warm.scripts).toEqual(plain);
  });

  it("reads afresh a changed exemplar, and every exemplar when site.yaml's abbreviations change", async () => {
    const tree = await loadTree(FILES);
    const cacheDir = await mkdtemp(path.join(tmpdir(), "gs-speech-"));
    cleanup.push(tree.dir, cacheDir);
    await scriptsThrough(cacheDir, tree.model);

    // One exemplar's file changed: its hash is new, so only it is read again.
    const edited = structuredClone(tree.model);
    const first = edited.exemplars[0]!;
    first.data.summary = "TDP số 5 phối hợp với UBND phường giữ vệ sinh và trồng cây.";
    first.hash = "a-new-hash";
    const afterEdit = await scriptsThrough(cacheDir, edited);
    expect(afterEdit).toMatchObject({ hits: 1, misses: 1 });
    expect(afterEdit.scripts).toEqual(buildScripts(structuredClone(edited)));
    expect(JSON.stringify(afterEdit.scripts)).toContain("trồng cây");

    // "UBND" read another way: every reading is made again, and says it the new way.
    const respelled = structuredClone(edited);
    respelled.site.loudspeaker.abbreviations = { ...respelled.site.loudspeaker.abbreviations, UBND: "ủy ban phường" };
    const afterSite = await scriptsThrough(cacheDir, respelled);
    expect(afterSite).toMatchObject({ hits: 0, misses: 2 });
    expect(afterSite.scripts).toEqual(buildScripts(structuredClone(respelled)));
    expect(JSON.stringify(afterSite.scripts)).toContain("ủy ban phường");
  });
});
