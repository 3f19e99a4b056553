// Rules on what the author's text decodes to, not only on its bytes: escapes in YAML values, reserved
// keys, line endings, dates the build must be able to use, images the build must be able to decode, and
// a bug in one rule that must not lose the other findings. Each case asserts the exact printed line.
import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { loadContent, runRule } from "../../src/content/load.ts";
import { makeContext } from "../../src/content/rules/context.ts";
import type { Rule } from "../../src/content/rules/index.ts";
import { parseFile } from "../../src/content/parse.ts";
import { anniversaryOn } from "../../src/reports/figures.ts";
import { nextOccurrence } from "../../src/site/sections/portal.ts";
import { A, ACTIVITY, cases, check, E, EXEMPLAR, line, MINIMAL_SITE, variant, withLine, writeTree, type Tree } from "./helpers.ts";

const ex = (from: string, to: string): Tree => variant({ [E]: withLine(EXEMPLAR, from, to) });
const act = (from: string, to: string): Tree => variant({ [A]: withLine(ACTIVITY, from, to) });
const site = async (from: string, to: string): Promise<string> => withLine(await readFile(MINIMAL_SITE, "utf8"), from, to);
const TITLE = "title: Cô giáo gương mẫu";
const ESCAPED = "Ký tự này được viết bằng chuỗi thoát (\\u…, \\x…) trong dấu ngoặc kép; hãy xóa chuỗi thoát đó.";

cases("unicode-bidi on decoded values", [
  {
    name: "a right-to-left override written as a YAML escape",
    bad: ex(TITLE, 'title: "Cô giáo \\u202Egương mẫu"'),
    expected: [`${E}:2:8: error: Ký tự điều khiển hướng chữ U+202E có thể làm văn bản hiện khác với nội dung thật. ${ESCAPED} (unicode-bidi)`],
  },
]);

cases("unicode-control on decoded values", [
  {
    name: "an ESC byte written as \\x1b drives the terminal",
    bad: ex(TITLE, 'title: "Cô giáo \\x1b[31mgương mẫu"'),
    expected: [`${E}:2:8: error: Ký tự ESC (U+001B), dùng để điều khiển màn hình dòng lệnh, không được phép trong văn bản. ${ESCAPED} (unicode-control)`],
  },
  {
    name: "a carriage return written as \\r would forge calendar lines",
    bad: act("title: Giao lưu điển hình", 'title: "Giao lưu\\rSUMMARY:giả"'),
    expected: [`${A}:2:8: error: Ký tự về đầu dòng CR (U+000D) không được phép trong văn bản. ${ESCAPED} (unicode-control)`],
  },
  {
    name: "a C1 control and a line separator in a nested value",
    bad: ex("  role: Giáo viên", '  role: "Giáo\\x85viên\\L"'),
    expected: [
      `${E}:7:9: error: Ký tự điều khiển U+0085 không được phép trong văn bản. ${ESCAPED} (unicode-control)`,
      `${E}:7:9: error: Ký tự ngắt dòng U+2028 không được phép trong văn bản. ${ESCAPED} (unicode-control)`,
    ],
  },
]);

cases("unicode-invisible on decoded values and keys", [
  {
    name: "a zero-width space in a list item and in a key",
    bad: ex("  - Giúp 30 học sinh vượt khó", '  - "Giúp 30\\u200B học sinh"\n"ti\\u200Btle": x'),
    expected: [
      `${E}:14:5: error: Ký tự vô hình: dấu cách độ rộng 0 (U+200B). ${ESCAPED} (unicode-invisible)`,
      `${E}:15:1: error: Trường "ti\u200Btle" không có trong mẫu "Điển hình". Có phải "title"? Các trường được phép: title, kind, subject, unit, ward, field, date, summary, achievements, method, channels, consent, image, loudspeaker, tags, draft. (schema-unknown-key)`,
      `${E}:15:1: error: Ký tự vô hình: dấu cách độ rộng 0 (U+200B). ${ESCAPED} (unicode-invisible)`,
    ],
  },
]);

