// npm run aggregate against real built sites served on 127.0.0.1: figures equal an independent count of the fixture
// files, unreadable sources are reported with why, the last good copy stands in with its date, every exemplar links to
// its page on its unit's site, source text is escaped, and the JSON keeps the contract.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileOf } from "../../src/aggregate/paths.ts";
import { serveStatic, type StaticServer } from "../../src/print/serve.ts";
import { launchBrowser, PHONE, WatchedPage } from "../helpers/browser.ts";
import { listFiles } from "../helpers/site.ts";
import { checkHtml } from "../helpers/vnu.ts";
import { exportValidators } from "../../src/content/exports.ts";
import { aggregate, type AggregateResult } from "../../src/aggregate/run.ts";
import { fixtureActivities, fixtureExemplars, makeWorld, quarterOfDate, SITES, type World } from "./fixtures.ts";

let world: World;
let first: AggregateResult;
let out: string;
const LIMITS = { timeoutMs: 600, retries: 1, backoffMs: 50 };

beforeAll(async () => {
  world = await makeWorld();
  out = path.join(world.root, "thanh-pho");
  first = await aggregate({ sourcesFile: world.sourcesFile, outDir: out, cwd: world.root, cacheDir: path.join(world.root, "cache"), limits: LIMITS, home: world.root });
}, 300_000);

afterAll(async () => {
  await world?.close();
});

const read = (p: string): string => readFileSync(path.join(out, p), "utf8");
const json = <T>(p: string): T => JSON.parse(read(p)) as T;

interface CityQuarter {
  period: string;
  exemplars: { total: number; byKind: Record<string, number>; byUnit: Record<string, number>; byField: Record<string, number>; slugs: string[] };
  activities: { total: number };
  unitsWithoutExemplars: string[];
  sources: Record<string, { name: string; exemplars: { total: number }; ok: boolean; published: boolean; copyOf?: string }>;
  unreadable: { id: string; why: string }[];
}

describe("reading the sources", () => {
  it("reads the good sites (served and from a folder) and reports the broken, off-contract and slow ones with why", () => {
    const byId = Object.fromEntries(first.outcomes.map((o) => [o.id, o]));
    expect(first.status).toBe("built");
    expect(SITES.map((id) => byId[id]?.ok)).toEqual([true, true, true]);
    expect(byId["hong-json"]?.ok).toBe(false);
    expect(byId["hong-json"]?.why).toBe("api/exemplars.json: không phải JSON hợp lệ.");
    expect(byId["sai-khuon"]?.why).toBe("api/exemplars.json: không đúng khuôn dữ liệu: /exemplars/0/kind có giá trị không được phép.");
    expect(byId["cham"]?.why).toBe("api/site.json: quá thời gian chờ (0,6 giây).");
    expect(byId["phuong-binh"]?.name).toBe("Phường Bình (tên trong tệp nguồn)");
    expect(byId["phuong-an"]?.name).toBe("Đảng ủy phường An");
  });
});

