// Text, file-placement and cross-file rules: a passing and a failing case each, asserting the exact printed line.
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { A, ACTIVITY, B, BULLETIN, cases, check, COLLECTIVE, E, EXEMPLAR, line, MINIMAL_SITE, P, PLAN, VALID, variant, withLine, writeTree, type Tree } from "./helpers.ts";

const ex = (from: string, to: string): Tree => variant({ [E]: withLine(EXEMPLAR, from, to) });
const act = (from: string, to: string): Tree => variant({ [A]: withLine(ACTIVITY, from, to) });
const bul = (from: string, to: string): Tree => variant({ [B]: withLine(BULLETIN, from, to) });
// A real 2 × 2 PNG: images are decoded at validation time.
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000000970485973000003e8000003e801b57b526b0000001249444154789c6338636c7cc6d8980142010023ea04c94d941dc90000000049454e44ae426082", "hex");

describe("encoding", () => {
  it("accepts a UTF-8 BOM and CRLF line endings", async () => {
    const crlf = `\uFEFF${EXEMPLAR.replace(/\n/g, "\r\n")}`;
    const dir = await writeTree(variant({ [E]: crlf }));
    const { model, findings } = await loadContent(dir, { cwd: dir });
    expect(findings).toEqual([]);
    const entry = model.exemplars[0];
    expect(entry?.data.title).toBe("Cô giáo gương mẫu");
    expect(entry?.body).toBe("Bài viết về cô giáo.\r\n");
    expect(entry?.bodyLine).toBe(18);
  });
});

cases("encoding-invalid", [
  {
    name: "a stray Latin-1 byte names its line",
    bad: variant({ [E]: Buffer.concat([Buffer.from(EXEMPLAR.split("summary:")[0] as string), Buffer.from("summary: Co giao t"), Buffer.from([0xe2]), Buffer.from("n tuy.\n"), Buffer.from(`achievements:${EXEMPLAR.split("achievements:")[1]}`)]) }),
    expected: [`${E}:12:19: error: Tệp không phải UTF-8: dòng 12 có byte không hợp lệ. Hãy mở tệp bằng trình soạn thảo và lưu lại với mã UTF-8. (encoding-invalid)`],
  },
  {
    name: "a file saved in TCVN3 says so",
    // "Trường học tốt của Việt Nam" in TCVN3 (ABC) bytes: ư=AD ờ=EA ọ=E4 ố=E8 ủ=F1 ệ=D6.
    bad: variant({ [E]: Buffer.concat([Buffer.from(EXEMPLAR.split("summary:")[0] as string), Buffer.from("summary: Tr"), Buffer.from([0xad, 0xea]), Buffer.from("ng h"), Buffer.from([0xe4]), Buffer.from("c t"), Buffer.from([0xe8]), Buffer.from("t c"), Buffer.from([0xf1]), Buffer.from("a Vi"), Buffer.from([0xd6]), Buffer.from("t Nam.\n"), Buffer.from(`achievements:${EXEMPLAR.split("achievements:")[1]}`)]) }),
    expected: [
      `${E}:12:12: error: Tệp không phải UTF-8: dòng 12 có byte không hợp lệ. Có vẻ tệp được gõ bằng bảng mã cũ TCVN3; hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, đích Unicode) rồi lưu lại với mã UTF-8. (encoding-invalid)`,
    ],
  },
]);

cases("encoding-legacy", [
  {
    name: "TCVN3 text pasted into a UTF-8 file",
    bad: ex("summary: Cô giáo tận tụy với học sinh nghèo.", "summary: Tr\u00adêng häc tèt cña ViÖt Nam."),
    expected: [
      `${E}:12:1: warning: Dòng này có vẻ được gõ bằng bảng mã cũ TCVN3, không phải Unicode, nên sẽ hiện sai dấu. Hãy chuyển mã sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, nguồn TCVN3, đích Unicode). (encoding-legacy)`,
    ],
  },
  {
    name: "VNI text pasted into a UTF-8 file",
    bad: ex("summary: Cô giáo tận tụy với học sinh nghèo.", "summary: Ngöôøi toát cuûa Vieät Nam."),
    expected: [
      `${E}:12:1: warning: Dòng này có vẻ được gõ bằng bảng mã cũ VNI, không phải Unicode, nên sẽ hiện sai dấu. Hãy chuyển mã sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, nguồn VNI, đích Unicode). (encoding-legacy)`,
    ],
  },
]);