cases("unicode-nfc on decoded values", [
  {
    name: "a combining accent written as an escape",
    bad: ex(TITLE, 'title: "Co\\u0302 gia\\u0301o"'),
    expected: [`${E}:2:8: error: Chữ tiếng Việt chưa ở dạng Unicode dựng sẵn (NFC): dấu được viết tách rời bằng chuỗi thoát (\\u…) trong dấu ngoặc kép. Hãy gõ thẳng chữ có dấu thay cho chuỗi thoát. (unicode-nfc)`],
  },
]);

describe("yaml-key-reserved", () => {
  const reserved = (key: string): string =>
    `Không dùng "${key}" làm tên trường: đây là tên dành riêng của JavaScript và có thể làm sai lệch dữ liệu. Hãy xóa dòng này hoặc đổi tên trường. (yaml-key-reserved)`;

  it("refuses __proto__ and never lets it set the data's prototype", async () => {
    const tree = ex("consent: true", "consent: true\n__proto__:\n  draft: true");
    expect(await check(tree)).toEqual([`${E}:17:1: error: ${reserved("__proto__")}`]);
    const doc = parseFile({ kind: "exemplar", type: "exemplar", slug: "co-giao-mai", file: E, absPath: "/x" }, Buffer.from(tree[E] as string));
    expect(Object.getPrototypeOf(doc.data)).toBe(Object.prototype);
    expect(doc.data?.draft).toBeUndefined();
    expect(({} as Record<string, unknown>).draft).toBeUndefined();
  });

  it("refuses constructor and prototype anywhere, also where the schema allows any key", async () => {
    const tree: Tree = {
      ...ex("  role: Giáo viên", "  role: Giáo viên\n  prototype: x"),
      "site.yaml": await site("    TCCS: tổ chức cơ sở", "    TCCS: tổ chức cơ sở\n    constructor: hàm tạo"),
    };
    expect(await check(tree)).toEqual([`${E}:8:3: error: ${reserved("prototype")}`, `site.yaml:57:5: error: ${reserved("constructor")}`]);
  });
});

cases("line-endings", [
  {
    name: "a file with CR alone at the end of each line, read with the right lines",
    bad: variant({ [E]: withLine(EXEMPLAR, "kind: individual", "kind: person").replace(/\n/g, "\r") }),
    expected: [
      `${E}:1:1: error: Tệp xuống dòng bằng ký tự CR (kiểu máy Mac cũ) nên các công cụ khác đọc cả tệp thành một dòng. Chạy npm run validate -- --fix để đổi sang kiểu xuống dòng LF, hoặc lưu lại tệp với kiểu xuống dòng LF (Unix). (line-endings)`,
      `${E}:3:7: error: Trường "Loại điển hình" (kind) phải là một trong: individual (Cá nhân), collective (Tập thể), model (Mô hình hay), practice (Cách làm hiệu quả); đang ghi "person". (schema-enum)`,
    ],
  },
  {
    name: "one stray CR in an LF file is a control character where it is",
    bad: variant({ [E]: `${EXEMPLAR}Dòng một\rdòng hai.\n` }),
    expected: [`${E}:19:9: error: Ký tự về đầu dòng CR (U+000D) không được phép trong văn bản. Hãy xóa ký tự này. (unicode-control)`],
  },
]);

cases("datetime-offset", [
  {
    name: "an offset no clock uses is a finding, not an internal error",
    bad: act("date: 2019-05-19T08:00:00+07:00", "date: 2019-05-19T08:00:00+25:00"),
    expected: [`${A}:4:7: error: Múi giờ +25:00 trong 2019-05-19T08:00:00+25:00 không có thật: múi giờ chỉ từ -12:00 đến +14:00, phút dưới 60. Giờ Việt Nam là +07:00, ví dụ 2019-05-19T08:00:00+07:00 (datetime-offset)`],
  },
  {
    name: "an offset the date-time format allows but the Earth does not",
    ok: act("date: 2019-05-19T08:00:00+07:00", "date: 2019-05-19T08:00:00+14:00"),
    bad: act("date: 2019-05-19T08:00:00+07:00", "date: 2019-05-19T08:00:00-23:59"),
    expected: [`${A}:4:7: error: Múi giờ -23:59 trong 2019-05-19T08:00:00-23:59 không có thật: múi giờ chỉ từ -12:00 đến +14:00, phút dưới 60. Giờ Việt Nam là +07:00, ví dụ 2019-05-19T08:00:00+07:00 (datetime-offset)`],
  },
]);