describe("figures equal an independent count of the fixture files", () => {
  it("every quarter: totals, kinds, fields, each unit's own, units without exemplars, activities", async () => {
    const exemplars = await fixtureExemplars();
    const activities = await fixtureActivities();
    const quarterFiles = readdirSync(path.join(out, "bao-cao")).filter((f) => /^\d{4}-q[1-4]\.json$/.test(f));
    expect(quarterFiles.sort()).toEqual(["2019-q1.json", "2019-q2.json", "2019-q3.json", "2020-q1.json"]);
    const validate = exportValidators()["city-quarter"];
    for (const file of quarterFiles) {
      const q = json<CityQuarter>(`bao-cao/${file}`);
      expect(validate(q), JSON.stringify(validate.errors)).toBe(true);
      const mine = exemplars.filter((e) => quarterOfDate(e.date) === q.period);
      expect(q.exemplars.total, q.period).toBe(mine.length);
      for (const kind of ["individual", "collective", "model", "practice"]) {
        expect(q.exemplars.byKind[kind] ?? 0, `${q.period} ${kind}`).toBe(mine.filter((e) => e.kind === kind).length);
      }
      for (const site of SITES) {
        const own = mine.filter((e) => e.site === site).length;
        expect(q.exemplars.byUnit[site], `${q.period} ${site}`).toBe(own);
        expect(q.sources[site]?.exemplars.total).toBe(own);
        expect(q.unitsWithoutExemplars.includes(site), `${q.period} ${site} without`).toBe(own === 0);
      }
      for (const field of new Set(exemplars.map((e) => e.field))) {
        expect(q.exemplars.byField[field] ?? 0, `${q.period} ${field}`).toBe(mine.filter((e) => e.field === field).length);
      }
      expect(q.exemplars.slugs.sort()).toEqual(mine.map((e) => `${e.site}/${e.slug}`).sort());
      expect(q.activities.total).toBe(activities.filter((a) => quarterOfDate(a.date) === q.period).length);
      expect(q.unreadable.map((u) => u.id).sort()).toEqual(["cham", "hong-json", "sai-khuon"]);
      expect(Object.keys(q.sources)).toEqual(["phuong-an", "phuong-binh", "xa-cuong", "hong-json", "sai-khuon", "cham"]);
    }
    // Phường An published nothing for 2019-Q3: it is listed, and marked as not publishing.
    const q3 = json<CityQuarter>("bao-cao/2019-q3.json");
    expect(q3.sources["phuong-an"]?.published).toBe(false);
    expect(q3.unitsWithoutExemplars).toContain("phuong-an");
  });

  it("the year file sums its quarters and validates as a year", async () => {
    const exemplars = await fixtureExemplars();
    const y = json<{ exemplars: { total: number }; quarters: { period: string; exemplars: { total: number } }[] }>("bao-cao/2019.json");
    expect(exportValidators().year(y), JSON.stringify(exportValidators().year.errors)).toBe(true);
    expect(y.exemplars.total).toBe(exemplars.filter((e) => e.date.startsWith("2019")).length);
    expect(y.quarters.map((q) => q.exemplars.total)).toEqual([1, 2, 3, 4].map((n) => exemplars.filter((e) => quarterOfDate(e.date) === `2019-Q${n}`).length));
  });

  it("the quarter page shows the sum and each unit's own figures beside it", async () => {
    const page = read("bao-cao/2019-q2/index.html");
    const exemplars = await fixtureExemplars();
    const total = exemplars.filter((e) => quarterOfDate(e.date) === "2019-Q2").length;
    expect(page).toMatch(new RegExp(`<tfoot><tr><th scope="row">Tổng cộng</th><td class="num">${total}</td>`));
    expect(page).toContain('<th scope="row">Đảng ủy phường An</th>\n<td class="num">1</td>');
    expect(page).toContain("<li>Đảng ủy xã Cường: không công bố số liệu kỳ này</li>");
    expect(page).toContain("Đơn vị chưa có điển hình (1)");
    expect(page).toContain("api/exemplars.json: không phải JSON hợp lệ.");
  });
});