describe("unicode-nfc", () => {
  it("decomposed Vietnamese is an error, and the model holds NFC", async () => {
    const nfd = "Cô giáo tận tụy".normalize("NFD");
    const tree = ex("summary: Cô giáo tận tụy với học sinh nghèo.", `summary: ${nfd} với học sinh nghèo.`);
    expect(await check(VALID)).toEqual([]);
    expect(await check(tree)).toEqual([
      `${E}:12:11: error: Chữ tiếng Việt chưa ở dạng Unicode dựng sẵn (NFC): dấu được gõ tách rời khỏi chữ. Chạy npm run validate -- --fix để sửa tự động. (unicode-nfc)`,
    ]);
    const dir = await writeTree(tree);
    const { model } = await loadContent(dir, { cwd: dir, drafts: true });
    expect(model.exemplars).toEqual([]); // a file with errors is not in the model
  });
});

cases("unicode-invisible", [
  {
    name: "a zero-width space in the title",
    bad: ex("title: Cô giáo gương mẫu", "title: Cô giáo\u200B gương mẫu"),
    expected: [`${E}:2:15: error: Ký tự vô hình: dấu cách độ rộng 0 (U+200B). Hãy xóa ký tự này (thường lẫn vào khi sao chép từ trang web hoặc Word). (unicode-invisible)`],
  },
  {
    name: "a stray BOM inside the body",
    bad: variant({ [E]: `${EXEMPLAR}Đoạn hai\uFEFF.\n` }),
    expected: [`${E}:19:9: error: Ký tự vô hình: dấu BOM lạc giữa tệp (U+FEFF). Hãy xóa ký tự này (thường lẫn vào khi sao chép từ trang web hoặc Word). (unicode-invisible)`],
  },
]);

cases("unicode-bidi", [
  {
    name: "a right-to-left override in the body",
    bad: variant({ [E]: `${EXEMPLAR}\u202Egnal\n` }),
    expected: [`${E}:19:1: error: Ký tự điều khiển hướng chữ U+202E có thể làm văn bản hiện khác với nội dung thật. Hãy xóa ký tự này. (unicode-bidi)`],
  },
]);

cases("unicode-control", [
  {
    name: "a bell character in the body",
    ok: variant({ [E]: `${EXEMPLAR}Cột\tcó tab.\n` }),
    bad: variant({ [E]: `${EXEMPLAR}Chuông\u0007.\n` }),
    expected: [`${E}:19:7: error: Ký tự điều khiển U+0007 không được phép trong văn bản. Hãy xóa ký tự này. (unicode-control)`],
  },
]);

cases("body-empty", [
  {
    name: "an exemplar without an article (an activity may have none)",
    bad: variant({ [E]: EXEMPLAR.replace("Bài viết về cô giáo.\n", "\n  \n") }),
    expected: [`${E}:17:1: error: Phần nội dung sau dòng --- thứ hai đang trống: điển hình phải có bài viết. Hãy viết nội dung bên dưới dòng này. (body-empty)`],
  },
  {
    name: "a bulletin without its editorial",
    bad: variant({ [B]: BULLETIN.replace("Lời tòa soạn.\n", "") }),
    expected: [`${B}:9:1: error: Phần nội dung sau dòng --- thứ hai đang trống: bản tin phải có bài viết. Hãy viết nội dung bên dưới dòng này. (body-empty)`],
  },
]);

cases("file-name", [
  {
    name: "a file name with capitals and spaces",
    bad: variant({ "exemplars/2019/Cô Giáo Hà.md": COLLECTIVE }),
    expected: [`exemplars/2019/Cô Giáo Hà.md:1:1: error: Tên tệp "Cô Giáo Hà.md" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ co-giao-ha.md. (file-name)`],
  },
]);

