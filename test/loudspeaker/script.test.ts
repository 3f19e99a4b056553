import { describe, expect, it } from "vitest";
import { buildScripts, splitIntoBroadcasts } from "../../src/loudspeaker/script.ts";
import { scriptPlainText, slotVerdict } from "../../src/loudspeaker/text.ts";
import { exemplar, loadTree } from "./helpers.ts";

// Fixture site.yaml: 60 syllables a minute (a syllable a second), a 30-second slot,
// opening "Xin chào phường {phuong}." (5 syllables) and closing "Hết giờ." (2). Counts are by hand.
const FILES = {
  // Hòa Bình's own (its unit sits in phuong-mot): 7 + 16 + 29 + 13 = 65 syllables.
  "exemplars/2019/to-dan-pho-so-5.md": exemplar({
    title: "TDP số 5 sạch đẹp",
    unit: "don-vi-mot",
    date: "2019-04-10",
    summary: "TDP số 5 phối hợp với [UBND phường](https://example.vn/ubnd) giữ **vệ sinh**.",
    achievements: ["Trồng 120 cây xanh", "Đạt 95% hộ gia đình văn hóa", "Được UBND khen"],
    channels: "channels: [portal, loudspeaker]",
    extra: "method: |\n  - Họp tổ hằng tháng\n  - Chia việc cho từng nhà",
  }),
  // District-wide (unit without a ward): 10 syllables.
  "exemplars/2019/tam-guong-chung.md": exemplar({
    title: "Tấm gương chung",
    unit: "don-vi-hai",
    date: "2019-05-02",
    summary: "Gương chung của quận.",
    achievements: ["Phát động phong trào"],
    channels: "channels: [loudspeaker]",
    extra: 'loudspeaker: "Quận phát động phong trào ngày 19/5."',
  }),
  // An Lạc's own through its `ward`: 6 syllables.
  "exemplars/2019/lop-hoc-tinh-thuong.md": exemplar({
    title: "Lớp học tình thương",
    unit: "don-vi-hai",
    ward: "phuong-hai",
    date: "2019-06-01",
    summary: "Lớp học miễn phí.",
    achievements: ["Mở lớp"],
    channels: "channels: [loudspeaker]",
    extra: 'loudspeaker: "Lớp học tình thương mở cửa."',
  }),
  // Another quarter, district-wide: 2 syllables.
  "exemplars/2019/quy-ba.md": exemplar({
    title: "Quý ba",
    unit: "don-vi-hai",
    date: "2019-07-15",
    summary: "Quý ba.",
    achievements: ["Quý ba"],
    channels: "channels: [loudspeaker]",
    extra: 'loudspeaker: "Quý ba."',
  }),
  // Not on the loudspeaker.
  "exemplars/2019/chi-tren-cong.md": exemplar({
    title: "Chỉ trên cổng",
    unit: "don-vi-mot",
    date: "2019-04-20",
    summary: "Không đọc trên loa.",
    achievements: ["Không"],
    channels: "channels: [portal]",
  }),
  "activities/2019/phat-thanh-19-5.md": [
    "---",
    "title: Phát thanh kỷ niệm ngày sinh Bác",
    "type: phat-thanh",
    "date: 2019-05-19T06:30:00+07:00",
    "unit: don-vi-hai",
    "ward: phuong-hai",
    "channel: loudspeaker",
    "exemplars: [lop-hoc-tinh-thuong, tam-guong-chung]",
    "durationMinutes: 1",
    "---",
    "",
  ].join("\n"),
};

async function scripts() {
  const { model, findings } = await loadTree(FILES);
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  return buildScripts(model);
}