describe("the exemplar list", () => {
  it("lists every published exemplar of every readable source, linked to its page on the unit's site", async () => {
    const exemplars = await fixtureExemplars();
    const list = read("dien-hinh/index.html");
    for (const e of exemplars) {
      const origin = e.site === "xa-cuong" ? "https://cuong.example.vn" : world.servers[e.site]?.origin;
      expect(list, e.slug).toContain(`href="${origin}/dien-hinh/${e.slug}/"`);
    }
    expect(list).not.toContain("ban-nhap-chua-cong-bo");
    expect((list.match(/<li class="card">/g) ?? []).length).toBe(exemplars.length);
  });

  it("has a static filter page per source unit, kind, field and year with the right exemplars", async () => {
    const exemplars = await fixtureExemplars();
    const count = (p: string): number => (read(p).match(/<li class="card">/g) ?? []).length;
    for (const site of SITES) expect(count(`dien-hinh/don-vi/${site}/index.html`), site).toBe(exemplars.filter((e) => e.site === site).length);
    expect(count("dien-hinh/loai/ca-nhan/index.html")).toBe(exemplars.filter((e) => e.kind === "individual").length);
    expect(count("dien-hinh/loai/mo-hinh-hay/index.html")).toBe(exemplars.filter((e) => e.kind === "model").length);
    expect(count("dien-hinh/linh-vuc/giao-duc/index.html")).toBe(exemplars.filter((e) => e.field === "giao-duc").length);
    expect(count("dien-hinh/nam/2020/index.html")).toBe(exemplars.filter((e) => e.date.startsWith("2020")).length);
    expect(existsSync(path.join(out, "dien-hinh/don-vi/hong-json/index.html"))).toBe(false);
    // The filters' titles, as the schemas give them (sources.schema.json and exemplar.schema.json's x-facet-title or title).
    expect([...read("dien-hinh/index.html").matchAll(/<summary>([^<]*)<\/summary>/g)].map((m) => m[1])).toEqual(["Đơn vị", "Loại điển hình", "Lĩnh vực", "Năm"]);
  });

  it("escapes what a source wrote: a title with markup is text, never an element", () => {
    const list = read("dien-hinh/don-vi/phuong-binh/index.html");
    expect(list).toContain("Tổ dân phố &lt;b&gt;xanh&lt;/b&gt; &amp; “sạch” số 5");
    expect(list).not.toContain("<b>xanh</b>");
  });
});

