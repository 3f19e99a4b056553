// One route for every page: the router the dev server renders from (src/site/router.ts) gives, for every file the
// build writes, the very same bytes, and routes nothing the build does not write.
import { readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { buildGlobals } from "../../src/site/globals.ts";
import { createRouter, fileOfRequest, loadTemplates } from "../../src/site/router.ts";
import { sections } from "../../src/site/sections/index.ts";
import { pathPrefixFor } from "../../src/paths/url.ts";
import { NOW, REPO, tempDir } from "../build/helpers.ts";

const CONTENT = path.join(REPO, "content");
let root: string;
let outDir: string;

beforeAll(async () => {
  root = await tempDir("gs-router-");
  outDir = path.join(root, "site");
  // Drafts on: the dev server's view, with every kind of page the sample has.
  const result = await build({ contentDir: CONTENT, outDir, pdf: false, drafts: true, now: NOW, cwd: REPO, cacheDir: null, env: {} });
  expect(result.status).toBe("built");
}, 240_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function routerForSample() {
  const { model } = await loadContent(CONTENT, { drafts: true, cwd: REPO });
  const gs = await buildGlobals(model, sections, { drafts: true, now: NOW, pathPrefix: pathPrefixFor(model.site.baseUrl), outputDir: path.join(root, "router-out"), streamed: true, lazy: true });
  return createRouter(gs, await loadTemplates());
}

/** Files the build writes that are not pages: assets, images, the search index, the editor, PDFs, the sitemap. */
const NOT_PAGES = /^(assets|img|pagefind|quan-tri|in)\/|\.pdf$|^sitemap\.xml$|^\.guong-sang/;

describe("the router (npm start) and the build render the same pages", () => {
  it("every page file of the build has a route with identical bytes, and every route is a file of the build", async () => {
    const router = await routerForSample();
    const built = (await readdir(outDir, { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile())
      .map((d) => path.relative(outDir, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
      .filter((f) => !NOT_PAGES.test(f))
      .sort();
    const routed = [...router.all()].map((r) => r.file).sort();
    expect(routed).toEqual(built);
    expect(built.length).toBeGreaterThan(100);
    const differing: string[] = [];
    for (const file of built) {
      const route = router.find(file);
      const ours = await route!.render();
      const theirs = await readFile(path.join(outDir, file));
      if (!Buffer.from(ours).equals(theirs)) differing.push(file);
    }
    expect(differing).toEqual([]);
  }, 120_000);

  it("finds one exemplar page without deriving the other sections", async () => {
    const { model } = await loadContent(CONTENT, { drafts: true, cwd: REPO });
    const read: string[] = [];
    const gs = await buildGlobals(model, sections, { drafts: true, now: NOW, pathPrefix: "/", outputDir: path.join(root, "router-out"), streamed: true, lazy: true });
    const spy = new Proxy(gs.sections, { get: (t, id: string) => (read.push(id), Reflect.get(t, id)) });
    Object.defineProperty(gs, "sections", { value: spy });
    const router = createRouter(gs, await loadTemplates());
    const slug = model.exemplars[0]!.slug;
    const route = router.find(fileOfRequest(`/dien-hinh/${slug}/`)!);
    const html = String(await route!.render());
    expect(html).toContain(`<h1`);
    expect(html).toContain(model.exemplars[0]!.data.title.replaceAll("&", "&amp;").slice(0, 20));
    expect([...new Set(read)]).toEqual(["portal"]);
  });

  it("maps request paths to output files and refuses paths outside the site", () => {
    expect(fileOfRequest("/")).toBe("index.html");
    expect(fileOfRequest("/dien-hinh/a/")).toBe("dien-hinh/a/index.html");
    expect(fileOfRequest("/feed.xml")).toBe("feed.xml");
    expect(fileOfRequest("/../etc/passwd")).toBeUndefined();
    expect(fileOfRequest("/a/%2e%2e/b")).toBe("a/%2e%2e/b");
  });
});
