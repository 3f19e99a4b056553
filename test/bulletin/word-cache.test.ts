// A bulletin's Word file is kept in the build's Word store: the same bytes as made afresh, made again only when
// something the issue shows changed.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openWordStore } from "../../src/build/word-cache.ts";
import { resolveIssues } from "../../src/bulletin/issue.ts";
import { bulletinDocx } from "../../src/bulletin/word.ts";
import { loadContent } from "../../src/content/load.ts";
import { useWordStore } from "../../src/word/cache.ts";

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content");

describe("bulletin Word files in the build cache", () => {
  it("gives back the bytes made without a cache for an unchanged issue, and makes one whose exemplar changed", async () => {
    const { model } = await loadContent(CONTENT);
    const issue = resolveIssues(model).find((i) => i.exemplars.length > 0)!;
    expect(issue).toBeDefined();
    const fresh = await bulletinDocx(model.site, issue);
    const dir = await mkdtemp(path.join(tmpdir(), "gs-bulletin-word-"));
    try {
      useWordStore(await openWordStore(dir));
      await bulletinDocx(model.site, issue);
      const store = await openWordStore(dir);
      const calls: string[] = [];
      useWordStore({ get: async (k) => (calls.push("get"), store.get(k)), set: async (k, b) => (calls.push("set"), store.set(k, b)) });
      const kept = await bulletinDocx(model.site, issue);
      expect(calls).toEqual(["get"]);
      expect(Buffer.from(kept).equals(Buffer.from(fresh))).toBe(true);
      // Another place on disk is the same document; another sentence in the lead story is not.
      const moved = { ...issue, exemplars: issue.exemplars.map((e) => ({ ...e, absPath: `/elsewhere${e.absPath}` })) };
      await bulletinDocx(model.site, moved);
      expect(calls).toEqual(["get", "get"]);
      const lead = issue.exemplars[0]!;
      const changed = { ...issue, exemplars: [{ ...lead, body: `${lead.body}\nMột câu mới.\n` }, ...issue.exemplars.slice(1)] };
      const remade = await bulletinDocx(model.site, changed);
      expect(calls).toEqual(["get", "get", "get", "set"]);
      expect(Buffer.from(remade).equals(Buffer.from(fresh))).toBe(false);
    } finally {
      useWordStore(undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
