// The portal's data derived from a tiny model: facets, people in Vietnamese order, related exemplars, anniversaries.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ContentModel, ExemplarEntry } from "../../src/content/model.ts";
import { derivePortal, nextOccurrence } from "../../src/site/sections/portal.ts";

function exemplar(slug: string, name: string, date: string, kind: "individual" | "collective" = "individual", field = "giao-duc"): ExemplarEntry {
  return {
    type: "exemplar",
    slug,
    file: `exemplars/2019/${slug}.md`,
    absPath: `/nowhere/exemplars/2019/${slug}.md`,
    body: "Nội dung.",
    bodyLine: 10,
    draft: false,
    hash: slug,
    data: { title: `Điển hình ${name}`, kind, subject: { name }, unit: "don-vi-mot", field, date, summary: "Tóm tắt.", achievements: ["Một."], channels: ["portal"] },
  };
}

const site = {
  units: [{ id: "don-vi-mot", name: "Đơn vị Một", group: "office", ward: "phuong-mot" }, { id: "don-vi-hai", name: "Đơn vị Hai", group: "office" }],
  wards: [{ id: "phuong-mot", name: "Phường Một" }],
  fields: [{ id: "giao-duc", name: "Giáo dục" }, { id: "y-te", name: "Y tế" }],
  channels: [{ id: "portal", name: "Cổng" }],
  activityTypes: [{ id: "giao-luu", name: "Giao lưu" }],
  anniversaries: [{ id: "sinh-nhat-bac", name: "Ngày sinh Bác", date: "05-19", since: 1890 }, { id: "lap-dang", name: "Thành lập Đảng", date: "02-03", since: 1930 }],
  document: { bulletinName: "Bản tin" },
};

const model = {
  dir: "/nowhere",
  site,
  exemplars: [
    exemplar("ong-an", "Nguyễn Văn An", "2019-01-05"),
    exemplar("ba-anh", "Trần Thị Ánh", "2019-03-01"),
    exemplar("chi-bich", "Lê Thị Bích", "2018-11-20"),
    exemplar("anh-an-khac", "Đỗ An", "2019-02-01"),
    exemplar("tram-y-te", "Trạm Y tế", "2019-04-01", "collective", "y-te"),
  ],
  plans: [],
  activities: [],
  bulletins: [],
} as unknown as ContentModel;

const portal = derivePortal(model, { approvals: new Map(), images: new Map(), now: new Date("2019-04-10T00:00:00Z") });

describe("derivePortal", () => {
  it("lists exemplars newest first", () => {
    expect(portal.exemplars.map((e) => e.slug)).toEqual(["tram-y-te", "ba-anh", "anh-an-khac", "ong-an", "chi-bich"]);
  });

  it("sorts the individuals' page by given name, then full name, the Vietnamese way", () => {
    const page = portal.listPages.find((p) => p.path === "/dien-hinh/loai/ca-nhan/");
    expect(page?.items.map((e) => e.entry.data.subject.name)).toEqual(["Đỗ An", "Nguyễn Văn An", "Trần Thị Ánh", "Lê Thị Bích"]);
  });

  it("makes a static page for every value of every filter, with counts", () => {
    const counts = Object.fromEntries(portal.facets.map((g) => [g.dimension, g.values.map((v) => `${v.path}=${v.count}`)]));
    expect(counts.kind).toEqual(["/dien-hinh/loai/ca-nhan/=4", "/dien-hinh/loai/tap-the/=1", "/dien-hinh/loai/mo-hinh-hay/=0", "/dien-hinh/loai/cach-lam-hieu-qua/=0"]);
    expect(counts.unit).toEqual(["/dien-hinh/don-vi/don-vi-mot/=5", "/dien-hinh/don-vi/don-vi-hai/=0"]);
    // The ward comes from the unit when the exemplar names none.
    expect(counts.ward).toEqual(["/dien-hinh/phuong/phuong-mot/=5"]);
    expect(counts.year).toEqual(["/dien-hinh/nam/2019/=4", "/dien-hinh/nam/2018/=1"]);
  });

  it("titles each filter as the schema does: the field's title, or its x-facet-title (read from the schema file here)", () => {
    const schema = JSON.parse(readFileSync(new URL("../../schemas/exemplar.schema.json", import.meta.url), "utf8")) as {
      properties: Record<string, { title: string; "x-facet-title"?: string }>;
    };
    const title = (field: string) => schema.properties[field]?.["x-facet-title"] ?? schema.properties[field]?.title;
    expect(Object.fromEntries(portal.facets.map((g) => [g.dimension, g.title]))).toEqual({ kind: title("kind"), unit: title("unit"), ward: title("ward"), field: title("field"), year: title("date") });
    // What a reader sees today, spelled out.
    expect(portal.facets.map((g) => g.title)).toEqual(["Loại điển hình", "Đơn vị đề xuất", "Phường", "Lĩnh vực", "Năm"]);
    expect(portal.facets.find((g) => g.dimension === "year")?.values[0]?.label).toBe("Năm 2019");
    expect(portal.listPages.find((p) => p.path === "/dien-hinh/don-vi/don-vi-mot/")?.title).toBe("Đơn vị đề xuất: Đơn vị Một");
  });

  it("picks up to three related exemplars, never the exemplar itself", () => {
    for (const e of portal.exemplars) {
      expect(e.related.length).toBe(3);
      expect(e.related).not.toContain(e.slug);
    }
    expect(portal.bySlug.get("tram-y-te")?.related).toEqual(["ba-anh", "anh-an-khac", "ong-an"]);
  });

  it("orders anniversaries by their next date with the ordinal of that year", () => {
    expect(portal.anniversaries.map((a) => [a.id, a.next, a.ordinal])).toEqual([
      ["sinh-nhat-bac", "2019-05-19", 129],
      ["lap-dang", "2020-02-03", 90],
    ]);
    expect(nextOccurrence("04-10", "2019-04-10")).toBe("2019-04-10");
  });

  it("counts the current quarter in Hà Nội time", () => {
    expect(portal.quarter).toMatchObject({ label: "Quý II năm 2019", path: "/bao-cao/2019-q2/", exemplars: 1 });
  });
});