describe("in a real Chromium, without and with JavaScript", () => {
  let browser: Browser;
  let server: StaticServer;
  const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const PAGES = ["/", "/dien-hinh/", "/dien-hinh/don-vi/phuong-an/", "/dien-hinh/loai/ca-nhan/", "/bao-cao/", "/bao-cao/2019-q2/", "/bao-cao/2019/", "/tim-kiem/"];

  beforeAll(async () => {
    server = await serveStatic(out);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("every page type loads without JavaScript, with no failed request, and has no serious WCAG 2.2 AA violation", async () => {
    const page = await WatchedPage.open(browser, { javaScript: false });
    const phone = await WatchedPage.open(browser, { viewport: PHONE });
    for (const p of PAGES) {
      const { status, problems } = await page.visit(server.origin + p);
      expect(status, p).toBe(200);
      expect(problems, p).toEqual([]);
      expect(await page.page.$eval("h1", (h) => h.textContent ?? ""), p).not.toBe("");
      await phone.visit(server.origin + p);
      const wide = await phone.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      expect(wide, `${p} scrolls sideways at 360 px`).toBe(false);
      await phone.page.evaluate(AXE);
      const violations = await phone.page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
        return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
      });
      expect(violations, p).toEqual([]);
    }
    await page.page.close();
    await phone.page.close();
  });

  it("filters work without JavaScript: open a group, follow a link, see only that unit's exemplars", async () => {
    const page = await WatchedPage.open(browser, { javaScript: false });
    await page.visit(`${server.origin}/dien-hinh/`);
    const group = await page.page.$$("details.filter-group > summary");
    await group[0]?.click();
    await Promise.all([page.page.waitForNavigation(), page.page.click('details.filter-group[open] a[href="/dien-hinh/don-vi/xa-cuong/"]')]);
    expect(new URL(page.page.url()).pathname).toBe("/dien-hinh/don-vi/xa-cuong/");
    const titles = await page.page.$$eval(".card-title", (els) => els.map((e) => e.textContent?.trim()));
    expect(titles.sort()).toEqual(["Hợp tác xã rau sạch thôn Đông", "Ông Phạm Văn Đức hiến đất làm đường"]);
    expect(page.takeProblems()).toEqual([]);
    await page.page.close();
  });

  it("search merges the copied index of the folder source and says which unit sites refuse cross-origin reads", async () => {
    const page = await WatchedPage.open(browser);
    await page.visit(`${server.origin}/tim-kiem/`);
    await page.page.type("#q", "rau sach");
    await page.page.waitForFunction(() => /Tìm thấy|Không tìm thấy|Chưa tải/.test(document.querySelector("[data-search-status]")?.textContent ?? ""), { timeout: 20_000 });
    const links = await page.page.$$eval("[data-search-results] a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain("https://cuong.example.vn/dien-hinh/hop-tac-xa-rau-sach/");
    // The served unit sites send no CORS header, as a host without it would: their indexes are counted, not merged.
    expect(await page.page.$eval("[data-search-status]", (e) => e.textContent)).toContain("Chưa ghép được chỉ mục của 2 đơn vị");
    const unexpected = page.takeProblems().filter((p) => !/CORS|net::ERR_FAILED/.test(p));
    expect(unexpected).toEqual([]);
    await page.page.close();
  });
});

describe("link check", () => {
  it("every page passes the Nu HTML Checker with no error", async () => {
    const pages = listFiles(out).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/") && !f.startsWith("nguon/"));
    expect(await checkHtml(out, pages)).toEqual([]);
  }, 180_000);

  it("every internal link and asset resolves; every link to a unit site's page answers 200 or is its published address", async () => {
    const files = new Set(listFiles(out));
    const published = new Set(
      (JSON.parse(readFileSync(path.join(world.built["xa-cuong"], "api/exemplars.json"), "utf8")) as { exemplars: { url: string }[] }).exemplars.map((e) => e.url),
    );
    published.add("https://cuong.example.vn/");
    published.add("https://cuong.example.vn/tim-kiem/");
    const external = new Set<string>();
    const broken: string[] = [];
    for (const file of [...files].filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"))) {
      const text = read(file);
      for (const [, , raw] of text.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
        const value = (raw as string).replace(/&amp;/g, "&");
        if (value.startsWith("#")) continue;
        if (value.startsWith("/")) {
          const target = fileOf(decodeURIComponent(value.split(/[?#]/)[0] as string));
          if (!files.has(target)) broken.push(`${file}: ${value}`);
        } else external.add(value);
      }
    }
    expect(broken).toEqual([]);
    for (const href of external) {
      const u = new URL(href);
      if (u.hostname === "127.0.0.1") {
        const response = await fetch(href);
        expect(response.status, href).toBe(200);
      } else expect(published.has(href), href).toBe(true);
    }
    expect([...external].filter((h) => h.includes("127.0.0.1")).length).toBeGreaterThan(5);
  });
});

describe("partial failure", () => {
  it("keeps the last good copy of a source that fails later and shows its date", async () => {
    const binhAt = first.outcomes.find((o) => o.id === "phuong-binh")?.snapshot?.readAt as string;
    await world.servers["phuong-binh"]?.close();
    delete world.servers["phuong-binh"];
    const second = await aggregate({ sourcesFile: world.sourcesFile, outDir: out, cwd: world.root, cacheDir: path.join(world.root, "cache"), limits: LIMITS, home: world.root });
    const binh = second.outcomes.find((o) => o.id === "phuong-binh");
    expect(binh?.ok).toBe(false);
    expect(binh?.why).toMatch(/^api\/site\.json: không kết nối được máy chủ/);
    expect(binh?.snapshot?.readAt).toBe(binhAt);
    const q = json<CityQuarter>("bao-cao/2019-q3.json");
    expect(q.sources["phuong-binh"]).toMatchObject({ ok: false, copyOf: binhAt, exemplars: { total: 1 } });
    expect(q.exemplars.total).toBe(1);
    expect(read("index.html")).toMatch(/Không đọc được lần này; dùng bản đọc ngày \d+ tháng \d+ năm \d{4}, \d\d:\d\d/);
    expect(read("dien-hinh/don-vi/phuong-binh/index.html")).toContain("Công an phường Bình giữ bình yên ngõ phố");
  });
});
