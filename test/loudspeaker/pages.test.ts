import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser/launch.ts";
import { buildGlobals, type SiteGlobals } from "../../src/site/globals.ts";
import { type LoudspeakerData, loudspeakerSection } from "../../src/site/sections/loudspeaker.ts";
import * as indexPage from "../../src/site/pages/loa/index.11ty.ts";
import * as quarterPage from "../../src/site/pages/loa/quarter.11ty.ts";
import * as scriptPage from "../../src/site/pages/loa/script.11ty.ts";
import * as textPage from "../../src/site/pages/loa/text.11ty.ts";
import { exemplar, loadTree } from "./helpers.ts";

// Two wards (Hòa Bình, An Lạc), 60 syllables a minute, a 30-second slot: Hòa Bình's script overflows.
const FILES = {
  "exemplars/2019/dai.md": exemplar({
    title: "Tổ dân phố số 5 & ngõ xanh",
    unit: "don-vi-mot",
    date: "2019-04-10",
    summary: "Tổ dân phố số 5 giữ ngõ phố xanh, sạch, đẹp suốt nhiều năm liền, được bà con tin yêu.",
    achievements: ["Trồng 120 cây xanh", "Đạt 95% hộ gia đình văn hóa"],
    channels: "channels: [loudspeaker]",
  }),
  "exemplars/2019/ngan.md": exemplar({
    title: "Lớp học tình thương",
    unit: "don-vi-mot",
    date: "2019-05-10",
    summary: "Lớp học miễn phí.",
    achievements: ["Mở lớp"],
    channels: "channels: [loudspeaker]",
    extra: 'loudspeaker: "Lớp học tình thương mở cửa."',
  }),
};

let gs: SiteGlobals;
let browser: Browser;

beforeAll(async () => {
  const { model } = await loadTree(FILES);
  gs = await buildGlobals(model, [loudspeakerSection], { drafts: false, now: new Date("2019-07-01T00:00:00Z"), pathPrefix: "/guong-sang/" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function data(): LoudspeakerData {
  return gs.section<LoudspeakerData>("loudspeaker");
}

describe("loudspeaker pages", () => {
  it("permalinks follow /loa/<yyyy>-q<n>/<ward>/ and <ward>.txt", () => {
    const script = data().scripts[0]!;
    expect(scriptPage.data.permalink({ script })).toBe("/loa/2019-q2/phuong-mot/");
    expect(textPage.data.permalink({ script })).toBe("/loa/2019-q2/phuong-mot.txt");
    expect(quarterPage.data.permalink({ quarter: data().quarters[0]! })).toBe("/loa/2019-q2/");
    expect(data().scripts.map((s) => s.ward.name)).toEqual(["Hòa Bình"]);
  });

  it("the script page shows each item's time, the total against the slot and how to split", () => {
    const page = scriptPage.render({ gs, script: data().scripts[0]! });
    expect(page).toContain("<h1>Phường Hòa Bình · Quý II năm 2019</h1>");
    expect(page).toContain("<strong>Vượt thời lượng.</strong> Vượt thời lượng một buổi phát 30 giây");
    expect(page).toContain("Chia thành 2 buổi");
    expect(page).toMatch(/<tr><td>Bài 1\. Tổ dân phố số 5 &amp; ngõ xanh<\/td><td class="num">\d+ giây<\/td><\/tr>/);
    expect(page).toContain('<tr><td>Bài 2. Lớp học tình thương</td><td class="num">6 giây</td></tr>');
    expect(page).toContain('<tr><th scope="row">Thời lượng một buổi phát</th><td class="num">30 giây</td></tr>');
    expect(page).toContain('<a href="/guong-sang/loa/2019-q2/phuong-mot.txt" download>');
    expect(page).toContain("<p>Tổ dân phố số 5 và ngõ xanh.</p>");
  });

  it("the quarter and index pages list the ward's script and flag the overflow", () => {
    const quarter = quarterPage.render({ gs, quarter: data().quarters[0]! });
    expect(quarter).toContain('<a href="/guong-sang/loa/2019-q2/phuong-mot/">Hòa Bình</a>');
    expect(quarter).toMatch(/<span class="loa-status-over">vượt \d+ giây, chia 2 buổi<\/span>/);
    const index = indexPage.render({ gs });
    expect(index).toContain('<a href="/guong-sang/loa/2019-q2/">Quý II năm 2019</a>: 1 phường, <span class="loa-status-over">1 kịch bản vượt thời lượng</span>');
  });

  it("prints in large type without the site chrome, one item per page only when asked, without JavaScript", async () => {
    const page = await browser.newPage();
    try {
      await page.setJavaScriptEnabled(false);
      await page.setContent(scriptPage.render({ gs, script: data().scripts[0]! }), { waitUntil: "load" });
      const styles = () =>
        page.evaluate(() => {
          const items = [...document.querySelectorAll(".loa-item")].map((el) => getComputedStyle(el).breakBefore);
          const header = document.querySelector(".site-header");
          return {
            items,
            closing: getComputedStyle(document.querySelector(".loa-closing")!).breakBefore,
            header: header ? getComputedStyle(header).display : "missing",
            fontSize: getComputedStyle(document.querySelector(".loa-script")!).fontSize,
          };
        });
      await page.emulateMediaType("print");
      expect(await styles()).toEqual({ items: ["auto", "auto"], closing: "auto", header: "none", fontSize: "22.6667px" });
      await page.emulateMediaType("screen");
      await page.click("label[for=moi-bai-mot-trang]");
      await page.emulateMediaType("print");
      expect(await styles()).toEqual({ items: ["page", "page"], closing: "page", header: "none", fontSize: "22.6667px" });
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.byteLength).toBeGreaterThan(1000);
    } finally {
      await page.close();
    }
  });
});