describe("date-range", () => {
  const outside = (year: number, min = 1930, max = 2100): string =>
    `${E}:11:7: error: Trường "Ngày đề xuất" (date) ghi năm ${year}, ngoài khoảng năm cho phép ${min}–${max}. Hãy kiểm tra lại năm; nếu đúng là năm đó, hãy sửa giới hạn minYear/maxYear trong site.yaml (mục limits). (date-range)`;

  it("a year far in the future or the past, with the schema's default range", async () => {
    expect(await check(ex("date: 2019-03-15", "date: 9999-12-31"))).toEqual([outside(9999)]);
    expect(await check(ex("date: 2019-03-15", "date: 0001-01-01"))).toEqual([outside(1)]);
  });

  it("the range comes from site.yaml when it sets one", async () => {
    const narrow = await site("document:", "limits:\n  minYear: 2018\n  maxYear: 2019\ndocument:");
    expect(await check({ ...variant({}), "site.yaml": narrow })).toEqual([]);
    expect(await check({ ...ex("date: 2019-03-15", "date: 2020-03-15"), "site.yaml": narrow })).toEqual([outside(2020, 2018, 2019)]);
  });
});

describe("anniversary-date", () => {
  it("a day no year has", async () => {
    expect(await check({ ...variant({}), "site.yaml": await site("date: 02-03", "date: 02-30") })).toEqual([
      `site.yaml:44:11: error: Trường "Ngày trong năm" (anniversaries[0].date): ngày 30 tháng 2 không có trong năm nào. Hãy ghi một ngày có thật dạng MM-DD, ví dụ 02-03. (anniversary-date)`,
    ]);
  });

  it("29 February validates, and falls on 28 February in the years that have no 29th", async () => {
    const text = await site("date: 02-03", "date: 02-29");
    expect(await check({ ...variant({}), "site.yaml": text })).toEqual([]);
    expect(nextOccurrence("02-29", "2026-12-01")).toBe("2027-02-28");
    expect(nextOccurrence("02-29", "2027-12-01")).toBe("2028-02-29");
    const siteConfig = { anniversaries: [{ id: "a", name: "A", date: "02-29" }] } as never;
    expect(anniversaryOn(siteConfig, "a", 2019)?.date).toBe("2019-02-28");
    expect(anniversaryOn(siteConfig, "a", 2020)?.date).toBe("2020-02-29");
  });
});

const withImage = (src: string, alt = "Cô Mai giảng bài cho học sinh lớp 5"): string => withLine(EXEMPLAR, "consent: true\n", `consent: true\nimage:\n  src: ${src}\n  alt: ${alt}\n`);
const image = (name: string, bytes: Uint8Array | string): Tree => variant({ [E]: withImage(name), [`exemplars/2019/${name}`]: bytes });
const colour = { width: 200, height: 100, channels: 3 as const, background: "#c33" };
const SRC = `${E}:18:8: error: Trường "Tệp ảnh" (image.src)`;