cases("year-folder", [
  {
    name: "a two-digit year folder",
    bad: variant({ "exemplars/19/tap-the.md": COLLECTIVE }),
    expected: [`exemplars/19/tap-the.md:1:1: error: Thư mục năm "19" phải là năm bốn chữ số: tệp đặt ở exemplars/<năm>/tap-the.md, ở đây là exemplars/2019/tap-the.md. (year-folder)`],
  },
]);

cases("year-mismatch", [
  {
    name: "a 2019 exemplar in the 2018 folder (a warning)",
    bad: { ...VALID, [E]: undefined, "exemplars/2018/co-giao-mai.md": EXEMPLAR },
    expected: [`exemplars/2018/co-giao-mai.md:11:7: warning: Trường "Ngày đề xuất" (date) thuộc năm 2019 nhưng tệp nằm trong thư mục exemplars/2018/; nên chuyển tệp sang exemplars/2019/. (year-mismatch)`],
  },
]);

cases("bulletin-file", [
  {
    name: "a bulletin not named <yyyy>-<nn>.md",
    bad: { ...VALID, [B]: undefined, "bulletins/so-1.md": BULLETIN },
    expected: [`bulletins/so-1.md:1:1: error: Tên tệp bản tin phải có dạng <năm>-<số>.md (số hai chữ số), ví dụ bulletins/2019-01.md; đang là "so-1.md". (bulletin-file)`],
  },
]);

cases("bulletin-number", [
  {
    name: "number 2 in 2019-01.md",
    bad: bul("number: 1", "number: 2"),
    expected: [`${B}:2:9: error: Trường "Số bản tin" (number) là 2 nhưng tên tệp là 2019-01.md; hãy sửa số thành 1 hoặc đổi tên tệp thành 2019-02.md. (bulletin-number)`],
  },
]);

cases("bulletin-year", [
  {
    name: "a 2018 date in 2019-01.md",
    bad: bul("date: 2019-05-25", "date: 2018-12-25"),
    expected: [`${B}:3:7: error: Trường "Ngày phát hành" (date) thuộc năm 2018 nhưng tên tệp ghi năm 2019; hãy sửa ngày hoặc đổi tên tệp thành 2018-01.md. (bulletin-year)`],
  },
]);

cases("path-unknown", [
  {
    name: "an exemplar outside a year folder",
    bad: variant({ "exemplars/tap-the.md": COLLECTIVE }),
    expected: [`exemplars/tap-the.md:1:1: error: Tệp Markdown đặt sai chỗ nên sẽ không được đọc; hãy chuyển vào exemplars/<năm>/<tên-tệp>.md. (path-unknown)`],
  },
  {
    name: "a folder that is no content type (reported once)",
    bad: variant({ "dien-hinh/2019/a.md": COLLECTIVE, "dien-hinh/2019/b.md": COLLECTIVE }),
    expected: [`dien-hinh:1:1: error: Thư mục "dien-hinh" không thuộc loại nội dung nào; nội dung phải nằm trong exemplars/, plans/, activities/, bulletins/ hoặc tệp site.yaml. (path-unknown)`],
  },
]);

cases("file-unknown", [
  {
    name: "a Word file left beside the exemplars (a warning)",
    ok: variant({ "exemplars/2019/anh-phu.png": PNG, "README.md": "# Nội dung\n" }),
    bad: variant({ "exemplars/2019/ban-thao.docx": "x" }),
    expected: [`exemplars/2019/ban-thao.docx:1:1: warning: Tệp này không thuộc loại nội dung nào và không được dùng (chỉ nhận tệp .md, ảnh .jpg/.png/.webp và site.yaml). Nếu không cần, hãy xóa. (file-unknown)`],
  },
]);

