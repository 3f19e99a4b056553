// npm run new: a commented file at the right path that the real validator accepts once the required fields are given.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runValidate } from "../../src/content/cli.ts";
import { runNew, type NewIO } from "../../src/new/cli.ts";

const SITE = path.resolve(import.meta.dirname, "../fixtures/github-pr/base/content/site.yaml");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "gs-new-"));
  mkdirSync(path.join(dir, "noi-dung"));
  cpSync(SITE, path.join(dir, "noi-dung/site.yaml"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function runNewIn(argv: string[], extra: Partial<NewIO> = {}) {
  const out = { stdout: "", stderr: "" };
  const status = await runNew({
    argv: [...argv.slice(0, 1), "--content", "noi-dung", ...argv.slice(1)],
    cwd: dir,
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    interactive: false,
    now: new Date("2019-12-31T20:00:00Z"), // 1 January 2020 in Hà Nội
    ...extra,
  });
  return { status, ...out };
}

async function validate(file: string) {
  let stdout = "";
  const status = await runValidate(["--content", "noi-dung", "--format", "text", file], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stdout += t) },
    cwd: dir,
    env: {},
  });
  return { status, lines: stdout.trim().split("\n") };
}

const read = (rel: string) => readFileSync(path.join(dir, rel), "utf8");
const lineOf = (text: string, line: string) => text.split("\n").indexOf(line) + 1;

