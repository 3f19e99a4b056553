import { describe, expect, it } from "vitest";
import { endSentence, markdownBlocks, markdownToPlain } from "../../src/speech/plain.ts";
import { countSyllables, formatClock, formatDuration, readingSeconds, textSeconds } from "../../src/speech/timing.ts";

describe("countSyllables", () => {
  it("counts Vietnamese words, ignoring punctuation", () => {
    expect(countSyllables("Xin chào bà con nhân dân.")).toBe(6);
    expect(countSyllables("  Kết quả đạt được:  tốt ; rất tốt! ")).toBe(7);
    expect(countSyllables("")).toBe(0);
  });
  it("counts digits as the syllables they are read with", () => {
    expect(countSyllables("năm 2019")).toBe(1 + 6); // hai nghìn không trăm mười chín
    expect(countSyllables("số 08")).toBe(1 + 2); // không tám
    expect(countSyllables("21 chi bộ")).toBe(3 + 2); // hai mươi mốt
    expect(countSyllables("ngày 5")).toBe(2);
  });
});

describe("reading time", () => {
  it("rounds up to the second at the announcer's rate", () => {
    expect(readingSeconds(180, 180)).toBe(60);
    expect(readingSeconds(181, 180)).toBe(61);
    expect(readingSeconds(0, 180)).toBe(0);
    expect(textSeconds("Một hai ba bốn năm sáu.", 60)).toBe(6);
  });
  it("formats durations in Vietnamese and as a clock", () => {
    expect(formatDuration(45)).toBe("45 giây");
    expect(formatDuration(60)).toBe("1 phút");
    expect(formatDuration(272)).toBe("4 phút 32 giây");
    expect(formatDuration(900)).toBe("15 phút");
    expect(formatClock(65)).toBe("1:05");
    expect(formatClock(5)).toBe("0:05");
  });
});

describe("markdownBlocks", () => {
  it("keeps paragraphs, headings and list items as plain blocks", () => {
    expect(markdownBlocks("## Cách làm\n\nHọp **tổ** hằng _tháng_.\n\n- Chia việc\n- Kiểm tra\n\n1. Một\n2. Hai")).toEqual([
      "Cách làm",
      "Họp tổ hằng tháng.",
      "Chia việc",
      "Kiểm tra",
      "Một",
      "Hai",
    ]);
  });
  it("reads link text but never the URL, and drops images, tables, code and raw HTML", () => {
    const source = [
      "Xem [trang phường](https://example.vn/p) và ![ảnh](a.jpg) nhé.",
      "",
      "| Cột | Số |",
      "| --- | --- |",
      "| a | 1 |",
      "",
      "```",
      "mã nguồn",
      "```",
      "",
      "<div>khối HTML</div>",
      "",
      "Cuối <b>bài</b>.",
    ].join("\n");
    expect(markdownBlocks(source)).toEqual(["Xem trang phường và nhé.", "Cuối bài."]);
  });
  it("joins blocks as sentences", () => {
    expect(markdownToPlain("Dòng một\n\n- mục hai;\n- mục ba!")).toBe("Dòng một. mục hai. mục ba!");
    expect(endSentence("Xong")).toBe("Xong.");
    expect(endSentence("Xong?")).toBe("Xong?");
  });
});