describe("images decoded at validation time", () => {
  it("image-path: a % or a space in the name is a finding, never an internal error", async () => {
    expect(await check(variant({ [E]: withImage("a%.jpg") }))).toEqual([
      `${SRC} "a%.jpg" có ký tự "%" không dùng được trong tên tệp ảnh: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang và gạch dưới, ví dụ a.jpg. Hãy đổi tên tệp ảnh rồi ghi lại tên mới ở đây. (image-path)`,
    ]);
    expect(await check(variant({ [E]: `${EXEMPLAR}![Cô Mai trên bục giảng](anh%20co%20mai.png)\n` }))).toEqual([
      `${E}:19:1: error: Ảnh trong bài "anh%20co%20mai.png" có ký tự "%" không dùng được trong tên tệp ảnh: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang và gạch dưới, ví dụ anh-co-mai.png. Hãy đổi tên tệp ảnh rồi ghi lại tên mới ở đây. (image-path)`,
    ]);
    expect(await check(variant({ [E]: withImage('"ảnh cô Mai.jpg"') }))).toEqual([
      `${SRC} "ảnh cô Mai.jpg" có ký tự "ả", dấu cách, "ô" không dùng được trong tên tệp ảnh: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang và gạch dưới, ví dụ anh-co-mai.jpg. Hãy đổi tên tệp ảnh rồi ghi lại tên mới ở đây. (image-path)`,
    ]);
  });

  it("image-empty and image-invalid: empty, not an image, cut short", async () => {
    const png = await sharp({ create: colour }).png().toBuffer();
    expect(await check(image("a.png", png))).toEqual([]);
    expect(await check(image("a.png", ""))).toEqual([`${SRC}: tệp exemplars/2019/a.png rỗng (0 byte). Hãy chép lại tệp ảnh từ bản gốc. (image-empty)`]);
    expect(await check(image("a.png", "<svg onload=alert(1)>"))).toEqual([
      `${SRC}: tệp exemplars/2019/a.png không phải ảnh đọc được (hoặc phần đầu tệp đã hỏng). Hãy mở ảnh bằng trình xem ảnh, lưu lại dưới dạng JPEG (.jpg) hoặc PNG rồi chép lại. (image-invalid)`,
    ]);
    // A photo-like JPEG (not one colour, whose data would all sit in its header), cut at 70 %.
    const pixels = Buffer.from(Array.from({ length: 64 * 64 * 3 }, (_, i) => (i * 7919) % 251));
    const jpeg = await sharp(pixels, { raw: { width: 64, height: 64, channels: 3 } }).jpeg().toBuffer();
    expect(await check(image("a.jpg", jpeg.subarray(0, Math.floor(jpeg.length * 0.7))))).toEqual([
      `${SRC}: tệp ảnh exemplars/2019/a.jpg bị hỏng hoặc bị cắt cụt (chưa chép hết), nên ảnh sẽ hiện không đầy đủ. Hãy chép lại tệp ảnh từ bản gốc. (image-invalid)`,
    ]);
  });

  it("image-format: a GIF named .png", async () => {
    expect(await check(image("a.png", await sharp({ create: colour }).gif().toBuffer()))).toEqual([
      `${SRC}: tệp exemplars/2019/a.png là ảnh dạng GIF, không phải JPEG, PNG hay WebP dù tên tệp có đuôi .png. Hãy lưu lại ảnh dưới dạng JPEG (.jpg) hoặc PNG. (image-format)`,
    ]);
  });

  it("image-too-large: more pixels than site.yaml allows", async () => {
    const tree = { ...image("a.jpg", await sharp({ create: colour }).jpeg().toBuffer()), "site.yaml": await site("document:", "limits:\n  imagePixels: 10000\ndocument:") };
    expect(await check(tree)).toEqual([
      `${SRC}: ảnh exemplars/2019/a.jpg cỡ 200 × 100 = 20000 điểm ảnh, lớn hơn giới hạn 10000 điểm ảnh (site.yaml, mục limits, imagePixels). Hãy thu nhỏ ảnh (ví dụ còn 2000 điểm ảnh chiều rộng) rồi lưu lại. (image-too-large)`,
    ]);
  });
});