describe("npm run new", () => {
  it("writes an exemplar that passes validation when every required field is given", async () => {
    const result = await runNewIn([
      "exemplar",
      "--title", "Đoàn viên Đỗ Văn Đức: \"tiếp sức\" mùa thi",
      "--kind", "individual",
      "--subject.name", "Đỗ Văn Đức",
      "--subject.birthYear", "1995",
      "--unit", "don-vi-mot",
      "--field", "giao-duc",
      "--date", "2019-05-02",
      "--summary", "Đoàn viên tích cực.",
      "--achievements", "Hiến máu 10 lần.",
      "--achievements", "Dạy học miễn phí, buổi tối.",
      "--channels", "portal,bulletin",
      "--consent",
      "--body", "Bài viết về anh Đức.",
    ]);
    expect(result).toEqual({
      status: 0,
      stderr: "",
      stdout: "Đã tạo noi-dung/exemplars/2019/doan-vien-do-van-duc-tiep-suc-mua-thi.md.\nMở tệp, điền các trường còn trống và viết bài dưới dòng --- thứ hai, rồi kiểm tra:\n  npm run validate -- noi-dung/exemplars/2019/doan-vien-do-van-duc-tiep-suc-mua-thi.md\n",
    });
    const file = "noi-dung/exemplars/2019/doan-vien-do-van-duc-tiep-suc-mua-thi.md";
    const text = read(file);
    expect(text).toContain('# Tiêu đề (bắt buộc): Tiêu đề bài viết, tối đa 150 ký tự.\ntitle: "Đoàn viên Đỗ Văn Đức: \\"tiếp sức\\" mùa thi"\n');
    expect(text).toContain("#   Chọn một: individual (Cá nhân), collective (Tập thể), model (Mô hình hay), practice (Cách làm hiệu quả)\nkind: individual\n");
    expect(text).toContain("#   Mã trong content/site.yaml (units):\n#     don-vi-mot: Đơn vị Một\n#     don-vi-hai: Đơn vị Hai\nunit: don-vi-mot\n");
    expect(text).toContain('achievements: ["Hiến máu 10 lần.", "Dạy học miễn phí, buổi tối."]\n');
    expect(text).toContain("# Phường (không bắt buộc): Mã phường, khai báo trong content/site.yaml (mục wards).\n");
    expect(text).toContain("\n# ward:\n");
    expect(text.endsWith("---\nBài viết về anh Đức.\n")).toBe(true);
    expect(await validate(file)).toEqual({ status: 0, lines: ["Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo."] });
  });

  it("leaves missing required fields empty so validation says what to fill in, line by line", async () => {
    expect((await runNewIn(["exemplar", "--title", "Tổ dân phố số 2", "--kind", "individual"])).status).toBe(0);
    const file = "noi-dung/exemplars/2020/to-dan-pho-so-2.md";
    const text = read(file);
    const result = await validate(file);
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      `${file}:${lineOf(text, '  name: ""')}:3: error: Thiếu trường "Năm sinh" (subject.birthYear): Năm sinh bốn chữ số (bắt buộc với cá nhân). Trường này là bắt buộc khi "Loại điển hình" (kind) là individual (Cá nhân). (schema-required)`,
      `${file}:${lineOf(text, '  name: ""')}:9: error: Trường "Họ tên / tên gọi" (subject.name) không được để trống. (schema-length)`,
      `${file}:${lineOf(text, 'unit: ""')}:7: error: Trường "Đơn vị đề xuất" (unit) không đúng dạng: Mã đơn vị đề xuất, khai báo trong content/site.yaml (mục units); đang ghi "". (schema-pattern)`,
      `${file}:${lineOf(text, 'field: ""')}:8: error: Trường "Lĩnh vực" (field) không đúng dạng: Mã lĩnh vực, khai báo trong content/site.yaml (mục fields); đang ghi "". (schema-pattern)`,
      `${file}:${lineOf(text, 'summary: ""')}:10: error: Trường "Trích ngang" (summary) không được để trống. (schema-length)`,
      `${file}:${lineOf(text, "achievements: []")}:15: error: Trường "Kết quả đạt được" (achievements) phải có ít nhất 1 mục. (schema-items)`,
      `${file}:${lineOf(text, "channels: []")}:11: error: Trường "Kênh tuyên truyền" (channels) phải có ít nhất 1 mục. (schema-items)`,
      `${file}:${lineOf(text, "consent: false")}:10: error: Trường "Đồng ý công bố" (consent) phải là true với điển hình cá nhân: chỉ công bố khi người được giới thiệu đã đồng ý. Đang ghi false; nếu chưa có sự đồng ý, hãy để bài ở dạng nháp (draft: true). (consent-required)`,
      `${file}:${text.split("\n").lastIndexOf("---") + 1}:1: error: Phần nội dung sau dòng --- thứ hai đang trống: điển hình phải có bài viết. Hãy viết nội dung bên dưới dòng này. (body-empty)`,
      "Đã kiểm tra 1 tệp: 9 lỗi, 0 cảnh báo.",
    ]);
  });

  it("never overwrites: a title that makes an existing slug, in any year, is refused", async () => {
    await runNewIn(["exemplar", "--title", "Tổ dân phố số 2", "--date", "2019-01-05"]);
    const before = read("noi-dung/exemplars/2019/to-dan-pho-so-2.md");
    const again = await runNewIn(["exemplar", "--title", "Tổ Dân Phố số 2", "--date", "2021-03-01"]);
    expect(again).toEqual({
      status: 2,
      stdout: "",
      stderr: 'Đã có tệp exemplars/2019/to-dan-pho-so-2.md cùng tên "to-dan-pho-so-2": không ghi đè. Chọn tiêu đề khác hoặc đặt tên tệp bằng --slug.\n',
    });
    expect(read("noi-dung/exemplars/2019/to-dan-pho-so-2.md")).toBe(before);
  });

  it("numbers bulletins in their year and names plans after their number", async () => {
    await runNewIn(["bulletin", "--date", "2019-06-01", "--exemplars", "a"]);
    const second = await runNewIn(["bulletin", "--date", "2019-09-01"]);
    expect(second.stdout.split("\n")[0]).toBe("Đã tạo noi-dung/bulletins/2019-02.md.");
    expect(read("noi-dung/bulletins/2019-02.md")).toContain("\nnumber: 2\n");
    const plan = await runNewIn([
      "plan", "--number", "09-KH/BTG", "--title", "Tuyên truyền điển hình năm 2019", "--issuer", "Ban Thử nghiệm", "--place", "Nơi Thử",
      "--date", "2019-01-10", "--basis", '{"number": "127-KH/BTGTU", "issuer": "Ban Tuyên giáo Thành ủy", "title": "Kế hoạch cấp trên"}',
      "--recipients", '{"purpose": "Để báo cáo", "names": ["Ban Thường vụ"]}', "--signer.title", "TRƯỞNG BAN", "--signer.name", "Người Ký", "--signer.signed",
      "--body", "I. MỤC ĐÍCH, YÊU CẦU",
    ]);
    expect(plan.stdout.split("\n")[0]).toBe("Đã tạo noi-dung/plans/2019/09-kh-btg.md.");
    expect(await validate("noi-dung/plans/2019/09-kh-btg.md")).toEqual({ status: 0, lines: ["Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo."] });
  });

  it("asks for missing required fields in a terminal, by number from the schema's labels and site.yaml", async () => {
    const questions: string[] = [];
    const answers = ["Sáng kiến sổ tay", "4", "Sổ tay điện tử", "2", "1", "", "Tóm tắt.", "Kết quả một; Kết quả hai", "1,3"];
    const result = await runNewIn(["exemplar"], {
      interactive: true,
      ask: async (q) => {
        questions.push(q);
        return answers.shift() ?? "";
      },
    });
    expect(result.status).toBe(0);
    expect(questions[1]).toBe(
      "Loại điển hình (Cá nhân, tập thể, mô hình hay hoặc cách làm hiệu quả.)\n  1. Cá nhân [individual]\n  2. Tập thể [collective]\n  3. Mô hình hay [model]\n  4. Cách làm hiệu quả [practice]\nChọn số: ",
    );
    expect(questions[5]).toBe("Ngày đề xuất (Ngày đề xuất hoặc công nhận, dạng YYYY-MM-DD; quyết định quý được tính.) [2020-01-01]: ");
    const text = read("noi-dung/exemplars/2020/sang-kien-so-tay.md");
    for (const line of ["kind: practice", "unit: don-vi-hai", "field: giao-duc", "date: 2020-01-01", 'achievements: ["Kết quả một", "Kết quả hai"]', "channels: [portal, loudspeaker]"]) {
      expect(text.split("\n")).toContain(line);
    }
  });

  it("explains a wrong type, flag or value with the usage, exit status 2", async () => {
    const wrong = await runNewIn(["dien-hinh"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.split("\n")[0]).toBe('Không có loại nội dung "dien-hinh".');
    expect((await runNewIn(["exemplar", "--title", "X", "--date", "2019-02-30"])).stderr.split("\n")[0]).toBe('--date phải là ngày có thật dạng YYYY-MM-DD, không phải "2019-02-30".');
    expect((await runNewIn(["exemplar", "--title", "X", "--subject.birthYear", "năm"])).stderr.split("\n")[0]).toBe('--subject.birthYear (Năm sinh) phải là số, không phải "năm".');
    expect((await runNewIn(["exemplar", "--permalink", "/x/"])).stderr.split("\n")[0]).toBe('Không hiểu tùy chọn "--permalink".');
  });

  it("answers --help after the type too, and writes nothing", async () => {
    const help = await runNewIn(["exemplar", "--title", "Chỉ hỏi cách dùng", "--help"]);
    expect(help).toMatchObject({ status: 0, stderr: "" });
    expect(help.stdout.split("\n")[0]).toBe("Cách dùng: npm run new -- LOẠI [--content THƯ_MỤC] [--TRƯỜNG GIÁ_TRỊ ...] [--body VĂN_BẢN] [--slug TÊN_TỆP]");
    expect(existsSync(path.join(dir, "noi-dung/exemplars/2020/chi-hoi-cach-dung.md"))).toBe(false);
  });
});
