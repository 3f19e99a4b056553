// The plugin as Eleventy's whole configuration: only *.11ty.ts pages are templates; Markdown, HTML, Liquid,
// Nunjucks and ---js front matter placed in the input folder are never read, rendered or run.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import type { ContentModel } from "../../src/content/model.ts";
import { ensureTypeScriptLoader } from "../../src/build/eleventy.ts";
import guongSang, { TEMPLATE_FORMATS } from "../../src/site/plugin.ts";
import type { SiteGlobals } from "../../src/site/globals.ts";

const REPO = path.resolve(import.meta.dirname, "../..");

describe("the plugin", () => {
  it("renders only TypeScript page templates and never runs a template engine or ---js front matter", async () => {
    // Inside the repository (git-ignored .cache/) so the TypeScript loader treats the page like ours.
    await mkdir(path.join(REPO, ".cache"), { recursive: true });
    const root = await mkdtemp(path.join(REPO, ".cache", "gs-plugin-"));
    const input = path.join(root, "pages");
    const output = path.join(root, "out");
    const marker = path.join(root, "da-chay.txt");
    await mkdir(input, { recursive: true });
    const run = `require("fs").writeFileSync(${JSON.stringify(marker)}, "1")`;
    await writeFile(path.join(input, "evil.md"), `---js\n{ permalink: "/evil/", x: ${run} }\n---\n{{ 7 * 7 }}\n`);
    await writeFile(path.join(input, "evil.njk"), `{{ 7 * 7 }}`);
    await writeFile(path.join(input, "evil.liquid"), `{{ 7 | times: 7 }}`);
    await writeFile(path.join(input, "evil.html"), `---js\n{ x: ${run} }\n---\n{{ 7 * 7 }}`);
    await writeFile(path.join(input, "evil.11ty.js"), `module.exports = () => { ${run}; return "x"; };`);
    await writeFile(path.join(input, "evil.11tydata.js"), `${run}; module.exports = {};`);
    await writeFile(
      path.join(input, "ok.11ty.ts"),
      `export const data = { permalink: "/ok.txt" };\nexport function render(d: { gs: { site: { title: string } } }): string { return "ok " + d.gs.site.title; }\n`,
    );
    const model = { dir: root, site: { title: "Thử", baseUrl: "https://example.vn/" }, exemplars: [], plans: [], activities: [], bulletins: [] } as unknown as ContentModel;

    ensureTypeScriptLoader();
    const elev = new Eleventy(input, output, {
      quietMode: true,
      configPath: false,
      config(cfg: { setTemplateFormats(f: string[]): void; addPlugin(p: unknown, o: unknown): void }) {
        cfg.setTemplateFormats(TEMPLATE_FORMATS);
        cfg.addPlugin(guongSang, { model, sections: [] });
      },
    });
    await elev.write();

    expect(await readFile(path.join(output, "ok.txt"), "utf8")).toBe("ok Thử");
    const written = (await readdir(output, { recursive: true })).filter((f) => !f.startsWith("assets"));
    expect(written.sort()).toEqual(["ok.txt", "sitemap.xml"]);
    expect(existsSync(marker)).toBe(false);
    await rm(root, { recursive: true, force: true });
  });

  it("gives every page the validated model and sections as gs, a class instance Eleventy does not copy", async () => {
    const { buildGlobals, SiteGlobals: Globals } = await import("../../src/site/globals.ts");
    const model = { dir: REPO, site: { title: "T", baseUrl: "https://example.vn/thu/" }, exemplars: [], plans: [], activities: [], bulletins: [] } as unknown as ContentModel;
    const gs: SiteGlobals = await buildGlobals(model, [{ id: "a", prepare: async () => 1, data: (_ctx: unknown, n: number) => ({ n }) }], { drafts: false, now: new Date(0), pathPrefix: "guong-sang" });
    expect(gs).toBeInstanceOf(Globals);
    expect(gs.section<{ n: number }>("a").n).toBe(1);
    expect(gs.url("/dien-hinh/")).toBe("/guong-sang/dien-hinh/");
    expect(gs.url("https://x.vn/")).toBe("https://x.vn/");
    expect(gs.absoluteUrl("/lich.ics")).toBe("https://example.vn/thu/lich.ics");
    expect(gs.nav.map((n) => n.label)).toEqual(["Điển hình", "Kế hoạch", "Hoạt động", "Bản tin", "Báo cáo", "Loa truyền thanh", "Lịch", "Tìm kiếm"]);
    expect(() => gs.section("khong-co")).toThrow('Section "khong-co" is not registered');
  });
});
