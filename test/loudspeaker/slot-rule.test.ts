import fc from "fast-check";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { createSlotChecker, syllableBound } from "../../src/content/slot.ts";
import { exemplar, loadTree } from "./helpers.ts";

// Fixture site.yaml: 60 syllables a minute, a 30-second slot, opening "Xin chào phường {phuong}." (5)
// and closing "Hết giờ." (2). Every syllable below was counted by hand.
const THIRTY = "Tổ dân phố số năm phường Hòa Bình luôn giữ đường phố sạch đẹp, trồng cây xanh, giúp nhau lúc khó khăn, được bà con tin yêu và khen ngợi.";

describe("loudspeaker-slot", () => {
  it("warns at the channels line when an exemplar with its own text cannot fit one broadcast", async () => {
    const { findings } = await loadTree({
      "exemplars/2019/to-dan-pho-kieu-mau.md": exemplar({
        title: "Tổ dân phố kiểu mẫu",
        unit: "don-vi-mot",
        date: "2019-04-10",
        summary: "Tổ dân phố đoàn kết.",
        achievements: ["Sạch đẹp"],
        channels: "channels:\n  - portal\n  - loudspeaker",
        extra: `loudspeaker: "${THIRTY}"`,
      }),
    });
    expect(findings.filter((f) => f.rule === "loudspeaker-slot")).toEqual([
      {
        file: "exemplars/2019/to-dan-pho-kieu-mau.md",
        line: 12,
        column: 1,
        severity: "warning",
        rule: "loudspeaker-slot",
        message:
          'Trường "Kênh tuyên truyền" (channels) có kênh loudspeaker, nhưng bài đọc trên loa ước tính 37 giây (kể cả lời mở đầu và lời kết), dài hơn một buổi phát 30 giây (loudspeaker.slotMinutes trong site.yaml). Hãy rút ngắn trường "Bài đọc trên loa" (loudspeaker) cho vừa một buổi phát, hoặc bỏ kênh loudspeaker khỏi trường "Kênh tuyên truyền" (channels).',
      },
    ]);
  });

  it("suggests a shorter loudspeaker text for a generated one, timing a district-wide item with the longest opening", async () => {
    // "Gương sáng." 2 + summary 10 + "Kết quả đạt được: giúp 30 hộ." 8 + "Cách làm hiệu quả: Làm từng việc nhỏ mỗi ngày." 10 = 30, + 7 = 37.
    const { findings } = await loadTree({
      "exemplars/2019/guong-sang.md": exemplar({
        title: "Gương sáng",
        unit: "don-vi-hai",
        date: "2019-04-10",
        summary: "Một hai ba bốn năm sáu bảy tám chín mười.",
        achievements: ["Giúp 30 hộ"],
        channels: "channels: [portal, loudspeaker]",
        extra: "method: Làm từng việc nhỏ mỗi ngày.",
      }),
    });
    const messages = findings.filter((f) => f.rule === "loudspeaker-slot").map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message}`);
    expect(messages).toEqual([
      'exemplars/2019/guong-sang.md:12:1: warning: Trường "Kênh tuyên truyền" (channels) có kênh loudspeaker, nhưng bài đọc trên loa ước tính 37 giây (kể cả lời mở đầu và lời kết), dài hơn một buổi phát 30 giây (loudspeaker.slotMinutes trong site.yaml). Hãy rút gọn trích ngang, kết quả đạt được và cách làm, hoặc viết một bài ngắn hơn ở trường "Bài đọc trên loa" (loudspeaker), hoặc bỏ kênh loudspeaker khỏi trường "Kênh tuyên truyền" (channels).',
    ]);
  });

  it("says nothing when the item fits, or when the exemplar does not name the loudspeaker", async () => {
    const { findings } = await loadTree({
      "exemplars/2019/ngan.md": exemplar({
        title: "Ngắn",
        unit: "don-vi-mot",
        date: "2019-04-10",
        summary: "Tổ dân phố đoàn kết.",
        achievements: ["Sạch đẹp"],
        channels: "channels: [loudspeaker]",
        extra: 'loudspeaker: "Tổ dân phố giữ gìn vệ sinh."',
      }),
      "exemplars/2019/dai-khong-loa.md": exemplar({
        title: "Dài nhưng không lên loa",
        unit: "don-vi-mot",
        date: "2019-04-10",
        summary: THIRTY,
        achievements: [THIRTY],
        channels: "channels: [portal]",
      }),
    });
    expect(findings).toEqual([]);
  });
});

describe("the quick bound of createSlotChecker", () => {
  it("never lets an item through that the exact reading puts over the slot", async () => {
    const { model } = await loadContent(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content"));
    const exact = createSlotChecker(model.site, { exact: true });
    const tricky = {
      ...model.exemplars[0]!.data,
      loudspeaker: "UBND & MTTQ, TDP (khóa XII) ngày 19/5/2019: 1.250.000,5 đồng, 95% — Kế hoạch 08-KH/BTG, 2018-2019, v.v.",
    };
    for (const data of [...model.exemplars.map((e) => e.data), tricky]) {
      const { seconds } = exact(data);
      const site = { ...model.site, loudspeaker: { ...model.site.loudspeaker, slotMinutes: (seconds - 1) / 60 } };
      expect(createSlotChecker(site)(data).fits).toBe(false);
      const roomy = { ...model.site, loudspeaker: { ...model.site.loudspeaker, slotMinutes: seconds / 60 } };
      expect(createSlotChecker(roomy, { exact: true })(data).fits).toBe(true);
    }
  });
});

describe("syllableBound: the quick bound in one pass", () => {
  // The bound's definition, word by word: split at white space; a word whose letters-only part (trailing ,.;:!? set
  // aside) is not a Roman numeral nor an abbreviation counts one; any other word its allowance.
  const byDefinition = (abbreviations: Record<string, string>, text: string): number => {
    const keys = new Set(Object.keys(abbreviations));
    const maxExpansion = Math.max(1, ...Object.values(abbreviations).map((v) => v.split(/\s+/u).length));
    const minKey = Math.max(1, Math.min(...[...keys].map((k) => k.length)));
    let n = 0;
    for (const word of text.split(/\s+/u)) {
      if (!word) continue;
      const bare = word.replace(/[,.;:!?]+$/u, "");
      const plain = /^\p{L}+$/u.test(bare) && !/^[IVXLCDM]+$/.test(bare) && !keys.has(bare) && !keys.has(word);
      n += plain ? 1 : 3 * word.length + maxExpansion * Math.ceil(word.length / minKey);
    }
    return n;
  };
  const ABBREVIATIONS = { UBND: "Ủy ban nhân dân", "TP.": "thành phố", MTTQ: "Mặt trận Tổ quốc", "𝐀𝐁": "a bê" };
  const PIECES = ["UBND", "TP.", "MTTQ", "𝐀𝐁", "XII", "Mai", "người", "𝐀", "\uD835", "\uDC00", "1.250", "95%", ",", ".", "!", "?", ";", ":", "v.v.", "-", " ", "  ", "\u00A0", "\u3000", "\t", "\n", "\u200B", "a", "I"];

  it("agrees with the definition on words made of letters, punctuation, numerals, abbreviations and odd spaces", () => {
    const bound = syllableBound(ABBREVIATIONS);
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => bound(parts.join("")) === byDefinition(ABBREVIATIONS, parts.join(""))), { numRuns: 4000 });
  });

  it("agrees with the definition on arbitrary Unicode text", () => {
    const bound = syllableBound(ABBREVIATIONS);
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => bound(text) === byDefinition(ABBREVIATIONS, text)), { numRuns: 3000 });
  });

  it("counts a plain Vietnamese sentence one per word and an abbreviation by its allowance", () => {
    const bound = syllableBound({ UBND: "Ủy ban nhân dân" });
    expect(bound("Cô Mai dạy học, tận tụy!")).toBe(6);
    // UBND: 3 × 4 + 4 × ⌈4 / 4⌉ = 16.
    expect(bound("UBND phường")).toBe(17);
  });
});
