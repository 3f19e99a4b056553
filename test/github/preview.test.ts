// The preview's parts: which pages a PR's changed files become, the index (contributor text escaped), the image choice,
// and the size limit on the built sample site.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseHtml, type DefaultTreeAdapterTypes as T } from "parse5";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import type { ContentModel } from "../../src/content/model.ts";
import { contentChanges, type ChangedFile } from "../../src/github/changed.ts";
import { renderComment } from "../../src/github/markdown.ts";
import { indexHtml, parseSrcset, pickCandidate, previewFileName, previewItems, slotWidth, writePreview, type PreviewItem } from "../../src/github/preview.ts";
import { publishedBase, siteDir, sitePrefix } from "../helpers/site.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
let model: ContentModel;

function titleOf(file: string): string {
  return (parse(readFileSync(path.join(ROOT, file), "utf8").split(/^---$/m)[1] ?? "") as { title: string }).title;
}

function items(files: ChangedFile[], m: ContentModel = model): PreviewItem[] {
  return previewItems(contentChanges(files).entries, m, ROOT);
}

beforeAll(async () => {
  const loaded = await loadContent(path.join(ROOT, "content"), { drafts: true, cwd: ROOT });
  if (!loaded.model) throw new Error("the sample content does not load");
  model = loaded.model;
});

describe("the pages a PR changes", () => {
  it("an exemplar: its page and its quarter's report", () => {
    const file = "content/exemplars/2018/co-giao-tran-thi-anh.md";
    expect(items([{ status: "modified", path: file }])).toEqual([
      { kind: "exemplar", kindLabel: "Điển hình", file, pagePath: "/dien-hinh/co-giao-tran-thi-anh/", status: "modified", title: titleOf(file), draft: false },
      { kind: "report", kindLabel: "Báo cáo", status: "affected", file, title: "Báo cáo quý IV năm 2018", pagePath: "/bao-cao/2018-q4/", draft: false },
    ]);
  });

  it("a plan, a bulletin with its PDF and an activity (whose page is the activities page), one report per quarter", () => {
    const plan = "content/plans/2018/08-kh-btg.md";
    const bulletin = "content/bulletins/2019-01.md";
    const activity = "content/activities/2019/toa-dam-dan-van-kheo-2019.md";
    const got = items([
      { status: "added", path: bulletin },
      { status: "modified", path: activity },
      { status: "modified", path: plan },
    ]);
    expect(got.map((i) => [i.kind, i.status, i.pagePath, i.pdfPath, i.title])).toEqual([
      ["plan", "modified", "/ke-hoach/08-kh-btg/", undefined, titleOf(plan)],
      ["activity", "modified", "/hoat-dong/2019/", undefined, titleOf(activity)],
      ["bulletin", "added", "/ban-tin/2019-01/", "/ban-tin/2019-01.pdf", titleOf(bulletin)],
      ["report", "affected", "/bao-cao/2018-q4/", undefined, "Báo cáo quý IV năm 2018"],
      ["report", "affected", "/bao-cao/2019-q1/", undefined, "Báo cáo quý I năm 2019"],
    ]);
  });

  it("a deleted entry: the page that disappears, no title, no report; a rename: the old page too", () => {
    expect(items([{ status: "deleted", path: "content/bulletins/2018-09.md" }])).toEqual([
      { kind: "bulletin", kindLabel: "Bản tin", file: "content/bulletins/2018-09.md", pagePath: "/ban-tin/2018-09/", status: "deleted", title: "", draft: false, pdfPath: "/ban-tin/2018-09.pdf" },
    ]);
    const file = "content/exemplars/2018/co-giao-tran-thi-anh.md";
    const renamed = items([{ status: "renamed", path: file, oldPath: "content/exemplars/2018/co-giao-anh.md" }]);
    expect(renamed[0]).toMatchObject({ status: "renamed", pagePath: "/dien-hinh/co-giao-tran-thi-anh/", oldPagePath: "/dien-hinh/co-giao-anh/" });
  });

  it("a draft: listed, marked, and no report (drafts never count)", () => {
    const file = "content/exemplars/2018/co-giao-tran-thi-anh.md";
    const drafted = { ...model, exemplars: model.exemplars.map((e) => (e.file.endsWith("co-giao-tran-thi-anh.md") ? { ...e, draft: true } : e)) };
    expect(items([{ status: "added", path: file }], drafted)).toEqual([
      { kind: "exemplar", kindLabel: "Điển hình", file, pagePath: "/dien-hinh/co-giao-tran-thi-anh/", status: "added", title: titleOf(file), draft: true },
    ]);
  });

  it("other files (site.yaml, an image) are no page of their own", () => {
    expect(items([{ status: "modified", path: "content/site.yaml" }, { status: "added", path: "content/exemplars/2019/anh.jpg" }])).toEqual([]);
  });

  it("names each page's file in the preview from its path, flat and safe", () => {
    expect(previewFileName("/dien-hinh/co-giao-tran-thi-anh/")).toBe("dien-hinh_co-giao-tran-thi-anh.html");
    expect(previewFileName("/ban-tin/2019-01.pdf")).toBe("ban-tin_2019-01.pdf");
    expect(previewFileName("/hoat-dong/")).toBe("hoat-dong.html");
    expect(previewFileName("/dien-hinh/../<x y>/")).toBe("dien-hinh_-_x-y.html");
  });
});