describe("internal-error", () => {
  it("a file the parser fails on names that file, and every other finding stands", async () => {
    const dir = await writeTree(ex("kind: individual", "kind: person"));
    const { findings } = await loadContent(dir, {
      cwd: dir,
      parse: (ref, bytes, fast) => {
        if (ref.file === A) throw new Error("thử lỗi");
        return parseFile(ref, bytes, fast);
      },
    });
    expect(findings.map(line)).toContain(
      `${A}:1:1: error: Lỗi nội bộ của trình kiểm tra khi đọc tệp (không phải lỗi của bạn): thử lỗi. Các kiểm tra khác vẫn được báo; hãy gửi dòng này cho người quản trị kho. (internal-error)`,
    );
    expect(findings.map(line)).toContain(
      `${E}:3:7: error: Trường "Loại điển hình" (kind) phải là một trong: individual (Cá nhân), collective (Tập thể), model (Mô hình hay), practice (Cách làm hiệu quả); đang ghi "person". (schema-enum)`,
    );
  });
});

const S = "summary: Cô giáo tận tụy với học sinh nghèo.";
const hidden = (where: string, what: string, number: string): string =>
  `${where} có vẻ chứa ${what} "${number}". Không công bố thông tin cá nhân này của người được giới thiệu; hãy xóa số đó. (personal-data)`;
const PHONE = "số điện thoại";
const CCCD = "số căn cước công dân (12 chữ số)";

cases("personal-data on what readers read", [
  {
    name: "a phone number written with an HTML entity in the body",
    bad: variant({ [E]: `${EXEMPLAR}Gọi &#48;912 345 678 nhé.\n` }),
    expected: [`${E}:19:5: error: ${hidden("Bài viết", PHONE, "0912 345 678")}`],
  },
  {
    name: "numbers broken by emphasis, a line break, dashes of any kind",
    bad: variant({ [E]: `${EXEMPLAR}\nSố 0912**345**678 và CCCD 001\n085-012–345.\n` }),
    expected: [`${E}:20:4: error: ${hidden("Bài viết", PHONE, "0912345678")}`, `${E}:20:27: error: ${hidden("Bài viết", CCCD, "001 085-012–345")}`],
  },
  {
    name: "a number only in a tel: link's target",
    bad: variant({ [E]: `${EXEMPLAR}[Gọi cô](tel:0912345678)\n` }),
    expected: [`${E}:19:14: error: ${hidden("Bài viết", PHONE, "0912345678")}`],
  },
  {
    name: "full-width digits in the summary",
    ok: ex(S, "summary: Quyên góp 120.000.000.000 đồng trong các năm 2018 2019 2020."),
    bad: ex(S, "summary: Số ０９１２３４５６７８"),
    expected: [`${E}:12:10: error: ${hidden('Trường "Trích ngang" (summary)', PHONE, "0912345678")}`],
  },
  {
    name: "entities in the method, dots in the role, spaces in the image description",
    bad: variant({
      [E]: withLine(withLine(EXEMPLAR, "  role: Giáo viên", "  role: Giáo viên, ĐT 0912.345.678"), "consent: true", "consent: true\nmethod: Liên hệ &#48;&#57;12&#x20;345&#x20;678\nimage:\n  src: a.png\n  alt: Cô Mai, số 0912 345 678"),
      "exemplars/2019/a.png": "",
    }),
    expected: [
      `${E}:7:9: error: ${hidden('Trường "Chức vụ" (subject.role)', PHONE, "0912.345.678")}`,
      `${E}:17:9: error: ${hidden('Trường "Cách làm hiệu quả" (method)', PHONE, "0912 345 678")}`,
      `${E}:19:8: error: Trường "Tệp ảnh" (image.src): tệp exemplars/2019/a.png rỗng (0 byte). Hãy chép lại tệp ảnh từ bản gốc. (image-empty)`,
      `${E}:20:8: error: ${hidden('Trường "Mô tả ảnh" (image.alt)', PHONE, "0912 345 678")}`,
    ],
  },
]);

const ENTITY = "Ký tự này được viết bằng mã HTML (&#…; hoặc &tên;) trong bài; hãy xóa mã đó.";

