// The build's streamed pages (src/site/stream.ts) are the same pages Eleventy renders from the same templates in `npm start`.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runEleventy } from "../../src/build/eleventy.ts";
import { loadContent } from "../../src/content/load.ts";
import { outputFile } from "../../src/site/stream.ts";
import { NOW, FIXTURES, snapshot } from "../build/helpers.ts";

describe("streamed pages", () => {
  it("are byte for byte the pages Eleventy's own pagination writes, sitemap included", async () => {
    const { model, findings } = await loadContent(path.join(FIXTURES, "site-basic"), { drafts: false });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const root = await mkdtemp(path.join(tmpdir(), "gs-stream-"));
    let streamed: { rendered: number; reused: number } | undefined;
    await runEleventy({ model, outDir: path.join(root, "eleventy"), drafts: false, now: NOW });
    await runEleventy({ model, outDir: path.join(root, "streamed"), drafts: false, now: NOW, stream: { onResult: (r) => (streamed = r) } });
    const [a, b] = [await snapshot(path.join(root, "eleventy")), await snapshot(path.join(root, "streamed"))];
    expect(streamed?.rendered).toBeGreaterThan(model.exemplars.length);
    expect(streamed?.reused).toBe(0);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) expect(b.get(name)?.toString("utf8"), name).toBe(bytes.toString("utf8"));
    expect(a.has("dien-hinh/co-giao-nguyen-thi-mai/index.html")).toBe(true);
  }, 60_000);

  it("never writes outside the output folder", () => {
    expect(outputFile("/dien-hinh/a/")).toBe("dien-hinh/a/index.html");
    expect(outputFile("/dien-hinh/chi-muc.json")).toBe("dien-hinh/chi-muc.json");
    expect(() => outputFile("/../../etc/x/")).toThrow("Streamed page path outside the site: /../../etc/x/");
    expect(() => outputFile("dien-hinh/x/")).toThrow("Streamed page path outside the site: dien-hinh/x/");
    expect(outputFile("/")).toBe("index.html");
  });
});