describe("the index", () => {
  const hostile = '</li><script>alert(1)</script><img src=x onerror="alert(2)"> & "trích" \'x\'';
  const item: PreviewItem = { kind: "exemplar", kindLabel: "Điển hình", status: "added", file: "content/exemplars/2019/<b>x</b>.md", title: hostile, pagePath: "/dien-hinh/x/", draft: false };

  function elements(html: string): T.Element[] {
    const out: T.Element[] = [];
    const walk = (node: T.Node): void => {
      if ("tagName" in node) out.push(node);
      if ("childNodes" in node) node.childNodes.forEach(walk);
    };
    walk(parseHtml(html));
    return out;
  }

  function text(node: T.Node): string {
    if (node.nodeName === "#text") return (node as T.TextNode).value;
    return "childNodes" in node ? node.childNodes.map(text).join("") : "";
  }

  it("escapes contributor text: the hostile title is text, not markup", () => {
    const html = indexHtml([item], { files: [{ sitePath: "/dien-hinh/x/", file: "dien-hinh_x.html", imagesLeftOut: 0, bytes: 1 }], totalBytes: 1 }, { pr: 3, headSha: "f".repeat(40), baseUrl: "https://example.github.io/guong-sang/", maxBytes: 1 });
    const els = elements(html);
    expect(els.filter((e) => e.tagName === "script" || e.tagName === "img" || e.tagName === "b")).toEqual([]);
    expect(els.flatMap((e) => e.attrs.map((a) => a.name)).filter((n) => n.startsWith("on"))).toEqual([]);
    const li = els.filter((e) => e.tagName === "li");
    expect(li).toHaveLength(1);
    expect(text(li[0]!)).toBe(`Điển hình ${hostile} (thêm mới) content/exemplars/2019/<b>x</b>.mdXem trang`);
    expect(html).toContain("<title>Bản xem thử PR #3, commit fffffff</title>");
  });

  it("says what is deleted, a draft, left out for size, or missing from the build", () => {
    const list: PreviewItem[] = [
      { ...item, title: "Đã xóa", status: "deleted", pagePath: "/dien-hinh/a/" },
      { ...item, title: "Nháp", draft: true, pagePath: "/dien-hinh/b/" },
      { ...item, title: "Lớn", pagePath: "/dien-hinh/c/" },
      { ...item, title: "Thiếu", pagePath: "/dien-hinh/d/" },
    ];
    const result = { files: [{ sitePath: "/dien-hinh/c/", missing: "too-large" as const, imagesLeftOut: 0, bytes: 9 }, { sitePath: "/dien-hinh/d/", missing: "not-built" as const, imagesLeftOut: 0, bytes: 0 }], totalBytes: 0 };
    const lis = elements(indexHtml(list, result, { baseUrl: "https://example.github.io/guong-sang/", maxBytes: 50_000_000 })).filter((e) => e.tagName === "li").map(text);
    expect(lis[0]).toContain("đã xóa: trang /dien-hinh/a/ sẽ không còn");
    expect(lis[1]).toContain("bản nháp: không có trong bản dựng công bố nên không có bản xem thử");
    expect(lis[2]).toContain("Xem trang: bỏ qua vì vượt giới hạn dung lượng");
    expect(lis[3]).toContain("Xem trang: không có /dien-hinh/d/ trong bản dựng");
    expect(indexHtml(list, result, { baseUrl: "https://example.github.io/guong-sang/", maxBytes: 50_000_000 })).toContain(
      "Vượt giới hạn 50 MB của bản xem thử nên bỏ qua 1 tệp: <code>/dien-hinh/c/</code>.",
    );
  });
});