describe("symlink-outside", () => {
  it("a Markdown file linked from outside the content tree is refused and not read", async () => {
    const outside = await writeTree({ "bi-mat.md": COLLECTIVE }, false);
    const dir = await writeTree(VALID);
    expect((await loadContent(dir, { cwd: dir })).findings).toEqual([]);
    await symlink(path.join(outside, "bi-mat.md"), path.join(dir, "exemplars/2019/lien-ket.md"));
    const { findings, model } = await loadContent(dir, { cwd: dir });
    expect(findings.map(line)).toEqual([
      `exemplars/2019/lien-ket.md:1:1: error: Liên kết tượng trưng (symlink) trỏ ra ngoài thư mục nội dung hoặc tới tệp không tồn tại. Hãy chép tệp thật vào thư mục nội dung. (symlink-outside)`,
    ]);
    expect(model.exemplars.map((e) => e.slug)).toEqual(["co-giao-mai"]);
  });
});

describe("site-missing", () => {
  it("a content folder without site.yaml", async () => {
    expect(await check(VALID)).toEqual([]);
    expect(await check(VALID, { withSite: false })).toEqual([
      `site.yaml:1:1: error: Không tìm thấy tệp site.yaml trong thư mục nội dung. Hãy kiểm tra đường dẫn --content hoặc tạo lại tệp site.yaml. (site-missing)`,
    ]);
  });
});

cases("unit-unknown", [
  {
    name: "a typo in the unit id suggests the nearest",
    bad: ex("unit: don-vi-mot", "unit: don-vi-mott"),
    expected: [`${E}:8:7: error: Trường "Đơn vị đề xuất" (unit): "don-vi-mott" không có trong site.yaml (mục units). Có phải "don-vi-mot"? Các mã được phép: don-vi-mot, don-vi-hai. (unit-unknown)`],
  },
]);

cases("ward-unknown", [
  {
    name: "an unknown ward",
    bad: ex("ward: phuong-mot", "ward: xa-dong"),
    expected: [`${E}:9:7: error: Trường "Phường" (ward): "xa-dong" không có trong site.yaml (mục wards). Các mã được phép: phuong-mot, phuong-hai. (ward-unknown)`],
  },
]);

describe("ward-unknown in site.yaml", () => {
  it("a unit's ward must be one of the wards", async () => {
    const { readFile } = await import("node:fs/promises");
    const site = (await readFile(MINIMAL_SITE, "utf8")).replace("    ward: phuong-mot", "    ward: phuong-bon");
    expect(await check({ "site.yaml": site })).toEqual([
      `site.yaml:15:11: error: Trường "Phường" (units[0].ward): "phuong-bon" không có trong mục wards. Có phải "phuong-mot"? Các mã được phép: phuong-mot, phuong-hai. (ward-unknown)`,
    ]);
  });
});

cases("field-unknown", [
  {
    name: "an unknown field",
    bad: ex("field: giao-duc", "field: van-hoa"),
    expected: [`${E}:10:8: error: Trường "Lĩnh vực" (field): "van-hoa" không có trong site.yaml (mục fields). Các mã được phép: giao-duc, y-te. (field-unknown)`],
  },
]);

cases("channel-unknown", [
  {
    name: "an unknown channel in an exemplar's list",
    bad: ex("channels: [portal, bulletin]", "channels: [portal, radio]"),
    expected: [`${E}:15:20: error: Mục 2 của "Kênh tuyên truyền" (channels[1]): "radio" không có trong site.yaml (mục channels). Các mã được phép: portal, bulletin, loudspeaker. (channel-unknown)`],
  },
  {
    name: "an unknown channel in an activity",
    bad: act("channel: portal", "channel: radio"),
    expected: [`${A}:7:10: error: Trường "Kênh tuyên truyền" (channel): "radio" không có trong site.yaml (mục channels). Các mã được phép: portal, bulletin, loudspeaker. (channel-unknown)`],
  },
]);

cases("activity-type-unknown", [
  {
    name: "an unknown activity type",
    bad: act("type: giao-luu", "type: hoi-thao"),
    expected: [`${A}:3:7: error: Trường "Loại hoạt động" (type): "hoi-thao" không có trong site.yaml (mục activityTypes). Các mã được phép: giao-luu, phat-thanh. (activity-type-unknown)`],
  },
]);

