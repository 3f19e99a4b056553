import { describe, expect, it } from "vitest";
import { createSpeaker, isVietnameseLetter, stumblingCharacters, toSpoken } from "../../src/speech/spoken.ts";

const ABBREVIATIONS = {
  TCCS: "tổ chức cơ sở",
  MTTQ: "Mặt trận Tổ quốc",
  UBND: "Ủy ban nhân dân",
  HĐND: "Hội đồng nhân dân",
  "CT-XH": "chính trị - xã hội",
  CT: "công tác",
  BTG: "Ban Tuyên giáo",
  TU: "Thành ủy",
  TW: "Trung ương",
  TDP: "tổ dân phố",
  "GD&ĐT": "Giáo dục và Đào tạo",
  ĐVTN: "đoàn viên thanh niên",
};
const speaker = createSpeaker(ABBREVIATIONS);
const say = (text: string) => speaker.speak(text);

describe("abbreviations", () => {
  it("expands whole words from the table, longest first, including Đ, hyphens and &", () => {
    expect(say("MTTQ và các tổ chức CT-XH phối hợp với UBND, HĐND phường.")).toBe(
      "Mặt trận Tổ quốc và các tổ chức chính trị, xã hội phối hợp với Ủy ban nhân dân, Hội đồng nhân dân phường.",
    );
    expect(say("Sở GD&ĐT khen 12 ĐVTN.")).toBe("Sở Giáo dục và Đào tạo khen 12 đoàn viên thanh niên.");
  });
  it("leaves words that merely contain an abbreviation, and other cases, alone", () => {
    expect(say("Các TCCSX và tccs không đổi; BTGTU là mã văn bản.")).toBe("Các TCCSX và tccs không đổi; BTGTU là mã văn bản.");
  });
  it("capitalises an expansion that starts a sentence", () => {
    expect(say("TDP số 5 ra quân. TCCS Đảng vững mạnh.")).toBe("Tổ dân phố số 5 ra quân. Tổ chức cơ sở Đảng vững mạnh.");
  });
  it("lists upper-case words the table does not know", () => {
    const spoken = say("HTX Dịch Vọng và LHPN phường, khóa XII, GƯƠNG SÁNG.");
    expect(spoken).toBe("HTX Dịch Vọng và LHPN phường, khóa mười hai, GƯƠNG SÁNG.");
    expect(speaker.unknownAbbreviations(spoken)).toEqual(["HTX", "LHPN"]);
  });
});

describe("dates", () => {
  it.each([
    ["Kỷ niệm 19/5 năm nay.", "Kỷ niệm ngày 19 tháng 5 năm nay."],
    ["Vào ngày 19/5.", "Vào ngày 19 tháng 5."],
    ["Ngày 03/02/2019 chi bộ họp.", "Ngày 3 tháng 2 năm 2019 chi bộ họp."],
    ["Khai mạc 03/02/2019.", "Khai mạc ngày 3 tháng 2 năm 2019."],
    ["Phát động 2019-05-19.", "Phát động ngày 19 tháng 5 năm 2019."],
    ["Hạn chót 31-12-2018.", "Hạn chót ngày 31 tháng 12 năm 2018."],
    ["Từ tháng 5/2019 đến 12/2019.", "Từ tháng 5 năm 2019 đến tháng 12 năm 2019."],
    ["Ngày lập Đảng (03/02), ngày sinh Bác (19/5).", "Ngày lập Đảng, ngày 3 tháng 2, ngày sinh Bác, ngày 19 tháng 5."],
    ["Kết quả Quý I/2019 và quý IV năm 2018.", "Kết quả Quý một năm 2019 và quý bốn năm 2018."],
    ["Năm học 2018-2019, giai đoạn 2016 – 2020.", "Năm học 2018 đến 2019, giai đoạn 2016 đến 2020."],
  ])("%s", (input, spoken) => {
    expect(say(input)).toBe(spoken);
  });
  it("does not make a date of an impossible day and month", () => {
    expect(say("Tỷ lệ 45/60 hộ.")).toBe("Tỷ lệ 45 trên 60 hộ.");
    expect(say("Hạn 30/02/2019.")).toBe("Hạn 30 trên 02 trên 2019.");
  });
  it("reads 24/7 as round the clock unless it follows ngày", () => {
    expect(say("Trực 24/7.")).toBe("Trực hai mươi tư trên bảy.");
    expect(say("Ngày 24/7 tri ân.")).toBe("Ngày 24 tháng 7 tri ân.");
  });
  it("reads clock times", () => {
    expect(say("Phát lúc 6h30 và 17h, họp 08:00.")).toBe("Phát lúc 6 giờ 30 và 17 giờ, họp 8 giờ.");
  });
});

