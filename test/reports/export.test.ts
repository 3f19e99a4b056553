import { beforeAll, describe, expect, it } from "vitest";
import type { ContentModel } from "../../src/content/model.ts";
import { csvCell, toCsv } from "../../src/reports/csv.ts";
import { quarterCsv, quarterJson } from "../../src/reports/export.ts";
import { quarterFigures } from "../../src/reports/figures.ts";
import { readCsv } from "./csv-reader.ts";
import { EXPECTED } from "./expected.ts";
import { loadFixture } from "./fixture.ts";

let model: ContentModel;
beforeAll(async () => {
  model = await loadFixture();
});

describe("CSV cells", () => {
  it("neutralise text a spreadsheet would run as a formula", () => {
    expect(["=1+1", "+84 912", "-5", "@SUM(A1)", "\tx", "bình thường"].map(csvCell)).toEqual([
      "'=1+1",
      "'+84 912",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      "bình thường",
    ]);
  });
  it("quote commas, quotes and line breaks as RFC 4180 says, and leave counts alone", () => {
    expect(csvCell('Tập thể "Tổ 5", phường')).toBe('"Tập thể ""Tổ 5"", phường"');
    expect(csvCell("hai\r\ndòng")).toBe('"hai\r\ndòng"');
    expect(csvCell(12)).toBe("12");
  });
  it("write a BOM and CRLF after every row, NFC text", () => {
    expect(toCsv([["a", "Thuỷ".normalize("NFD")], ["b", 2]])).toBe("\uFEFFa,Thuỷ\r\nb,2\r\n");
  });
});

describe("quarter exports", () => {
  it("JSON has exactly the contract shape and key order", () => {
    const text = quarterJson(model.site, quarterFigures(model, { year: 2019, quarter: 1 }));
    expect(text).toBe(`${JSON.stringify(EXPECTED["2019-Q1"], null, 2)}\n`);
  });

  it("CSV lists every total and id with its Vietnamese name, formulas neutralised", () => {
    const csv = quarterCsv(model.site, quarterFigures(model, { year: 2019, quarter: 1 }));
    const expected = [
      "Kỳ báo cáo,Nhóm,Phân loại,Mã,Tên,Số lượng",
      "2019-Q1,Điển hình,Tổng số,,,2",
      "2019-Q1,Điển hình,Loại điển hình,individual,Cá nhân,0",
      "2019-Q1,Điển hình,Loại điển hình,collective,Tập thể,0",
      "2019-Q1,Điển hình,Loại điển hình,model,Mô hình hay,1",
      "2019-Q1,Điển hình,Loại điển hình,practice,Cách làm hiệu quả,1",
      "2019-Q1,Điển hình,Đơn vị đề xuất,don-vi-mot,Đảng ủy xã Một,1",
      "2019-Q1,Điển hình,Đơn vị đề xuất,don-vi-hai,Hội Nông dân huyện,1",
      "2019-Q1,Điển hình,Đơn vị đề xuất,don-vi-ba,'=Đơn vị Ba,0",
      "2019-Q1,Điển hình,Đơn vị đề xuất,don-vi-bon,Ban Tuyên giáo Huyện ủy,0",
      "2019-Q1,Điển hình,Phường,xa-mot,Xã Một,1",
      "2019-Q1,Điển hình,Phường,xa-hai,Xã Hai,0",
      "2019-Q1,Điển hình,Lĩnh vực,kinh-te,Kinh tế,1",
      "2019-Q1,Điển hình,Lĩnh vực,giao-duc,'@Giáo dục,1",
      "2019-Q1,Hoạt động,Tổng số,,,3",
      "2019-Q1,Hoạt động,Loại hoạt động,giao-luu,Giao lưu điển hình,2",
      "2019-Q1,Hoạt động,Loại hoạt động,phat-thanh,Phát thanh,1",
      "2019-Q1,Hoạt động,Kênh tuyên truyền,cong-tin,Cổng thông tin,2",
      "2019-Q1,Hoạt động,Kênh tuyên truyền,loa,Loa truyền thanh,1",
      "2019-Q1,Kế hoạch,Tổng số,,,0",
      "2019-Q1,Bản tin,Tổng số,,,1",
      "2019-Q1,Đơn vị cần đôn đốc,Đơn vị đề xuất,don-vi-ba,'=Đơn vị Ba,0",
    ];
    expect(csv).toBe(`\uFEFF${expected.join("\r\n")}\r\n`);
    const read = readCsv(csv);
    expect(read.bom).toBe(true);
    expect([...read.lineEndings]).toEqual(["\r\n"]);
    expect(read.rows.every((r) => r.length === 6)).toBe(true);
  });
});