cases("occasion-unknown", [
  {
    name: "an unknown anniversary",
    bad: act("occasion: sinh-nhat-bac", "occasion: quoc-khanh"),
    expected: [`${A}:8:11: error: Trường "Dịp kỷ niệm" (occasion): "quoc-khanh" không có trong site.yaml (mục anniversaries). Các mã được phép: thanh-lap-dang, sinh-nhat-bac. (occasion-unknown)`],
  },
]);

cases("exemplar-unknown", [
  {
    name: "an activity naming a missing exemplar",
    bad: act("exemplars: [co-giao-mai]", "exemplars: [co-giao-maii]"),
    expected: [`${A}:9:13: error: Mục 1 của "Điển hình" (exemplars[0]): không có tệp exemplars/<năm>/co-giao-maii.md. Có phải "co-giao-mai"? (exemplar-unknown)`],
  },
  {
    name: "a bulletin naming a missing exemplar",
    bad: bul("  - co-giao-mai", "  - co-giao-mai\n  - tap-the-khac"),
    expected: [`${B}:7:5: error: Mục 2 của "Điển hình" (exemplars[1]): không có tệp exemplars/<năm>/tap-the-khac.md. (exemplar-unknown)`],
  },
]);

cases("plan-unknown", [
  {
    name: "a bulletin naming a missing plan",
    bad: bul("plans: [ke-hoach-mau]", "plans: [ke-hoach-khac]"),
    expected: [`${B}:7:9: error: Mục 1 của "Kế hoạch" (plans[0]): không có tệp plans/<năm>/ke-hoach-khac.md. Có phải "ke-hoach-mau"? (plan-unknown)`],
  },
]);

cases("activity-unknown", [
  {
    name: "a bulletin naming a missing activity",
    bad: bul("activities: [giao-luu-19-5]", "activities: [toa-dam]"),
    expected: [`${B}:8:14: error: Mục 1 của "Hoạt động" (activities[0]): không có tệp activities/<năm>/toa-dam.md. (activity-unknown)`],
  },
]);

cases("slug-draft", [
  {
    name: "published files naming a draft exemplar",
    ok: variant({ [B]: BULLETIN.replace("---\nLời", "draft: true\n---\nLời"), [A]: ACTIVITY.replace("participants: 120\n", "participants: 120\ndraft: true\n"), [E]: EXEMPLAR.replace("consent: true\n", "consent: true\ndraft: true\n") }),
    bad: variant({ [E]: EXEMPLAR.replace("consent: true\n", "consent: true\ndraft: true\n") }),
    expected: [
      `${A}:9:13: error: Mục 1 của "Điển hình" (exemplars[0]): "co-giao-mai" đang là bản nháp (draft: true trong ${E}) nên sẽ không được công bố. Hãy bỏ khỏi danh sách hoặc công bố bài đó trước. (slug-draft)`,
      `${B}:6:5: error: Mục 1 của "Điển hình" (exemplars[0]): "co-giao-mai" đang là bản nháp (draft: true trong ${E}) nên sẽ không được công bố. Hãy bỏ khỏi danh sách hoặc công bố bài đó trước. (slug-draft)`,
    ],
  },
]);

cases("slug-duplicate", [
  {
    name: "the same file name in two year folders",
    bad: variant({ "exemplars/2018/co-giao-mai.md": EXEMPLAR.replace("date: 2019-03-15", "date: 2018-11-20") }),
    expected: [
      `exemplars/2018/co-giao-mai.md:1:1: error: Tên tệp "co-giao-mai" bị trùng với ${E}: trong exemplars/ mỗi tên tệp chỉ được dùng một lần, kể cả ở các năm khác nhau. Hãy đổi tên một tệp. (slug-duplicate)`,
      `${E}:1:1: error: Tên tệp "co-giao-mai" bị trùng với exemplars/2018/co-giao-mai.md: trong exemplars/ mỗi tên tệp chỉ được dùng một lần, kể cả ở các năm khác nhau. Hãy đổi tên một tệp. (slug-duplicate)`,
    ],
  },
]);

const withImage = (src: string, alt = "Cô Mai giảng bài cho học sinh lớp 5"): string => withLine(EXEMPLAR, "consent: true\n", `consent: true\nimage:\n  src: ${src}\n  alt: ${alt}\n`);

