// `npm start`'s dev server (src/build/dev.ts) on a copy of the sample content: pages on request, an edit shown after
// reading only the changed file, findings at file:line in Vietnamese, the last good pages kept, live reload, drafts.
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer, type DevServer } from "../../src/build/dev.ts";
import { REPO } from "./helpers.ts";

let root: string;
let content: string;
let server: DevServer;
const logged: string[] = [];
const FILE = "exemplars/2019/bac-si-pham-ngoc-anh.md";
const PAGE = "dien-hinh/bac-si-pham-ngoc-anh/";

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "gs-dev-"));
  content = path.join(root, "content");
  await cp(path.join(REPO, "content"), content, { recursive: true });
  const started = await startDevServer({ contentDir: content, siteDir: path.join(root, "preview"), cwd: root, port: 0, log: (l) => logged.push(l), search: false });
  if ("findings" in started) throw new Error("the sample content has errors");
  server = started;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

async function get(p: string, init?: RequestInit): Promise<Response> {
  return fetch(new URL(p, server.url), { redirect: "manual", ...init });
}

/** Resolves after the server's next reload that read `rel` (or the whole tree). */
function reloaded(rel: string): Promise<void> {
  return new Promise((resolve) => server.onReload((r) => (r.changed.length === 0 || r.changed.includes(rel)) && resolve()));
}

/** Writes a content file and waits until the server has loaded it. */
async function edit(rel: string, change: (text: string) => string): Promise<void> {
  const file = path.join(content, rel);
  const done = reloaded(rel);
  await writeFile(file, change(await readFile(file, "utf8")));
  await done;
  await server.settled();
}

describe("the dev server (npm start)", () => {
  it("serves pages, assets, drafts and a 404 page, with the live-reload script on HTML pages only", async () => {
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await home.text();
    expect(html).toContain("/__guong-sang/events");
    const page = await (await get(`/${PAGE}`)).text();
    expect(page).toContain("Bác sĩ Phạm Ngọc Ánh: tận tụy với công tác y tế dự phòng");
    // Assets under their hashed names, as in the build: the preloaded fonts resolve.
    const fonts = [...html.matchAll(/<link rel="preload"[^>]*href="([^"]+\.woff2)"/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      const res = await get(font);
      expect(res.status, font).toBe(200);
      expect(res.headers.get("content-type")).toBe("font/woff2");
    }
    const draft = await (await get("/dien-hinh/tap-the-phong-van-hoa-thong-tin/")).text();
    expect(draft).toContain("Bản nháp");
    const missing = await get("/khong-co-trang-nay/");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("<h1");
    const bare = await get(`/${PAGE.slice(0, -1)}`);
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe(`/${PAGE}`);
    expect((await get("/../../etc/passwd")).status).toBe(404);
    expect((await get("/", { method: "POST" })).status).toBe(405);
  });

  it("shows an edited title after reading only that file, and tells open pages to reload", async () => {
    const events = await get("/__guong-sang/events");
    const reader = events.body!.getReader();
    const before = new TextDecoder().decode((await reader.read()).value);
    await edit(FILE, (t) => t.replace("tận tụy với công tác y tế dự phòng", "tận tụy, sáng tạo với y tế dự phòng"));
    expect(server.last.changed).toEqual([FILE]);
    expect(server.last.errors).toBe(0);
    const after = new TextDecoder().decode((await reader.read()).value);
    expect(after).not.toBe(before);
    expect(after).toMatch(/^data: \S+\n\n$/);
    await reader.cancel();
    const page = await (await get(`/${PAGE}`)).text();
    expect(page).toContain("Bác sĩ Phạm Ngọc Ánh: tận tụy, sáng tạo với y tế dự phòng");
    // The lists it is on change too.
    expect(await (await get("/dien-hinh/")).text()).toContain("tận tụy, sáng tạo với y tế dự phòng");
    expect(logged.at(-1)).toMatch(new RegExp(`^Đã cập nhật ${FILE} \\(\\d+ ms\\)\\.$`));
  });

  it("prints a finding at file:line in Vietnamese and keeps the last good pages until it is fixed", async () => {
    const original = await readFile(path.join(content, FILE), "utf8");
    const line = original.split("\n").findIndex((l) => l.startsWith("date:")) + 1;
    logged.length = 0;
    await edit(FILE, (t) => t.replace(/^date: .*$/m, "date: 2019-02-30"));
    expect(server.last.errors).toBe(1);
    expect(logged).toContain(`content/${FILE}:${line}:7: error: Ngày không hợp lệ: 2019-02-30 (date-invalid)`);
    expect(logged).toContain("Nội dung có 1 lỗi. Trang xem thử vẫn hiện nội dung hợp lệ gần nhất; sửa lỗi rồi lưu tệp.");
    expect((await get(`/${PAGE}`)).status).toBe(200);
    await edit(FILE, () => original);
    expect(server.last.errors).toBe(0);
  });

  it("adds the page of a new file and drops the page of a removed one", async () => {
    const copy = "exemplars/2019/ban-sao-bac-si.md";
    const text = (await readFile(path.join(content, FILE), "utf8")).replace(/^title: .*$/m, 'title: "Bản sao để thử trang mới"');
    logged.length = 0;
    let done = reloaded(copy);
    await writeFile(path.join(content, copy), text);
    await done;
    expect(logged).toEqual([expect.stringMatching(/^Đã cập nhật exemplars\/2019\/ban-sao-bac-si\.md \(\d+ ms\)\.$/)]);
    const added = await get("/dien-hinh/ban-sao-bac-si/");
    expect(added.status).toBe(200);
    expect(await added.text()).toContain("Bản sao để thử trang mới");
    done = reloaded(copy);
    await unlink(path.join(content, copy));
    await done;
    expect((await get("/dien-hinh/ban-sao-bac-si/")).status).toBe(404);
  });

  it("re-reads everything when site.yaml changes, and the pages show the new settings", async () => {
    const site = await readFile(path.join(content, "site.yaml"), "utf8");
    const name = /^title: "?([^"\n]+)"?$/m.exec(site)?.[1];
    expect(name).toBeDefined();
    await edit("site.yaml", (t) => t.replace(name!, `${name} (thử)`));
    expect(await (await get(`/${PAGE}`)).text()).toContain(`${name} (thử)`);
    await edit("site.yaml", () => site);
  });
});

describe("the dev server's search index", () => {
  it("is made in the background and served under /pagefind/, and made again after an edit", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "gs-dev-search-"));
    const copy = path.join(dir, "content");
    await cp(path.join(REPO, "content"), copy, { recursive: true });
    const s = await startDevServer({ contentDir: copy, siteDir: path.join(dir, "preview"), cwd: dir, port: 0, log: () => {} });
    if ("findings" in s) throw new Error("the sample content has errors");
    try {
      await s.settled();
      const js = await fetch(new URL("/pagefind/pagefind.js", s.url));
      expect(js.status).toBe(200);
      expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      const bundles = (await (await fetch(new URL("/pagefind/gs-bundles.json", s.url))).json()) as { bundles: string[] };
      expect(bundles.bundles.length).toBeGreaterThan(0);
      const file = path.join(copy, FILE);
      await writeFile(file, `${await readFile(file, "utf8")}\nMột câu mới để tìm.\n`);
      await new Promise((r) => setTimeout(r, 100));
      await s.settled();
      expect((await fetch(new URL("/pagefind/pagefind.js", s.url))).status).toBe(200);
    } finally {
      await s.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