describe("the image an img gets", () => {
  it("reads the slot width from sizes at a desktop viewport, and picks the smallest candidate that fills it", () => {
    expect(slotWidth("(min-width: 60rem) 40rem, 100vw")).toBe(640);
    expect(slotWidth("(min-width: 60rem) 40rem, 100vw", 800)).toBe(800);
    expect(slotWidth(undefined)).toBe(1280);
    const set = parseSrcset("/a-480.webp 480w, /a-960.webp 960w");
    expect(pickCandidate(set, 640)?.url).toBe("/a-960.webp");
    expect(pickCandidate(set, 400)?.url).toBe("/a-480.webp");
    expect(pickCandidate(set, 2000)?.url).toBe("/a-960.webp");
    expect(pickCandidate(parseSrcset("/b.png 2x, /a.png"), 640)?.url).toBe("/a.png");
  });
});

describe("the comment's preview link", () => {
  it("is only an https address", () => {
    const summary = { version: 1 as const, pr: 1, headSha: "a".repeat(40), baseSha: "b".repeat(40), rows: [], otherFiles: [], otherFindings: 0 };
    expect(renderComment(summary, { runUrl: "", previewUrl: "javascript:alert(1)" })).not.toContain("Bản xem thử các trang");
    expect(renderComment(summary, { runUrl: "", previewUrl: "https://github.com/o/r/actions/runs/1/artifacts/2" })).toContain("(https://github.com/o/r/actions/runs/1/artifacts/2)");
  });
});

describe("the size limit, on the built sample site", () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), "gs-preview-cap-"));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("keeps pages in order while they fit, lists the rest, and no kept page links to a file left out", async () => {
    const list = items([
      { status: "modified", path: "content/exemplars/2019/tram-y-te-phuong-trung-hoa.md" },
      { status: "modified", path: "content/bulletins/2019-01.md" },
    ]);
    const site = siteDir();
    const base = publishedBase(site);
    const options = { siteDir: site, prefix: sitePrefix(site), baseUrl: base, items: list };
    const allDir = mkdtempSync(path.join(out, "all-"));
    const all = await writePreview({ ...options, outDir: allDir });
    const [exemplar, bulletin] = all.files;
    // The pages of the preview link to each other's files, not to the published site.
    expect(readFileSync(path.join(allDir, "ban-tin_2019-01.html"), "utf8")).toContain('href="dien-hinh_tram-y-te-phuong-trung-hoa.html"');
    // Room for the bulletin's page, not for the (larger) exemplar's page: that one is left out, and so are the rest.
    expect(exemplar!.bytes).toBeGreaterThan(bulletin!.bytes + 1000);
    const dir = mkdtempSync(path.join(out, "capped-"));
    const result = await writePreview({ ...options, outDir: dir, maxBytes: bulletin!.bytes + 1000 });
    expect(result.files.map((f) => [f.sitePath, f.file, f.missing])).toEqual([
      ["/dien-hinh/tram-y-te-phuong-trung-hoa/", undefined, "too-large"],
      ["/ban-tin/2019-01/", "ban-tin_2019-01.html", undefined],
      ["/ban-tin/2019-01.pdf", undefined, "too-large"],
      ["/bao-cao/2019-q1/", undefined, "too-large"],
    ]);
    expect(readdirSync(dir).sort()).toEqual(["ban-tin_2019-01.html", "index.html"]);
    const page = readFileSync(path.join(dir, "ban-tin_2019-01.html"), "utf8");
    expect(page).not.toContain('href="dien-hinh_');
    expect(page).toContain(`href="${base}dien-hinh/tram-y-te-phuong-trung-hoa/"`);
    // Nothing points into the site by a root-relative path any more.
    expect(page).not.toMatch(new RegExp(`(?:href|src|srcset|action)="${sitePrefix(site)}`));
    expect(readFileSync(path.join(dir, "index.html"), "utf8")).toContain("nên bỏ qua 3 tệp");
  });
});