cases("image-missing", [
  {
    name: "an image that is not beside the file",
    ok: variant({ [E]: withImage("co-mai.png"), "exemplars/2019/co-mai.png": PNG }),
    bad: variant({ [E]: withImage("co-mai.jpg"), "exemplars/2019/co-mai.png": PNG }),
    expected: [`${E}:18:8: error: Trường "Tệp ảnh" (image.src): không tìm thấy tệp exemplars/2019/co-mai.jpg. Có phải "co-mai.png"? Hãy đặt ảnh cạnh tệp bài và kiểm tra tên tệp (phân biệt chữ hoa, chữ thường). (image-missing)`],
  },
  {
    name: "a missing image in the article body",
    ok: variant({ [E]: `${EXEMPLAR}![Cô Mai trên bục giảng](co-mai.png)\n`, "exemplars/2019/co-mai.png": PNG }),
    bad: variant({ [E]: `${EXEMPLAR}Ảnh: ![Cô Mai trên bục giảng](khong-co.png)\n` }),
    expected: [`${E}:19:6: error: Ảnh trong bài: không tìm thấy tệp exemplars/2019/khong-co.png. Hãy đặt ảnh cạnh tệp bài và kiểm tra tên tệp (phân biệt chữ hoa, chữ thường). (image-missing)`],
  },
]);

cases("image-outside", [
  {
    name: "an image path that climbs out of the content tree",
    bad: variant({ [E]: withImage("../../../anh.jpg") }),
    expected: [`${E}:18:8: error: Trường "Tệp ảnh" (image.src) "../../../anh.jpg" trỏ ra ngoài thư mục nội dung; hãy chép ảnh vào cạnh tệp bài và ghi tên tệp ảnh. (image-outside)`],
  },
  {
    name: "an absolute path or a web address",
    bad: variant({ [E]: withImage("https://example.com/anh.jpg") }),
    expected: [`${E}:18:8: error: Trường "Tệp ảnh" (image.src) "https://example.com/anh.jpg" phải là đường dẫn tương đối tới tệp ảnh đặt cạnh bài (ví dụ anh-1.jpg), không phải địa chỉ web hay đường dẫn tuyệt đối. (image-outside)`],
  },
]);

describe("image-outside through a symlink", () => {
  it("an image that links out of the tree", async () => {
    const outside = await writeTree({ "anh.png": PNG }, false);
    const dir = await writeTree(variant({ [E]: withImage("anh.png") }));
    await symlink(path.join(outside, "anh.png"), path.join(dir, "exemplars/2019/anh.png"));
    const { findings } = await loadContent(dir, { cwd: dir });
    expect(findings.map(line)).toEqual([
      `exemplars/2019/anh.png:1:1: error: Liên kết tượng trưng (symlink) trỏ ra ngoài thư mục nội dung hoặc tới tệp không tồn tại. Hãy chép tệp thật vào thư mục nội dung. (symlink-outside)`,
      `${E}:18:8: error: Trường "Tệp ảnh" (image.src) "anh.png" là liên kết tới tệp ngoài thư mục nội dung; hãy chép ảnh thật vào cạnh tệp bài. (image-outside)`,
    ]);
  });
});

cases("image-alt", [
  {
    name: "an alt text that says nothing",
    ok: variant({ [E]: withImage("co-mai.png"), "exemplars/2019/co-mai.png": PNG }),
    bad: variant({ [E]: withImage("co-mai.png", "ảnh 1"), "exemplars/2019/co-mai.png": PNG }),
    expected: [`${E}:19:8: error: Trường "Mô tả ảnh" (image.alt) phải nói ảnh có gì cho người không xem được ảnh, ví dụ "Cô Mai giảng bài cho học sinh lớp 5"; đang ghi "ảnh 1". (image-alt)`],
  },
  {
    name: "a body image without alt text",
    bad: variant({ [E]: `${EXEMPLAR}![](co-mai.png)\n`, "exemplars/2019/co-mai.png": PNG }),
    expected: [`${E}:19:1: error: Mô tả ảnh (phần trong ![...]) phải nói ảnh có gì cho người không xem được ảnh, ví dụ "Cô Mai giảng bài cho học sinh lớp 5"; đang ghi "". (image-alt)`],
  },
]);