describe("numbers", () => {
  it.each([
    ["Đạt 95% kế hoạch.", "Đạt 95 phần trăm kế hoạch."],
    ["Tăng 12,5% so với năm trước.", "Tăng mười hai phẩy năm phần trăm so với năm trước."],
    ["Có 1.250 hộ tham gia.", "Có một nghìn hai trăm năm mươi hộ tham gia."],
    ["Quyên góp 1.000.000 đồng.", "Quyên góp một triệu đồng."],
    ["Ủng hộ 500.000đ mỗi tháng.", "Ủng hộ năm trăm nghìn đồng mỗi tháng."],
    ["Trồng 2,5 ha cây xanh.", "Trồng hai phẩy năm héc ta cây xanh."],
    ["Tiếp cận 15000 lượt người.", "Tiếp cận mười lăm nghìn lượt người."],
    ["Có 412 đảng viên, 21 chi bộ.", "Có 412 đảng viên, 21 chi bộ."],
    ["Diện tích 120 m2.", "Diện tích 120 mét vuông."],
  ])("%s", (input, spoken) => {
    expect(say(input)).toBe(spoken);
  });
});

describe("document numbers", () => {
  it.each([
    ["Thực hiện Kế hoạch số 08-KH/BTG về tuyên truyền.", "Thực hiện Kế hoạch số 08 của Ban Tuyên giáo về tuyên truyền."],
    ["Theo 08-KH/BTG.", "Theo Kế hoạch số 08 của Ban Tuyên giáo."],
    [
      "Thực hiện Kế hoạch số 127-KH/BTGTU ngày 19/11/2018 của Ban Tuyên giáo Thành ủy Hà Nội.",
      "Thực hiện Kế hoạch số 127 ngày 19 tháng 11 năm 2018 của Ban Tuyên giáo Thành ủy Hà Nội.",
    ],
    ["Căn cứ 127-KH/BTGTU.", "Căn cứ Kế hoạch số 127 của Ban Tuyên giáo Thành ủy."],
    [
      "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị (khóa XII).",
      "Thực hiện Chỉ thị số 05 của Bộ Chính trị, khóa mười hai.",
    ],
    ["Làm theo Chỉ thị 05-CT/TW.", "Làm theo Chỉ thị số 05 của Trung ương."],
    ["Theo Quyết định số 123/QĐ-UBND.", "Theo Quyết định số 123 của Ủy ban nhân dân."],
    ["Theo quyết định 45/QĐ-XYZ.", "Theo quyết định số 45 của XYZ."],
  ])("%s", (input, spoken) => {
    expect(say(input)).toBe(spoken);
  });
});

describe("symbols", () => {
  it("reads & as và, drops quotes, brackets, URLs and stray marks", () => {
    expect(say("Mô hình “Dân vận khéo” & [thí điểm] * xem https://example.vn/bai-viet.")).toBe(
      "Mô hình Dân vận khéo và, thí điểm, xem.",
    );
    expect(say("Liên hệ chibo@example.vn hoặc # 5.")).toBe("Liên hệ hoặc 5.");
  });
  it("turns dashes into pauses and slashes between words into hoặc", () => {
    expect(say("Xanh - sạch - đẹp; nam/nữ; e-mail.")).toBe("Xanh, sạch, đẹp; nam hoặc nữ; e mail.");
  });
  it("ends a Party document mark ./. with a full stop and tidies ellipses", () => {
    expect(say("Triển khai nghiêm túc./.")).toBe("Triển khai nghiêm túc.");
    expect(say("Các ngày lễ lớn,.. và v.v...")).toBe("Các ngày lễ lớn. Và vân vân.");
  });
  it("strips marks that Vietnamese does not use from foreign letters", () => {
    expect(say("Anh François đến thăm.")).toBe("Anh Francois đến thăm.");
  });
});

describe("stumblingCharacters", () => {
  it("accepts Vietnamese letters, digits and spoken punctuation only", () => {
    expect(stumblingCharacters("Đoàn viên Ưng, 95 phần trăm: tốt! Vậy ư? Được.")).toEqual([]);
    expect(stumblingCharacters("a & b (c) – d/e % “f” • g")).toEqual(["&", "(", ")", "–", "/", "%", "“", "”", "•"]);
    expect(isVietnameseLetter("ệ")).toBe(true);
    expect(isVietnameseLetter("ç")).toBe(false);
    expect(isVietnameseLetter("ß")).toBe(false);
  });
  it("finds nothing to stumble on in anything the speaker produces", () => {
    const messy = "• Giúp 1.250 hộ (đạt 95,5%) & 3/4 TDP – xem <b>www.x.vn</b> | ~ 10 km² @ 20°C ≥ 5 №2 … “ok” {x} `y` ^z \\ $";
    const spoken = toSpoken(messy, ABBREVIATIONS);
    expect(stumblingCharacters(spoken)).toEqual([]);
  });
});
