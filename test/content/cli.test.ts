// The validate command: exit codes, formats (text, JSON, GitHub through the real @actions/core), --fix, FILE filters, no stack traces.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runValidate, type ValidateIO } from "../../src/content/cli.ts";
import { EXEMPLAR, VALID, variant, withLine, writeTree } from "./helpers.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const E = "exemplars/2019/co-giao-mai.md";

async function run(argv: string[], cwd: string, env: Record<string, string | undefined> = {}, extra: Partial<ValidateIO> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runValidate(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd,
    env,
    ...extra,
  });
  return { code, stdout, stderr };
}

const BAD = variant({ [E]: withLine(EXEMPLAR, "date: 2019-03-15", "date: 2019-02-30") });

describe("npm run validate", () => {
  it("exits 0 with a summary line on valid content, paths relative to the working directory", async () => {
    const dir = await writeTree(VALID);
    const result = await run(["--content", "."], dir);
    expect(result).toEqual({ code: 0, stdout: "Đã kiểm tra 5 tệp: 0 lỗi, 0 cảnh báo.\n", stderr: "" });
  });

  it("exits 1 and prints file:line:col from the working directory", async () => {
    const dir = await writeTree(BAD);
    const result = await run(["--content", dir], path.dirname(dir));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${path.basename(dir)}/${E}:11:7: error: Ngày không hợp lệ: 2019-02-30 (date-invalid)\nĐã kiểm tra 5 tệp: 1 lỗi, 0 cảnh báo.\n`);
  });

  it("exits 0 when there are only warnings", async () => {
    const dir = await writeTree({ ...VALID, "exemplars/2019/ghi-chu.txt": "x" });
    const result = await run(["--content", "."], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Đã kiểm tra 5 tệp: 0 lỗi, 1 cảnh báo.");
  });

  it("prints one JSON array with --format json", async () => {
    const dir = await writeTree(BAD);
    const result = await run(["--content", ".", "--format", "json"], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([{ file: E, line: 11, column: 7, severity: "error", rule: "date-invalid", message: "Ngày không hợp lệ: 2019-02-30" }]);
  });

  it("limits the report to FILE arguments while cross-file rules still see the tree", async () => {
    const tree = variant({ [E]: withLine(EXEMPLAR, "date: 2019-03-15", "date: 2019-02-30"), "activities/2019/giao-luu-19-5.md": undefined, "bulletins/2019-01.md": undefined });
    const dir = await writeTree({ ...tree, "exemplars/2019/khac.md": withLine(EXEMPLAR, "unit: don-vi-mot", "unit: khong-co") });
    const only = await run(["--content", ".", "exemplars/2019/khac.md"], dir);
    expect(only.code).toBe(1);
    expect(only.stdout).toBe(
      `exemplars/2019/khac.md:8:7: error: Trường "Đơn vị đề xuất" (unit): "khong-co" không có trong site.yaml (mục units). Các mã được phép: don-vi-mot, don-vi-hai. (unit-unknown)\nĐã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo.\n`,
    );
  });

  it("refuses bad usage with a Vietnamese message and exit 2", async () => {
    const dir = await writeTree(VALID);
    const unknown = await run(["--nhanh"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split("\n")[0]).toBe('Không hiểu tùy chọn "--nhanh".');
    expect(unknown.stderr).toContain("Cách dùng: npm run validate -- [--content THƯ_MỤC] [--format text|json|github] [--fix] [TỆP...]");
    expect((await run(["--format", "xml"], dir)).stderr.split("\n")[0]).toBe('Kiểu --format không hợp lệ: "xml". Chọn text, json hoặc github.');
    const missing = await run(["--content", "khong-co"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split("\n")[0]).toBe('Không tìm thấy thư mục nội dung "khong-co". Hãy chạy lệnh ở thư mục gốc của kho hoặc chỉ đúng --content.');
    expect((await run(["--content", ".", "../ngoai.md"], dir)).code).toBe(2);
  });

  it("turns an internal error into a clear message and exit 2, without a stack trace", async () => {
    const dir = await writeTree(BAD);
    const broken = { error: () => { throw new Error("hỏng"); }, warning: () => undefined, summary: {} as never };
    const result = await run(["--content", ".", "--format", "github"], dir, {}, { core: broken as never });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("Lỗi nội bộ của trình kiểm tra nội dung (không phải lỗi của bạn): hỏng\nHãy báo cho người quản trị kho, kèm dòng này và lệnh đã chạy.\n");
  });
});

describe("--fix", () => {
  it("rewrites NFC and trailing spaces, keeps BOM and CRLF, keeps hard breaks, then reports what is left", async () => {
    const nfd = "Cô giáo tận tụy".normalize("NFD");
    const text = `\uFEFF${withLine(withLine(EXEMPLAR, "summary: Cô giáo tận tụy với học sinh nghèo.", `summary: ${nfd} với học sinh nghèo.   `), "Bài viết về cô giáo.\n", "Dòng một  \nDòng hai \t\n")}`.replace(/\n/g, "\r\n");
    const dir = await writeTree(variant({ [E]: text, "exemplars/2019/khac.md": withLine(EXEMPLAR, "unit: don-vi-mot", "unit: khong-co") }));
    const result = await run(["--content", ".", "--fix"], dir);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")[0]).toBe(`Đã sửa 1 tệp: ${E}.`);
    expect(result.stdout).not.toContain("unicode-nfc");
    expect(result.stdout).toContain("(unit-unknown)");
    const fixed = await readFile(path.join(dir, E));
    expect([...fixed.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const fixedText = fixed.toString("utf8").slice(1);
    expect(fixedText).toBe(`${withLine(EXEMPLAR, "Bài viết về cô giáo.\n", "Dòng một  \nDòng hai\n")}`.replace(/\n/g, "\r\n"));
  });

  it("rewrites a file with CR-only line endings with LF", async () => {
    const dir = await writeTree(variant({ [E]: EXEMPLAR.replace(/\n/g, "\r") }));
    const before = await run(["--content", "."], dir);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(`${E}:1:1: error: Tệp xuống dòng bằng ký tự CR (kiểu máy Mac cũ)`);
    const result = await run(["--content", ".", "--fix"], dir);
    expect(result).toEqual({ code: 0, stdout: `Đã sửa 1 tệp: ${E}.\nĐã kiểm tra 5 tệp: 0 lỗi, 0 cảnh báo.\n`, stderr: "" });
    expect(await readFile(path.join(dir, E), "utf8")).toBe(EXEMPLAR);
  });

  it("never touches a file that is not UTF-8", async () => {
    const bytes = Buffer.concat([Buffer.from(EXEMPLAR.replace("Bài viết về cô giáo.", "Co giao ")), Buffer.from([0xe2, 0x20, 0x20, 0x0a])]);
    const dir = await writeTree(variant({ [E]: bytes }));
    const result = await run(["--content", ".", "--fix"], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("(encoding-invalid)");
    expect(Buffer.compare(await readFile(path.join(dir, E)), bytes)).toBe(0);
  });
});

describe("--format github", () => {
  it("writes annotations and a job summary through the real @actions/core", async () => {
    const dir = await writeTree(variant({ [E]: withLine(EXEMPLAR, "date: 2019-03-15", "date: 2019-02-30"), "exemplars/2019/ghi-chu.txt": "x" }));
    const scratch = await mkdtemp(path.join(tmpdir(), "gs-gh-"));
    const summary = path.join(scratch, "summary.md");
    const output = path.join(scratch, "output.txt");
    await writeFile(summary, "");
    await writeFile(output, "");
    const env = { ...process.env, GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output };
    const child = await promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts/validate.ts"), "--content", "."], { cwd: dir, env }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect((child as { code?: number }).code).toBe(1);
    expect(child.stdout.split("\n")).toEqual([
      `::error title=date-invalid,file=${E},line=11,col=7::Ngày không hợp lệ: 2019-02-30`,
      "::warning title=file-unknown,file=exemplars/2019/ghi-chu.txt,line=1,col=1::Tệp này không thuộc loại nội dung nào và không được dùng (chỉ nhận tệp .md, ảnh .jpg/.png/.webp và site.yaml). Nếu không cần, hãy xóa.",
      "Đã kiểm tra 5 tệp: 1 lỗi, 1 cảnh báo.",
      "",
    ]);
    const table = await readFile(summary, "utf8");
    expect(table).toContain("<h2>Kiểm tra nội dung</h2>");
    expect(table).toContain("<p>Đã kiểm tra 5 tệp: 1 lỗi, 1 cảnh báo.</p>");
    expect(table).toContain(`<tr><td>${E}</td><td>11</td><td>7</td><td>lỗi</td><td>date-invalid</td><td>Ngày không hợp lệ: 2019-02-30</td></tr>`);
  });
});

describe("YAML values keep what the author wrote", () => {
  it("keeps 05 and 2019 as text where the schema wants text, numbers where it wants numbers", async () => {
    const { loadContent } = await import("../../src/content/load.ts");
    const dir = await writeTree(variant({ [E]: withLine(withLine(EXEMPLAR, "  role: Giáo viên", "  role: 05"), "consent: true\n", "consent: true\ntags: [2019, 05, 1.10, true]\n") }));
    const { model, findings } = await loadContent(dir, { cwd: dir });
    expect(findings).toEqual([]);
    const data = model.exemplars[0]?.data;
    expect(data?.subject.role).toBe("05");
    expect(data?.tags).toEqual(["2019", "05", "1.10", "true"]);
    expect(data?.subject.birthYear).toBe(1975);
    expect(data?.date).toBe("2019-03-15");
  });
});

describe("printed findings are inert", () => {
  const forged = withLine(EXEMPLAR, "kind: individual", 'kind: "x\\n::error::giả \\e[2J"');

  it("text: control characters in values and file names are shown as <U+XXXX>, no line starts with ::", async () => {
    const dir = await writeTree(variant({ [E]: forged, "::error title=giả::tệp.txt": "x", "a\n::warning::b.txt": "y" }));
    const result = await run(["--content", "."], dir);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")).toEqual([
      "./::error title=giả::tệp.txt:1:1: warning: Tệp này không thuộc loại nội dung nào và không được dùng (chỉ nhận tệp .md, ảnh .jpg/.png/.webp và site.yaml). Nếu không cần, hãy xóa. (file-unknown)",
      "a<U+000A>::warning::b.txt:1:1: warning: Tệp này không thuộc loại nội dung nào và không được dùng (chỉ nhận tệp .md, ảnh .jpg/.png/.webp và site.yaml). Nếu không cần, hãy xóa. (file-unknown)",
      `${E}:3:7: error: Trường "Loại điển hình" (kind) phải là một trong: individual (Cá nhân), collective (Tập thể), model (Mô hình hay), practice (Cách làm hiệu quả); đang ghi "x<U+000A>::error::giả <U+001B>[2J". (schema-enum)`,
      `${E}:3:7: error: Ký tự ESC (U+001B), dùng để điều khiển màn hình dòng lệnh, không được phép trong văn bản. Ký tự này được viết bằng chuỗi thoát (\\u…, \\x…) trong dấu ngoặc kép; hãy xóa chuỗi thoát đó. (unicode-control)`,
      "Đã kiểm tra 5 tệp: 2 lỗi, 2 cảnh báo.",
      "",
    ]);
  });

  it("github: our annotations only, their data and properties escaped as GitHub requires", async () => {
    const dir = await writeTree(variant({ [E]: forged, "a,b:c%.txt": "x" }));
    const env = { ...process.env, GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: "", GITHUB_OUTPUT: "" };
    const child = await promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts/validate.ts"), "--content", "."], { cwd: dir, env }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(child.stdout.split("\n")).toEqual([
      "::warning title=file-unknown,file=a%2Cb%3Ac%25.txt,line=1,col=1::Tệp này không thuộc loại nội dung nào và không được dùng (chỉ nhận tệp .md, ảnh .jpg/.png/.webp và site.yaml). Nếu không cần, hãy xóa.",
      `::error title=schema-enum,file=${E},line=3,col=7::Trường "Loại điển hình" (kind) phải là một trong: individual (Cá nhân), collective (Tập thể), model (Mô hình hay), practice (Cách làm hiệu quả); đang ghi "x<U+000A>::error::giả <U+001B>[2J".`,
      `::error title=unicode-control,file=${E},line=3,col=7::Ký tự ESC (U+001B), dùng để điều khiển màn hình dòng lệnh, không được phép trong văn bản. Ký tự này được viết bằng chuỗi thoát (\\u…, \\x…) trong dấu ngoặc kép; hãy xóa chuỗi thoát đó.`,
      "Đã kiểm tra 5 tệp: 2 lỗi, 1 cảnh báo.",
      "",
    ]);
  });
});