cases("character rules on the rendered text", [
  {
    name: "bidi and invisible characters written as entities in the body, at their column",
    bad: variant({ [E]: `${EXEMPLAR}\nChữ &#x202E; ngược và &shy; mềm, \`&#x202E;\` trong mã thì không.\n` }),
    expected: [
      `${E}:20:5: error: Ký tự điều khiển hướng chữ U+202E có thể làm văn bản hiện khác với nội dung thật. ${ENTITY} (unicode-bidi)`,
      `${E}:20:23: error: Ký tự vô hình: dấu gạch nối mềm vô hình (U+00AD). ${ENTITY} (unicode-invisible)`,
    ],
  },
  {
    name: "an entity in a field the site renders as Markdown",
    bad: ex(S, "summary: Cô &rlm;giáo"),
    expected: [`${E}:12:10: error: Ký tự điều khiển hướng chữ U+200F có thể làm văn bản hiện khác với nội dung thật. ${ENTITY} (unicode-bidi)`],
  },
  {
    name: "a combining accent written as an entity",
    bad: variant({ [E]: `${EXEMPLAR}\nCo&#770; gia&#769;o\n` }),
    expected: [`${E}:20:3: error: Chữ tiếng Việt chưa ở dạng Unicode dựng sẵn (NFC): dấu được viết tách rời bằng mã HTML (&#…;) trong bài. Hãy gõ thẳng chữ có dấu thay cho mã đó. (unicode-nfc)`],
  },
]);

const SYNTAX = "error: Lỗi cú pháp YAML:";

cases("yaml-syntax messages point at the mistake and say how to fix it", [
  {
    name: "an unclosed [ is reported where it opens, not as indentation on the next line",
    bad: ex("channels: [portal, bulletin]", "channels: [portal, bulletin"),
    expected: [`${E}:15:11: ${SYNTAX} dấu [ mở danh sách ở đây chưa được đóng; hãy thêm dấu ] ở cuối danh sách, trên cùng dòng: channels: [portal, bulletin]. (yaml-syntax)`],
  },
  {
    name: "an unclosed { likewise",
    bad: ex("consent: true", "consent: true\nimage: {src: a.jpg, alt: Cô Mai giảng bài"),
    expected: [`${E}:17:8: ${SYNTAX} dấu { mở nhóm ở đây chưa được đóng; hãy thêm dấu } ở cuối nhóm, trên cùng dòng: image: {src: a.jpg, alt: Cô Mai giảng bài}. (yaml-syntax)`],
  },
  {
    name: "a plain value containing ': ' gets the quoted line to write",
    bad: ex(S, "summary: Kết quả: tốt"),
    expected: [`${E}:12:10: ${SYNTAX} giá trị có dấu hai chấm và dấu cách (": ") nên bị hiểu nhầm là một trường mới. Hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ summary: "Kết quả: tốt". (yaml-syntax)`],
  },
  {
    name: "a list item containing ': ' reads as a group: the type message says to quote it",
    bad: ex("  - Giúp 30 học sinh vượt khó", "  - Kết quả: tốt"),
    expected: [
      `${E}:14:5: error: Mục 1 của "Kết quả đạt được" (achievements[0]) phải là chữ (văn bản); đang ghi một nhóm trường. Nếu đây là chữ có dấu hai chấm (": "), hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ "Kết quả: tốt". (schema-type)`,
    ],
  },
  {
    name: "a line indented deeper than its sibling is named, not the line above",
    bad: ex("  role: Giáo viên", "   role: Giáo viên"),
    expected: [`${E}:7:4: ${SYNTAX} dòng này thụt lề sâu hơn dòng trên (3 dấu cách thay vì 2); các trường cùng nhóm phải thẳng cột với nhau. (yaml-syntax)`],
  },
  {
    name: "a list item out of line",
    bad: ex("  - Giúp 30 học sinh vượt khó", "  - Giúp 30 học sinh vượt khó\n - Thêm một việc"),
    expected: [`${E}:15:2: ${SYNTAX} mục danh sách (dấu -) không thẳng cột với các mục khác hoặc không nằm dưới tên trường nào; các mục của một danh sách phải bắt đầu ở cùng một cột, ngay dưới tên trường. (yaml-syntax)`],
  },
  {
    name: "a line without its colon",
    bad: ex(S, "summary Cô giáo tận tụy"),
    expected: [`${E}:12:1: ${SYNTAX} dòng này thiếu dấu hai chấm sau tên trường; hãy viết dạng tên-trường: giá trị, ví dụ title: Cô giáo gương mẫu. (yaml-syntax)`],
  },
  {
    name: "a value starting with * (read as a reference) gets quotes",
    bad: ex(S, "summary: *Cô giáo* tận tụy"),
    expected: [`${E}:12:10: ${SYNTAX} giá trị bắt đầu bằng ký tự *, ký tự đặc biệt của YAML; hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ summary: "*Cô giáo* tận tụy". (yaml-syntax)`],
  },
  {
    name: "a lone *word is not 'too many references'",
    bad: ex(S, "summary: *tot"),
    expected: [`${E}:12:10: ${SYNTAX} giá trị bắt đầu bằng dấu * được hiểu là tham chiếu *tot, nhưng không có neo &tot nào trước đó. Nếu đây là chữ, hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ "*tot". (yaml-syntax)`],
  },
  {
    name: "text after a closing quote",
    bad: ex(S, 'summary: "Cô" giáo'),
    expected: [
      `${E}:12:15: ${SYNTAX} có chữ sau dấu ngoặc kép đóng. Nếu giá trị có dấu ngoặc kép bên trong, hãy viết \\" cho mỗi dấu ngoặc kép bên trong, hoặc đặt cả giá trị trong dấu nháy đơn, ví dụ title: 'Cô "Mai"'. (yaml-syntax)`,
    ],
  },
]);

