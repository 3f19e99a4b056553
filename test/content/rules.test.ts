// Every rule: a passing case (no finding) and a failing case asserting the exact line an author reads.
import { symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { A, ACTIVITY, B, BULLETIN, cases, check, COLLECTIVE, E, EXEMPLAR, line, P, PLAN, VALID, variant, withLine, writeTree, type Tree } from "./helpers.ts";

const ex = (from: string, to: string): Tree => variant({ [E]: withLine(EXEMPLAR, from, to) });

cases("schema-enum", [
  {
    name: "an unknown kind lists the allowed kinds with their labels",
    bad: ex("kind: individual", "kind: person"),
    expected: [
      `${E}:3:7: error: Trường "Loại điển hình" (kind) phải là một trong: individual (Cá nhân), collective (Tập thể), model (Mô hình hay), practice (Cách làm hiệu quả); đang ghi "person". (schema-enum)`,
    ],
  },
]);

cases("schema-required", [
  {
    name: "a missing required field is named with its label and description",
    bad: ex("field: giao-duc\n", ""),
    expected: [`${E}:2:1: error: Thiếu trường "Lĩnh vực" (field): Mã lĩnh vực, khai báo trong content/site.yaml (mục fields). Trường này là bắt buộc. (schema-required)`],
  },
  {
    name: "a field required only for individuals says when",
    ok: variant({ [E]: COLLECTIVE }),
    bad: ex("consent: true\n", ""),
    expected: [
      `${E}:2:1: error: Thiếu trường "Đồng ý công bố" (consent): Cá nhân đã đồng ý cho công bố thông tin (bắt buộc true với cá nhân). Trường này là bắt buộc khi "Loại điển hình" (kind) là individual (Cá nhân). (schema-required)`,
    ],
  },
  {
    name: "a nested required field points at its group",
    bad: ex("  birthYear: 1975\n", ""),
    expected: [
      `${E}:5:3: error: Thiếu trường "Năm sinh" (subject.birthYear): Năm sinh bốn chữ số (bắt buộc với cá nhân). Trường này là bắt buộc khi "Loại điển hình" (kind) là individual (Cá nhân). (schema-required)`,
    ],
  },
]);

cases("schema-unknown-key", [
  {
    name: "a key the site engine would read (permalink) is refused at the key",
    bad: ex("consent: true\n", "consent: true\npermalink: /trang-khac/\n"),
    expected: [
      `${E}:17:1: error: Trường "permalink" không có trong mẫu "Điển hình". Các trường được phép: title, kind, subject, unit, ward, field, date, summary, achievements, method, channels, consent, image, loudspeaker, tags, draft. (schema-unknown-key)`,
    ],
  },
  {
    name: "a nested typo suggests the nearest key",
    bad: ex("  role: Giáo viên", "  rol: Giáo viên"),
    expected: [`${E}:7:3: error: Trường "rol" không có trong trường "Đối tượng" (subject). Có phải "role"? Các trường được phép: name, birthYear, role. (schema-unknown-key)`],
  },
]);

cases("schema-type", [
  {
    name: "a quoted year where a number is wanted",
    bad: ex("  birthYear: 1975", '  birthYear: "1975"'),
    expected: [`${E}:6:14: error: Trường "Năm sinh" (subject.birthYear) phải là số nguyên; đang ghi "1975". (schema-type)`],
  },
]);

cases("schema-pattern", [
  {
    name: "an id written as a name",
    bad: ex("unit: don-vi-mot", "unit: Đơn Vị Một"),
    expected: [`${E}:8:7: error: Trường "Đơn vị đề xuất" (unit) không đúng dạng: Mã đơn vị đề xuất, khai báo trong content/site.yaml (mục units); đang ghi "Đơn Vị Một". (schema-pattern)`],
  },
]);

cases("schema-format", [
  {
    name: "a date written day first",
    bad: ex("date: 2019-03-15", "date: 15/03/2019"),
    expected: [`${E}:11:7: error: Trường "Ngày đề xuất" (date) phải là ngày dạng YYYY-MM-DD, ví dụ 2019-05-19; đang ghi "15/03/2019". (schema-format)`],
  },
  {
    name: "an activity date that is neither a date nor a date-time uses the field's description",
    bad: variant({ [A]: withLine(ACTIVITY, "date: 2019-05-19T08:00:00+07:00", "date: sáng 19/5") }),
    expected: [
      `${A}:4:7: error: Trường "Thời gian" (date) phải là Ngày YYYY-MM-DD, hoặc ngày giờ có múi giờ như 2019-05-19T08:00:00+07:00; đang ghi "sáng 19/5". (schema-format)`,
    ],
  },
]);

cases("schema-length", [
  {
    name: "a title over 150 characters",
    ok: ex("title: Cô giáo gương mẫu", `title: ${"ả".repeat(150)}`),
    bad: ex("title: Cô giáo gương mẫu", `title: ${"ả".repeat(151)}`),
    expected: [`${E}:2:8: error: Trường "Tiêu đề" (title) dài quá: tối đa 150 ký tự, đang có 151 ký tự. (schema-length)`],
  },
  {
    name: "an empty summary",
    bad: ex("summary: Cô giáo tận tụy với học sinh nghèo.", 'summary: ""'),
    expected: [`${E}:12:10: error: Trường "Trích ngang" (summary) không được để trống. (schema-length)`],
  },
]);

cases("schema-items", [
  {
    name: "no achievements",
    bad: ex("achievements:\n  - Giúp 30 học sinh vượt khó", "achievements: []"),
    expected: [`${E}:13:15: error: Trường "Kết quả đạt được" (achievements) phải có ít nhất 1 mục. (schema-items)`],
  },
]);

cases("schema-unique", [
  {
    name: "a channel listed twice points at the repeat",
    bad: ex("channels: [portal, bulletin]", "channels: [portal, portal]"),
    expected: [`${E}:15:20: error: Trường "Kênh tuyên truyền" (channels) bị lặp: mục 2 trùng với mục 1 ("portal"). (schema-unique)`],
  },
]);

cases("schema-range", [
  {
    name: "a birth year before 1900",
    bad: ex("  birthYear: 1975", "  birthYear: 1800"),
    expected: [`${E}:6:14: error: Trường "Năm sinh" (subject.birthYear) phải không nhỏ hơn 1900; đang ghi 1800. (schema-range)`],
  },
]);

describe("schema-const", () => {
  it("site.yaml must use Asia/Ho_Chi_Minh", async () => {
    const { readFile } = await import("node:fs/promises");
    const { MINIMAL_SITE } = await import("./helpers.ts");
    const site = (await readFile(MINIMAL_SITE, "utf8")).replace("timeZone: Asia/Ho_Chi_Minh", "timeZone: Asia/Bangkok");
    expect(await check({ "site.yaml": site })).toEqual([`site.yaml:5:11: error: Trường "Múi giờ" (timeZone) phải là "Asia/Ho_Chi_Minh"; đang ghi "Asia/Bangkok". (schema-const)`]);
  });
});

cases("date-invalid", [
  {
    name: "30 February",
    ok: { ...VALID, [E]: EXEMPLAR.replace("date: 2019-03-15", "date: 2019-02-28"), "exemplars/2020/nam-nhuan.md": EXEMPLAR.replace("date: 2019-03-15", "date: 2020-02-29") },
    bad: ex("date: 2019-03-15", "date: 2019-02-30"),
    expected: [`${E}:11:7: error: Ngày không hợp lệ: 2019-02-30 (date-invalid)`],
  },
  {
    name: "a date-time in month 13",
    bad: variant({ [A]: withLine(ACTIVITY, "date: 2019-05-19T08:00:00+07:00", "date: 2019-13-01T08:00:00+07:00") }),
    expected: [`${A}:4:7: error: Ngày giờ không hợp lệ: 2019-13-01T08:00:00+07:00 (date-invalid)`],
  },
  {
    name: "a nested date in a plan's basis",
    bad: variant({ [P]: withLine(PLAN, "    title: Kế hoạch tuyên truyền", "    title: Kế hoạch tuyên truyền\n    date: 2018-02-29") }),
    expected: [`${P}:11:11: error: Ngày không hợp lệ: 2018-02-29 (date-invalid)`],
  },
]);

cases("datetime-offset", [
  {
    name: "a date-time without its offset",
    ok: variant({ [A]: withLine(ACTIVITY, "date: 2019-05-19T08:00:00+07:00", "date: 2019-05-19") }),
    bad: variant({ [A]: withLine(ACTIVITY, "date: 2019-05-19T08:00:00+07:00", "date: 2019-05-19T08:00:00") }),
    expected: [`${A}:4:7: error: Ngày giờ 2019-05-19T08:00:00 thiếu múi giờ: hãy ghi thêm +07:00, ví dụ 2019-05-19T08:00:00+07:00 (datetime-offset)`],
  },
]);

cases("frontmatter-language", [
  {
    name: "---js is refused and never run",
    bad: variant({ [E]: `---js\n{ title: (globalThis.__gsPwned = "ran") }\n---\nBài.\n` }),
    expected: [`${E}:1:4: error: Phần thông tin đầu tệp chỉ được viết bằng YAML: dòng đầu phải đúng là "---", đang ghi "---js". Nội dung này không được chạy; hãy xóa "js" sau dấu ---. (frontmatter-language)`],
  },
  {
    name: "--- yaml is refused too",
    bad: variant({ [E]: EXEMPLAR.replace(/^---\n/, "--- yaml\n") }),
    expected: [`${E}:1:4: error: Phần thông tin đầu tệp chỉ được viết bằng YAML: dòng đầu phải đúng là "---", đang ghi "--- yaml". Nội dung này không được chạy; hãy xóa "yaml" sau dấu ---. (frontmatter-language)`],
  },
]);

describe("frontmatter-language never executes", () => {
  for (const tag of ["js", "javascript", "json", "coffee"]) {
    it(`---${tag}`, async () => {
      const findings = await check({ [E]: `---${tag}\n(globalThis.__gsPwned = "${tag}") || {"title": "x"}\n---\nBài.\n` });
      expect(findings.filter((f) => f.includes("(frontmatter-language)"))).toHaveLength(1);
      expect((globalThis as { __gsPwned?: string }).__gsPwned).toBeUndefined();
    });
  }
});

cases("frontmatter-missing", [
  {
    name: "a file without front matter",
    bad: variant({ [E]: "Bài viết không có phần thông tin.\n" }),
    expected: [
      `${E}:1:1: error: Tệp phải bắt đầu bằng phần thông tin YAML nằm giữa hai dòng "---". Hãy thêm dòng "---" ở đầu tệp, các trường thông tin, rồi một dòng "---" nữa trước nội dung bài. (frontmatter-missing)`,
    ],
  },
]);

cases("frontmatter-unclosed", [
  {
    name: "no closing ---",
    bad: variant({ [E]: EXEMPLAR.replace("consent: true\n---\n", "consent: true\n") }),
    expected: [`${E}:1:1: error: Phần thông tin đầu tệp chưa được đóng: thiếu dòng "---" sau trường cuối cùng, trước nội dung bài. (frontmatter-unclosed)`],
  },
]);

cases("frontmatter-delimiter", [
  {
    name: "a closing line that is not exactly ---",
    bad: variant({ [E]: EXEMPLAR.replace("consent: true\n---\n", "consent: true\n----\n") }),
    expected: [`${E}:17:1: error: Dòng phân cách phải đúng là "---"; đang ghi "----". (frontmatter-delimiter)`],
  },
]);

cases("yaml-syntax", [
  {
    name: "an unclosed quote",
    bad: ex("title: Cô giáo gương mẫu", 'title: "Cô giáo gương mẫu'),
    expected: [`${E}:2:8: error: Lỗi cú pháp YAML: thiếu ký tự đóng (dấu ngoặc kép, ngoặc vuông hoặc ngoặc nhọn). (yaml-syntax)`],
  },
  {
    name: "a tab used for indentation",
    bad: ex("  name: Nguyễn Thị Mai", "\tname: Nguyễn Thị Mai"),
    expected: [`${E}:5:1: error: Lỗi cú pháp YAML: không được dùng phím Tab để thụt lề, hãy dùng dấu cách. (yaml-syntax)`],
  },
  {
    name: "a missing colon",
    bad: ex("field: giao-duc", "field giao-duc"),
    expected: [`${E}:10:1: error: Lỗi cú pháp YAML: dòng này thiếu dấu hai chấm sau tên trường; hãy viết dạng tên-trường: giá trị, ví dụ title: Cô giáo gương mẫu. (yaml-syntax)`],
  },
]);

cases("yaml-duplicate-key", [
  {
    name: "a key written twice",
    bad: ex("kind: individual", "kind: individual\ntitle: Tiêu đề khác"),
    expected: [`${E}:4:1: error: Trường "title" được ghi hai lần; mỗi trường chỉ ghi một lần. Hãy xóa hoặc gộp dòng lặp. (yaml-duplicate-key)`],
  },
]);

describe("yaml-alias", () => {
  it("an alias bomb is stopped with the first alias's position", async () => {
    const bomb = [
      "---",
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]",
      "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]",
      "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]",
      "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]",
      "---",
      "Bài.",
      "",
    ].join("\n");
    const started = Date.now();
    expect(await check({ [E]: bomb })).toEqual([
      `${E}:3:8: error: Quá nhiều tham chiếu YAML (& và *): tối đa 100. Hãy ghi thẳng giá trị thay cho tham chiếu. (yaml-alias)`,
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it("a few aliases are fine", async () => {
    expect(await check(ex("  - Giúp 30 học sinh vượt khó", "  - &viec Giúp 30 học sinh vượt khó\n  - *viec"))).toEqual([]);
  });
});

cases("yaml-tag", [
  {
    name: "a language tag inside YAML",
    bad: ex("title: Cô giáo gương mẫu", 'title: !!js/function "function () { return 1 }"'),
    expected: [`${E}:2:8: error: Không dùng thẻ kiểu YAML (bắt đầu bằng !); hãy ghi giá trị thường. (yaml-tag)`],
  },
]);
