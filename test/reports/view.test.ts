import { beforeAll, describe, expect, it } from "vitest";
import type { ContentModel } from "../../src/content/model.ts";
import { barChart, describeRows } from "../../src/reports/chart.ts";
import { reportDocument } from "../../src/reports/document.ts";
import { reportHead } from "../../src/reports/outline.ts";
import { buildReports, type Reports } from "../../src/reports/figures.ts";
import { reportLabels } from "../../src/reports/labels.ts";
import { changeText, quarterBody, type ViewContext } from "../../src/reports/view.ts";
import { loadFixture, NOW } from "./fixture.ts";

let model: ContentModel;
let reports: Reports;
let ctx: ViewContext;
beforeAll(async () => {
  model = await loadFixture();
  reports = buildReports(model, NOW);
  ctx = { site: model.site, labels: reportLabels(model.site), url: (p) => `/prefix${p}`, published: new Set(reports.quarters.map((q) => q.data.period)) };
});
const quarter = (id: string) => reports.quarters.find((r) => r.data.period === id)!;

describe("bar chart", () => {
  it("is an SVG image with title and description, followed by a table of the same figures", () => {
    const out = barChart({ id: "c1", title: "Điển hình theo loại", dimension: "Loại", rows: [{ label: "Cá nhân", value: 2 }, { label: "Tập thể", value: 0 }], total: 2 }).toString();
    expect(out).toContain('<svg class="bar-chart" role="img" aria-labelledby="c1-title c1-desc"');
    expect(out).toContain('<title id="c1-title">Điển hình theo loại</title>');
    expect(out).toContain('<desc id="c1-desc">Số lượng cao nhất: Cá nhân (2). 1 mục lớn hơn 0, 1 mục bằng 0.</desc>');
    expect(out).toContain('<tr><th scope="row">Cá nhân</th><td class="num">2</td></tr>');
    expect(out).toContain('<tr><th scope="row">Tập thể</th><td class="num">0</td></tr>');
    expect(out).toContain('<tfoot><tr><th scope="row">Tổng số</th><td class="num">2</td></tr></tfoot>');
    expect(out).not.toContain("<script");
  });
  it("scales the longest bar to the chart width and draws a zero as no bar", () => {
    const out = barChart({ id: "c", title: "t", dimension: "d", rows: [{ label: "a", value: 4 }, { label: "b", value: 1 }, { label: "c", value: 0 }] }).toString();
    expect([...out.matchAll(/<rect class="bar"[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]))).toEqual([592, 148, 0]);
  });
  it("describes empty and all-zero charts in words", () => {
    expect(describeRows([], "Số lượng")).toBe("Không có số liệu.");
    expect(describeRows([{ label: "a", value: 0 }, { label: "b", value: 0 }], "Số lượng")).toBe("Tất cả 2 mục đều bằng 0.");
  });
  it("escapes names from site.yaml", () => {
    const out = barChart({ id: "x", title: "<b>t</b>", dimension: "d", rows: [{ label: `<img src=x onerror="alert(1)">`, value: 1 }] }).toString();
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});

describe("quarter page", () => {
  it("lists the units to follow up with their activity and their last exemplar", () => {
    const body = quarterBody(ctx, quarter("2019-Q2")).toString();
    expect(body).toContain("<h2 id=\"2019-q2-don-doc\">Đơn vị cần đôn đốc: 2</h2>");
    expect(body).toContain("<li><strong>Hội Nông dân huyện</strong>: 1 hoạt động trong kỳ; điển hình gần nhất ngày 31 tháng 3 năm 2019.</li>");
    expect(body).toContain("<li><strong>=Đơn vị Ba</strong>: chưa đề xuất điển hình nào.</li>");
    expect(body).not.toContain("Ban Tuyên giáo Huyện ủy</strong>");
  });
  it("links the downloads and the previous quarter through the site's URL function", () => {
    const body = quarterBody(ctx, quarter("2019-Q1")).toString();
    expect(body).toContain('href="/prefix/bao-cao/2019-q1.pdf"');
    expect(body).toContain('href="/prefix/bao-cao/2019-q1.csv"');
    expect(body).toContain('href="/prefix/bao-cao/2019-q1.json"');
    expect(body).toContain('<a href="/prefix/bao-cao/2018-q4/">Quý IV năm 2018</a>');
    expect(body).toContain('<a href="/prefix/dien-hinh/dau-quy-mot/">');
    expect(body).toContain("Hoạt động giao-luu-lap-dang</strong> (Giao lưu điển hình, ngày 3 tháng 2 năm 2019, Đảng ủy xã Một, 80 người tham dự): nhân Ngày thành lập Đảng");
    expect(body).toContain("<li>Ngày sinh Chủ tịch Hồ Chí Minh (lần thứ 129), ngày 19 tháng 5 năm 2019</li>");
  });
  it("says changes in words", () => {
    expect([changeText(2), changeText(-1), changeText(0)]).toEqual(["tăng 2", "giảm 1", "không đổi"]);
  });
});

describe("printable report", () => {
  it("takes the subject, the plan and the recipients from content, nothing from code", () => {
    const head = reportHead(model, { year: 2019, quarter: 1 });
    expect(head.plan?.slug).toBe("05-kh-btg");
    expect(head.subject).toBe("Kết quả tuyên truyền điển hình tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh quý I năm 2019");
    expect(head.recipients).toEqual(["Thường trực Huyện ủy", "Ban Tuyên giáo Tỉnh ủy", "Lưu VP"]);
    // Before the plan was issued (and ignoring the draft plan) there is no plan to report on.
    const before = reportHead(model, { year: 2018, quarter: 3 });
    expect(before.plan).toBeUndefined();
    expect(before.subject).toBe("Kết quả tuyên truyền chuyên mục thử quý III năm 2018");
    expect(before.recipients).toEqual(["Lưu"]);
  });
  it("prints site.yaml's report recipients, in order, when it names them", () => {
    const site = { ...model.site, reports: { recipients: ["Thường trực Huyện ủy", "Lưu"] } };
    expect(reportHead({ ...model, site }, { year: 2019, quarter: 1 }).recipients).toEqual(["Thường trực Huyện ủy", "Lưu"]);
    expect(reportHead({ ...model, site }, { year: 2018, quarter: 3 }).recipients).toEqual(["Thường trực Huyện ủy", "Lưu"]);
  });
  it("lays the document out as a Party report", () => {
    const doc = reportDocument(model, reportLabels(model.site), quarter("2019-Q1"));
    const text = doc.replace(/<[^>]+>/g, " ").replace(/&nbsp;/g, " ").replace(/\s+/g, " ");
    expect(doc).toContain('<html lang="vi">');
    expect(text).toContain("ĐẢNG BỘ HUYỆN THỬ BAN TUYÊN GIÁO HUYỆN ỦY THỬ * Số -BC/BTG");
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM Thị trấn Thử, ngày tháng năm 2019");
    expect(text).toContain("BÁO CÁO Kết quả tuyên truyền điển hình tiêu biểu");
    expect(text).toContain("Thực hiện Kế hoạch số 05-KH/BTG ngày 10/12/2018 của Ban Tuyên giáo Huyện ủy Thử");
    expect(text).toContain("Trong quý, 2 đơn vị đã đề xuất, giới thiệu 2 điển hình tiêu biểu, gồm: 1 mô hình hay, 1 cách làm hiệu quả.");
    expect(text).toContain("Tổ chức 3 hoạt động: 2 giao lưu điển hình, 1 phát thanh.");
    expect(text).toContain("So với quý IV năm 2018, số điển hình không đổi, số hoạt động tăng 2");
    expect(text).toContain("Còn 1/3 đơn vị thuộc diện gửi điển hình chưa đề xuất điển hình trong quý: - =Đơn vị Ba (chưa đề xuất điển hình nào);");
    expect(text).toContain("III. PHƯƠNG HƯỚNG QUÝ II NĂM 2019");
    expect(text).toContain("Nơi nhận: - Thường trực Huyện ủy, - Ban Tuyên giáo Tỉnh ủy, - Lưu VP.");
    expect(text).toContain("TRƯỞNG BAN Trần Văn Thử");
    expect(doc).toContain("@font-face");
    expect(doc).toContain("url(../../../assets/print/fonts/");
  });
});
