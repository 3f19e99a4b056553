// loadContent: the model and the basic contract (never throws, drafts, sorting).
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { check, EXEMPLAR, withLine, writeTree } from "./helpers.ts";

describe("loadContent", () => {
  it("loads a valid exemplar into the model with no findings", async () => {
    const dir = await writeTree({ "exemplars/2019/co-giao-mai.md": EXEMPLAR });
    const { model, findings } = await loadContent(dir, { cwd: dir });
    expect(findings).toEqual([]);
    expect(model.exemplars.map((e) => e.slug)).toEqual(["co-giao-mai"]);
    const [entry] = model.exemplars;
    expect(entry?.data.date).toBe("2019-03-15");
    expect(entry?.body).toBe("Bài viết về cô giáo.\n");
    expect(entry?.bodyLine).toBe(18);
    expect(entry?.file).toBe("exemplars/2019/co-giao-mai.md");
    expect(model.site.units.map((u) => u.id)).toEqual(["don-vi-mot", "don-vi-hai"]);
  });

  it("keeps drafts out of the model unless asked, but validates them", async () => {
    const draft = withLine(EXEMPLAR, "consent: true\n", "consent: true\ndraft: true\nkind2: x\n");
    const dir = await writeTree({ "exemplars/2019/nhap.md": draft, "exemplars/2019/co-giao-mai.md": EXEMPLAR });
    const plain = await loadContent(dir, { cwd: dir });
    expect(plain.model.exemplars.map((e) => e.slug)).toEqual(["co-giao-mai"]);
    expect(plain.findings.map((f) => f.rule)).toEqual(["schema-unknown-key"]);
    const fixed = withLine(EXEMPLAR, "consent: true\n", "consent: true\ndraft: true\n");
    const dir2 = await writeTree({ "exemplars/2019/nhap.md": fixed });
    expect((await loadContent(dir2, { cwd: dir2 })).model.exemplars).toEqual([]);
    expect((await loadContent(dir2, { cwd: dir2, drafts: true })).model.exemplars.map((e) => e.draft)).toEqual([true]);
  });

  it("collects every finding and sorts by file, line and column", async () => {
    const bad = withLine(withLine(EXEMPLAR, "kind: individual", "kind: person"), "date: 2019-03-15", "date: 2019-02-30");
    expect(await check({ "exemplars/2019/b.md": bad, "exemplars/2019/a.md": bad })).toEqual([
      'exemplars/2019/a.md:3:7: error: Trường "Loại điển hình" (kind) phải là một trong: individual (Cá nhân), collective (Tập thể), model (Mô hình hay), practice (Cách làm hiệu quả); đang ghi "person". (schema-enum)',
      "exemplars/2019/a.md:11:7: error: Ngày không hợp lệ: 2019-02-30 (date-invalid)",
      'exemplars/2019/b.md:3:7: error: Trường "Loại điển hình" (kind) phải là một trong: individual (Cá nhân), collective (Tập thể), model (Mô hình hay), practice (Cách làm hiệu quả); đang ghi "person". (schema-enum)',
      "exemplars/2019/b.md:11:7: error: Ngày không hợp lệ: 2019-02-30 (date-invalid)",
    ]);
  });
});

describe("front matter engine", () => {
  it("never fills gray-matter's string-keyed cache (options are always passed)", async () => {
    const matter = (await import("gray-matter")).default as unknown as { cache: Record<string, unknown> };
    const dir = await writeTree({ "exemplars/2019/co-giao-mai.md": EXEMPLAR });
    await loadContent(dir, { cwd: dir });
    expect(Object.keys(matter.cache)).toEqual([]);
  });

  it("names a badly formed key in a map with propertyNames (site.yaml abbreviations)", async () => {
    const { readFile } = await import("node:fs/promises");
    const { MINIMAL_SITE } = await import("./helpers.ts");
    const site = (await readFile(MINIMAL_SITE, "utf8")).replace("    TCCS: tổ chức cơ sở", "    TCCS: tổ chức cơ sở\n    quá dài và có dấu cách: x");
    expect(await check({ "site.yaml": site })).toEqual([
      `site.yaml:57:5: error: Tên "quá dài và có dấu cách" trong trường "Chữ viết tắt" (loudspeaker.abbreviations) không đúng dạng (Chữ viết tắt và cách đọc đầy đủ, ví dụ TCCS: tổ chức cơ sở). (schema-pattern)`,
    ]);
  });
});
