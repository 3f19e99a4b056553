import { describe, expect, it } from "vitest";
import { parseRoman, readDecimal, readDigits, readNumber } from "../../src/speech/number.ts";

describe("readNumber", () => {
  it.each([
    [0, "không"],
    [1, "một"],
    [4, "bốn"],
    [5, "năm"],
    [10, "mười"],
    [11, "mười một"],
    [14, "mười bốn"],
    [15, "mười lăm"],
    [20, "hai mươi"],
    [21, "hai mươi mốt"],
    [24, "hai mươi tư"],
    [25, "hai mươi lăm"],
    [55, "năm mươi lăm"],
    [90, "chín mươi"],
    [100, "một trăm"],
    [101, "một trăm linh một"],
    [104, "một trăm linh bốn"],
    [105, "một trăm linh năm"],
    [110, "một trăm mười"],
    [111, "một trăm mười một"],
    [115, "một trăm mười lăm"],
    [121, "một trăm hai mươi mốt"],
    [999, "chín trăm chín mươi chín"],
    [1000, "một nghìn"],
    [1005, "một nghìn không trăm linh năm"],
    [1010, "một nghìn không trăm mười"],
    [1021, "một nghìn không trăm hai mươi mốt"],
    [1250, "một nghìn hai trăm năm mươi"],
    [2019, "hai nghìn không trăm mười chín"],
    [10_000, "mười nghìn"],
    [15_000, "mười lăm nghìn"],
    [21_500, "hai mươi mốt nghìn năm trăm"],
    [100_005, "một trăm nghìn không trăm linh năm"],
    [1_000_000, "một triệu"],
    [1_000_001, "một triệu không trăm linh một"],
    [1_050_000, "một triệu không trăm năm mươi nghìn"],
    [2_500_000, "hai triệu năm trăm nghìn"],
    [1_000_000_000, "một tỷ"],
    [3_005_000_000, "ba tỷ không trăm linh năm triệu"],
    [1_000_000_000_000, "một nghìn tỷ"],
    [-5, "âm năm"],
  ])("%d → %s", (n, words) => {
    expect(readNumber(n)).toBe(words);
  });

  it("refuses what is not a whole number", () => {
    expect(() => readNumber(1.5)).toThrow(RangeError);
  });
});

describe("readDecimal and readDigits", () => {
  it("reads the Vietnamese decimal comma as phẩy", () => {
    expect(readDecimal("2", "5")).toBe("hai phẩy năm");
    expect(readDecimal("0", "05")).toBe("không phẩy không năm");
    expect(readDecimal("95", "25")).toBe("chín mươi lăm phẩy hai mươi lăm");
    expect(readDecimal("3", "14159")).toBe("ba phẩy một bốn một năm chín");
  });
  it("reads digits one by one", () => {
    expect(readDigits("08")).toBe("không tám");
  });
});

describe("parseRoman", () => {
  it("reads well-formed numerals and rejects the rest", () => {
    expect(parseRoman("XII")).toBe(12);
    expect(parseRoman("IV")).toBe(4);
    expect(parseRoman("XXI")).toBe(21);
    expect(parseRoman("MCMXLV")).toBe(1945);
    expect(parseRoman("IIII")).toBeUndefined();
    expect(parseRoman("VX")).toBeUndefined();
    expect(parseRoman("")).toBeUndefined();
  });
});