cases("consent-required", [
  {
    name: "an individual who has not agreed",
    bad: ex("consent: true", "consent: false"),
    expected: [`${E}:16:10: error: Trường "Đồng ý công bố" (consent) phải là true với điển hình cá nhân: chỉ công bố khi người được giới thiệu đã đồng ý. Đang ghi false; nếu chưa có sự đồng ý, hãy để bài ở dạng nháp (draft: true). (consent-required)`],
  },
]);

cases("birth-year", [
  {
    name: "a child (18 is the youngest accepted)",
    ok: ex("  birthYear: 1975", "  birthYear: 2001"),
    bad: ex("  birthYear: 1975", "  birthYear: 2005"),
    expected: [`${E}:6:14: error: Trường "Năm sinh" (subject.birthYear) 2005 không hợp lý: vào năm 2019 người này mới 14 tuổi. Điển hình cá nhân phải là người còn sống, từ 18 tuổi; hãy kiểm tra lại năm sinh. (birth-year)`],
  },
  {
    name: "older than anyone living (110 is the oldest accepted)",
    ok: ex("  birthYear: 1975", "  birthYear: 1909"),
    bad: ex("  birthYear: 1975", "  birthYear: 1905"),
    expected: [`${E}:6:14: error: Trường "Năm sinh" (subject.birthYear) 1905 không hợp lý: vào năm 2019 người này đã 114 tuổi. Điển hình cá nhân phải là người còn sống, từ 18 tuổi; hãy kiểm tra lại năm sinh. (birth-year)`],
  },
]);

cases("personal-data", [
  {
    name: "a citizen-ID number in an individual's summary",
    ok: variant({ [E]: withLine(COLLECTIVE, "summary: Cô giáo tận tụy với học sinh nghèo.", "summary: Đường dây nóng của trường 0912 345 678, quyên góp 120.000.000 đồng năm 2019.") }),
    bad: ex("summary: Cô giáo tận tụy với học sinh nghèo.", "summary: Cô giáo (CCCD 001085012345) tận tụy."),
    expected: [`${E}:12:10: error: Trường "Trích ngang" (summary) có vẻ chứa số căn cước công dân (12 chữ số) "001085012345". Không công bố thông tin cá nhân này của người được giới thiệu; hãy xóa số đó. (personal-data)`],
  },
  {
    name: "a phone number in an achievement and in the body",
    ok: ex("  - Giúp 30 học sinh vượt khó", "  - Giúp 30 học sinh vượt khó, quyên góp 120.000.000 đồng ngày 19/05/2019"),
    bad: variant({ [E]: `${withLine(EXEMPLAR, "  - Giúp 30 học sinh vượt khó", "  - Liên hệ +84 912.345.678")}Gọi cô theo số (024) 3834 5678.\n` }),
    expected: [
      `${E}:14:5: error: Mục 1 của "Kết quả đạt được" (achievements[0]) có vẻ chứa số điện thoại "+84 912.345.678". Không công bố thông tin cá nhân này của người được giới thiệu; hãy xóa số đó. (personal-data)`,
      `${E}:19:16: error: Bài viết có vẻ chứa số điện thoại "(024) 3834 5678". Không công bố thông tin cá nhân này của người được giới thiệu; hãy xóa số đó. (personal-data)`,
    ],
  },
]);

describe("site-id-duplicate", () => {
  it("an id declared twice in site.yaml", async () => {
    const { readFile } = await import("node:fs/promises");
    const site = (await readFile(MINIMAL_SITE, "utf8")).replace("  - id: phuong-hai\n", "  - id: phuong-mot\n");
    expect(await check({ "site.yaml": site })).toEqual([
      `site.yaml:22:9: error: Mã "phuong-mot" trong mục wards (Phường) bị trùng với mục 1; mỗi mã chỉ được khai báo một lần. (site-id-duplicate)`,
    ]);
  });
});