cases("yaml-comment", [
  {
    name: "' #' after a plain value silently cuts it",
    ok: ex(S, 'summary: "Cô giáo số #1 của trường" # ghi chú có chủ ý'),
    bad: ex(S, "summary: Cô giáo số #1 của trường"),
    expected: [
      `${E}:12:21: warning: Phần từ dấu # trở đi bị YAML hiểu là ghi chú và bỏ đi: giá trị chỉ còn "Cô giáo số". Nếu dấu # là một phần của giá trị, hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ summary: "Cô giáo số #1 của trường". (yaml-comment)`,
    ],
  },
]);

describe("internal-error in a cross-file rule", () => {
  it("names the files that make a rule throw (the other rules run on as usual)", async () => {
    const ref = (file: string) => ({ kind: "exemplar" as const, type: "exemplar" as const, slug: file.slice(15, -3), file, absPath: `/x/${file}` });
    const good = parseFile(ref("exemplars/2019/tot.md"), Buffer.from(EXEMPLAR));
    const bad = parseFile(ref("exemplars/2019/hong.md"), Buffer.from(EXEMPLAR.replace("title: Cô giáo gương mẫu", "title: hỏng")));
    const ctx = makeContext({ dir: "/x", site: undefined, catalogues: undefined, docs: [good, bad], byType: { exemplar: [good, bad], plan: [], activity: [], bulletin: [] }, tree: [], files: new Set() });
    const fragile: Rule = (c) =>
      c.docs.map((doc) => {
        if (doc.data?.title === "hỏng") throw new Error("không xử lý được");
        return c.at(doc, "/title", "thu", "ổn");
      });
    Object.defineProperty(fragile, "name", { value: "thu-nghiem" });
    expect((await runRule(fragile, ctx)).map(line)).toEqual([
      `exemplars/2019/hong.md:1:1: error: Lỗi nội bộ của trình kiểm tra khi chạy quy tắc thu-nghiem (không phải lỗi của bạn): không xử lý được. Các kiểm tra khác vẫn được báo; hãy gửi dòng này cho người quản trị kho. (internal-error)`,
    ]);
  });
});