describe("buildScripts", () => {
  it("makes a script per ward and quarter with the ward's own items first, then district-wide ones", async () => {
    const quarters = await scripts();
    expect(quarters.map((q) => [q.slug, q.scripts.map((s) => [s.ward.name, s.items.map((i) => i.slug)])])).toEqual([
      ["2019-q2", [["Hòa Bình", ["to-dan-pho-so-5", "tam-guong-chung"]], ["An Lạc", ["lop-hoc-tinh-thuong", "tam-guong-chung"]]]],
      ["2019-q3", [["Hòa Bình", ["quy-ba"]], ["An Lạc", ["quy-ba"]]]],
    ]);
    const [q2] = quarters;
    expect(q2?.scripts[0]?.url).toBe("/loa/2019-q2/phuong-mot/");
    expect(q2?.scripts[0]?.textUrl).toBe("/loa/2019-q2/phuong-mot.txt");
    expect(q2?.label).toBe("Quý II năm 2019");
  });

  it("reads an exemplar as flowing sentences: no Markdown, no link, abbreviations and numbers spoken", async () => {
    const item = (await scripts())[0]?.scripts[0]?.items[0];
    expect(item?.source).toBe("generated");
    expect(item?.paragraphs).toEqual([
      "Tổ dân phố số 5 sạch đẹp.",
      "Tổ dân phố số 5 phối hợp với Ủy ban nhân dân phường giữ vệ sinh.",
      "Kết quả đạt được: trồng 120 cây xanh; đạt 95 phần trăm hộ gia đình văn hóa; và được Ủy ban nhân dân khen.",
      "Cách làm hiệu quả: Họp tổ hằng tháng. Chia việc cho từng nhà.",
    ]);
    expect(item?.syllables).toBe(65);
    expect(item?.seconds).toBe(65);
  });

  it("reads the exemplar's own loudspeaker text instead, still normalised", async () => {
    const item = (await scripts())[0]?.scripts[0]?.items[1];
    expect(item?.source).toBe("override");
    expect(item?.paragraphs).toEqual(["Quận phát động phong trào ngày 19 tháng 5."]);
    expect(item?.seconds).toBe(10);
  });

  it("frames each script with the ward's opening and closing and totals it against the slot", async () => {
    const [hoaBinh, anLac] = (await scripts())[0]?.scripts ?? [];
    expect(hoaBinh?.opening?.paragraphs).toEqual(["Xin chào phường Hòa Bình."]);
    expect(hoaBinh?.closing?.paragraphs).toEqual(["Hết giờ."]);
    expect([hoaBinh?.seconds, hoaBinh?.slotSeconds, hoaBinh?.fits]).toEqual([82, 30, false]);
    expect(hoaBinh?.parts).toEqual([
      { items: [0], seconds: 72, overSlot: true },
      { items: [1], seconds: 17, overSlot: false },
    ]);
    expect(slotVerdict(hoaBinh!)).toBe(
      "Vượt thời lượng một buổi phát 30 giây là 52 giây. Chia thành 2 buổi, mỗi buổi có lời mở đầu và lời kết: buổi 1: bài 1 (1 phút 12 giây, một bài đã dài hơn buổi phát, cần rút gọn); buổi 2: bài 2 (17 giây).",
    );
    expect([anLac?.seconds, anLac?.fits]).toEqual([23, true]);
    expect(slotVerdict(anLac!)).toBe("Vừa một buổi phát 30 giây (còn dư 7 giây).");
  });

  it("adds a broadcast script for an activity on the loudspeaker channel, timed against its duration", async () => {
    const [broadcast, ...rest] = (await scripts())[0]?.broadcasts ?? [];
    expect(rest).toEqual([]);
    expect(broadcast?.ward.name).toBe("An Lạc");
    expect(broadcast?.activity).toEqual({ slug: "phat-thanh-19-5", title: "Phát thanh kỷ niệm ngày sinh Bác", file: "activities/2019/phat-thanh-19-5.md", date: "2019-05-19" });
    expect(broadcast?.title).toBe("Phường An Lạc · Buổi phát ngày 19 tháng 5 năm 2019");
    expect(broadcast?.url).toBe("/loa/2019-q2/phuong-hai/phat-thanh-19-5/");
    expect(broadcast?.items.map((i) => i.slug)).toEqual(["lop-hoc-tinh-thuong", "tam-guong-chung"]);
    expect([broadcast?.seconds, broadcast?.slotSeconds, broadcast?.fits]).toEqual([23, 60, true]);
  });

  it("writes the plain-text file with a BOM and every part's reading time", async () => {
    const anLac = (await scripts())[0]?.scripts[1];
    const { model } = await loadTree(FILES);
    expect(scriptPlainText(anLac!, model.site)).toBe(
      [
        "\uFEFFKỊCH BẢN PHÁT THANH TRÊN LOA TRUYỀN THANH",
        "Phường An Lạc · Quý II năm 2019",
        "Tốc độ đọc 60 tiếng một phút. Tổng thời gian đọc ước tính 23 giây.",
        "Vừa một buổi phát 30 giây (còn dư 7 giây).",
        "",
        "[0:05] LỜI MỞ ĐẦU",
        "",
        "Xin chào phường An Lạc.",
        "",
        "[0:06] BÀI 1. Lớp học tình thương",
        "",
        "Lớp học tình thương mở cửa.",
        "",
        "[0:10] BÀI 2. Tấm gương chung",
        "",
        "Quận phát động phong trào ngày 19 tháng 5.",
        "",
        "[0:02] LỜI KẾT",
        "",
        "Hết giờ.",
        "",
      ].join("\n"),
    );
  });
});

describe("splitIntoBroadcasts", () => {
  it("packs consecutive items while opening, items and closing stay within the slot", () => {
    expect(splitIntoBroadcasts([100, 200, 300, 50], 60, 400)).toEqual([
      { items: [0, 1], seconds: 360, overSlot: false },
      { items: [2], seconds: 360, overSlot: false },
      { items: [3], seconds: 110, overSlot: false },
    ]);
    expect(splitIntoBroadcasts([], 60, 400)).toEqual([]);
  });
});
