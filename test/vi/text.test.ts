import { describe, expect, it } from "vitest";
import { compareByGivenName, givenName, nfc, slugify, sortByGivenName, stripDiacritics } from "../../src/vi/text.ts";

describe("slugify", () => {
  it("maps đ to d and drops every diacritic", () => {
    expect(slugify("Đoàn Thị Hà")).toBe("doan-thi-ha");
    expect(slugify("Nghĩa Đô")).toBe("nghia-do");
    expect(slugify("Trường THCS Dịch Vọng Hậu: “Mỗi tuần một việc tốt”")).toBe("truong-thcs-dich-vong-hau-moi-tuan-mot-viec-tot");
  });
  it("treats decomposed input like composed input", () => {
    expect(slugify("Nghi\u0303a Đô")).toBe("nghia-do");
  });
});

describe("stripDiacritics", () => {
  it("keeps case and maps Đ to D", () => {
    expect(stripDiacritics("ĐẢNG CỘNG SẢN VIỆT NAM")).toBe("DANG CONG SAN VIET NAM");
  });
});

describe("sorting people by given name", () => {
  it("uses the last word, then the full name, in Vietnamese order", () => {
    const names = ["Trần Văn Đức", "Nguyễn Thị Ánh", "Lê Văn An", "Phạm Thị Ánh", "Hoàng Văn Bình", "Vũ Thị Ưng", "Đỗ Văn Dũng"];
    expect(sortByGivenName(names, (n) => n)).toEqual([
      "Lê Văn An",
      "Nguyễn Thị Ánh",
      "Phạm Thị Ánh",
      "Hoàng Văn Bình",
      "Đỗ Văn Dũng",
      "Trần Văn Đức",
      "Vũ Thị Ưng",
    ]);
    expect(givenName("  Nguyễn   Văn  An ")).toBe("An");
    expect(compareByGivenName("Lê Văn An", "Lê Văn An")).toBe(0);
  });
});

describe("nfc", () => {
  it("composes decomposed Vietnamese", () => {
    expect(nfc("Nghi\u0303a")).toBe("Nghĩa");
    expect(nfc("Nghi\u0303a").length).toBe(5);
  });
});
