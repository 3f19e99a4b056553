// The reviewers' preview, end to end: `npm run preview` on a real two-commit repository and the built sample site,
// then each page opened from disk (file://) in a real Chromium with the network closed.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPreview } from "../../src/github/cli.ts";
import { DESKTOP, launchBrowser, WatchedPage } from "../helpers/browser.ts";
import { publishedBase, siteDir } from "../helpers/site.ts";
import { actionsEnv, io, pullRequestEvent, twoCommitRepo, type TwoCommitRepo } from "./helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXEMPLAR = "content/exemplars/2018/co-giao-tran-thi-anh.md";
const BULLETIN = "content/bulletins/2019-01.md";

/** The title a content file's front matter gives, read straight from the file. */
function titleOf(file: string): string {
  const front = readFileSync(path.join(ROOT, file), "utf8").split(/^---$/m)[1] ?? "";
  return (parse(front) as { title: string }).title;
}

let repo: TwoCommitRepo;
let work: string;
let out: string;
let status: number;
let summary: string;
let browser: Browser;

beforeAll(async () => {
  // Base: the sample without the exemplar and the bulletin, with one exemplar the PR removes. Head: the sample.
  work = mkdtempSync(path.join(tmpdir(), "gs-preview-"));
  const base = path.join(work, "base");
  cpSync(path.join(ROOT, "content"), path.join(base, "content"), { recursive: true });
  rmSync(path.join(base, EXEMPLAR));
  rmSync(path.join(base, BULLETIN));
  // Unlike any added file, so git does not read the pair as a rename.
  writeFileSync(path.join(base, "content/exemplars/2019/da-go-bo.md"), "---\ntitle: Bài đã gỡ bỏ\n---\nMột bài khác hẳn.\n");
  const head = path.join(work, "head");
  cpSync(path.join(ROOT, "content"), path.join(head, "content"), { recursive: true });
  repo = twoCommitRepo(base, head);
  out = path.join(work, "preview");
  const actions = actionsEnv(pullRequestEvent(repo.base, repo.head));
  const run = io(["--site", siteDir(), "--out", out], actions.env, repo.dir);
  status = await runPreview(run.io);
  summary = actions.summary();
  actions.cleanup();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("npm run preview", () => {
  it("writes one file per changed page, the bulletin's PDF and the index, and lists them in the job summary", () => {
    expect(status).toBe(0);
    expect(readdirSync(out).filter((f) => !f.startsWith(".")).sort()).toEqual([
      "ban-tin_2019-01.html",
      "ban-tin_2019-01.pdf",
      "bao-cao_2018-q4.html",
      "bao-cao_2019-q1.html",
      "dien-hinh_co-giao-tran-thi-anh.html",
      "index.html",
    ]);
    expect(readFileSync(path.join(out, "ban-tin_2019-01.pdf")).equals(readFileSync(path.join(siteDir(), "ban-tin/2019-01.pdf")))).toBe(true);
    expect(summary).toContain("### Gương Sáng: bản xem thử\n\n5 tệp (");
    expect(summary).toContain(`- Điển hình: ${titleOf(EXEMPLAR)}: \`dien-hinh_co-giao-tran-thi-anh.html\`\n`);
    expect(summary).toContain("- Điển hình: `content/exemplars/2019/da-go-bo.md`: đã xóa, trang `/dien-hinh/da-go-bo/` sẽ không còn\n");
    expect(summary).toContain("`ban-tin_2019-01.html`, `ban-tin_2019-01.pdf`\n");
  });

  it("refuses to run without a built site, in Vietnamese", async () => {
    const run = io(["--site", path.join(work, "khong-co"), "--out", path.join(work, "p2"), "--base", repo.base, "--head", repo.head], {}, repo.dir);
    expect(await runPreview(run.io)).toBe(2);
    expect(run.out.stderr).toBe(`Không thấy bản dựng trong ${path.join(work, "khong-co")} (thiếu index.html): chạy npm run build -- --out ${path.join(work, "khong-co")} trước.\n`);
  });
});

describe("a preview page opened from disk with the network closed", () => {
  const pages = ["dien-hinh_co-giao-tran-thi-anh.html", "ban-tin_2019-01.html", "bao-cao_2018-q4.html", "index.html"];

  it.each(pages)("%s: no failed request, nothing but the file and data: URIs requested", async (file) => {
    const watched = await WatchedPage.open(browser, { viewport: DESKTOP });
    const requested: string[] = [];
    watched.page.on("request", (r) => requested.push(new URL(r.url()).protocol));
    const { problems } = await watched.visit(pathToFileURL(path.join(out, file)).href);
    expect(problems).toEqual([]);
    expect([...new Set(requested)].sort()).toEqual(file === "index.html" ? ["file:"] : ["data:", "file:"]);
    expect(await watched.page.evaluate(() => document.querySelectorAll("script").length)).toBe(0);
    await watched.page.close();
  });

  it("shows the exemplar with the site's stylesheet, its web font loaded, its image and its title from the content file", async () => {
    const watched = await WatchedPage.open(browser, { viewport: DESKTOP });
    const { problems } = await watched.visit(pathToFileURL(path.join(out, "dien-hinh_co-giao-tran-thi-anh.html")).href);
    expect(problems).toEqual([]);
    const facts = await watched.page.evaluate(async () => {
      await document.fonts.ready;
      const images = [...document.images];
      return {
        fontFamily: getComputedStyle(document.body).fontFamily,
        fontReady: document.fonts.check('16px "Be Vietnam Pro"', "Ánh"),
        loadedFaces: [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/"/g, "")),
        images: images.map((i) => ({ complete: i.complete, naturalWidth: i.naturalWidth, src: i.currentSrc.split(";")[0] })),
        h1: document.querySelector("main h1")?.textContent?.trim(),
        title: document.title,
        external: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href") as string).filter((h) => !h.startsWith("#")),
      };
    });
    expect(facts.fontFamily.startsWith('"Be Vietnam Pro"')).toBe(true);
    expect(facts.fontReady).toBe(true);
    expect(facts.loadedFaces).toContain("Be Vietnam Pro");
    expect(facts.images.length).toBeGreaterThan(0);
    for (const image of facts.images) {
      expect(image.complete).toBe(true);
      expect(image.naturalWidth).toBeGreaterThan(0);
      expect(image.src).toBe("data:image/webp");
    }
    expect(facts.h1).toBe(titleOf(EXEMPLAR));
    expect(facts.title.startsWith(titleOf(EXEMPLAR))).toBe(true);
    // Every link leaves the file for the published site, or goes to the index or another page of the preview.
    const base = publishedBase(siteDir());
    const outside = facts.external.filter((h) => !h.startsWith(base) && !/^[\w-]+\.(html|pdf)$/.test(h));
    expect(outside).toEqual([]);
    expect(facts.external).toContain("index.html");
    expect(facts.external).toContain(`${base}dien-hinh/`);
    await watched.page.close();
  });

  it("the index lists every changed page with a relative link that opens it, and the deleted one as deleted", async () => {
    const watched = await WatchedPage.open(browser, { viewport: DESKTOP });
    await watched.visit(pathToFileURL(path.join(out, "index.html")).href);
    const items = await watched.page.$$eval("li", (lis) => lis.map((li) => ({ text: li.textContent ?? "", links: [...li.querySelectorAll("a")].map((a) => a.getAttribute("href")) })));
    expect(items.map((i) => i.links)).toEqual([
      ["dien-hinh_co-giao-tran-thi-anh.html"],
      [],
      ["ban-tin_2019-01.html", "ban-tin_2019-01.pdf"],
      ["bao-cao_2018-q4.html"],
      ["bao-cao_2019-q1.html"],
    ]);
    expect(items[0]?.text).toContain(titleOf(EXEMPLAR));
    expect(items[1]?.text).toContain("đã xóa: trang /dien-hinh/da-go-bo/ sẽ không còn");
    expect(items[2]?.text).toContain(titleOf(BULLETIN));
    await Promise.all([watched.page.waitForNavigation(), watched.page.click('a[href="bao-cao_2018-q4.html"]')]);
    expect(await watched.page.$eval("main h1", (h) => h.textContent?.trim())).toBe("Báo cáo quý IV năm 2018");
    expect(watched.takeProblems()).toEqual([]);
    await watched.page.close();
  });
});
