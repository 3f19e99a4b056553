// The sources file and the command's edges: every mistake in the file is a Vietnamese finding at its line, the exit
// codes follow the contract (1 invalid file, 2 usage), and --out never replaces a folder the project did not make.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAggregate } from "../../src/aggregate/cli.ts";
import { readSources } from "../../src/aggregate/sources.ts";
import { formatFinding } from "../../src/content/format.ts";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gs-sources-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function findings(name: string, text: string): Promise<string[]> {
  await writeFile(path.join(dir, name), text);
  const { config, findings: found } = await readSources(name, dir);
  expect(config).toBeUndefined();
  return found.map(formatFinding);
}

function io() {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, cwd: dir, env: {} },
  };
}

describe("the sources file", () => {
  it("reads a valid file: url and path sources, the folder resolved from the file's own folder", async () => {
    await mkdir(path.join(dir, "cau-hinh"), { recursive: true });
    await writeFile(path.join(dir, "cau-hinh/nguon.yaml"), "sources:\n  - id: cau-giay\n    url: https://example.github.io/cau-giay/\n  - id: nghia-do\n    path: ../nghia-do/_site\n");
    const { config, findings: found } = await readSources("cau-hinh/nguon.yaml", dir);
    expect(found).toEqual([]);
    expect(config?.sources).toEqual([
      { id: "cau-giay", url: "https://example.github.io/cau-giay/", line: 2 },
      { id: "nghia-do", dir: path.join(dir, "nghia-do/_site"), line: 4 },
    ]);
    expect(config?.title).toMatch(/^Gương sáng/);
  });

  it("names the schema's mistakes at their lines, with the fields' Vietnamese titles", async () => {
    expect(
      await findings(
        "schema.yaml",
        "sources:\n  - id: Nghia Do\n    path: ../nghia-do/_site\n  - id: ftp\n    url: ftp://example.vn/\n    colour: red\n",
      ),
    ).toEqual([
      'schema.yaml:2:9: error: Trường "Mã nguồn" (sources[0].id) không đúng dạng: Mã ổn định, viết thường không dấu, nối bằng gạch ngang, ví dụ cau-giay; không đổi giữa các lần tổng hợp; đang ghi "Nghia Do". (schema-pattern)',
      'schema.yaml:5:10: error: Trường "Địa chỉ trang" (sources[1].url) không đúng dạng: Địa chỉ chuyên mục đã công bố, kết thúc bằng /, ví dụ https://ten.github.io/cau-giay/; đang ghi "ftp://example.vn/". (schema-pattern)',
      'schema.yaml:6:5: error: Trường "colour" không có trong Mục 2 của "Nguồn" (sources[1]). Các trường được phép: id, name, url, path. (schema-unknown-key)',
    ]);
  });

  it("refuses a source with both or neither of url and path, and a repeated id", async () => {
    expect(
      await findings(
        "rules.yaml",
        "sources:\n  - id: cau-giay\n    url: https://example.github.io/cau-giay/\n  - id: cau-giay\n    url: https://example.github.io/khac/\n    path: ../khac\n  - id: mai-dich\n",
      ),
    ).toEqual([
      'rules.yaml:4:5: error: Nguồn "cau-giay" phải có đúng một trong hai trường: url (địa chỉ trang đã công bố) hoặc path (thư mục đã dựng trên máy). (source-location)',
      'rules.yaml:4:9: error: Mã nguồn "cau-giay" đã dùng ở dòng 2; mỗi nguồn một mã riêng. (source-duplicate)',
      'rules.yaml:7:5: error: Nguồn "mai-dich" phải có đúng một trong hai trường: url (địa chỉ trang đã công bố) hoặc path (thư mục đã dựng trên máy). (source-location)',
    ]);
  });

  it("reports a YAML syntax error at its line", async () => {
    expect(await findings("syntax.yaml", 'sources:\n  - id: "cau-giay\n    url: https://example.github.io/\n')).toEqual([
      "syntax.yaml:2:9: error: Lỗi cú pháp YAML: thiếu ký tự đóng (dấu ngoặc kép, ngoặc vuông hoặc ngoặc nhọn). (yaml-syntax)",
    ]);
  });
});

describe("npm run aggregate: exit codes", () => {
  it("1 for an invalid sources file, with the findings and nothing written", async () => {
    await writeFile(path.join(dir, "sai.yaml"), "sources: []\n");
    const { out, io: streams } = io();
    expect(await runAggregate(["--sources", "sai.yaml", "--out", "ket-qua"], streams)).toBe(1);
    expect(out.stderr).toContain('sai.yaml:1:10: error: Trường "Nguồn" (sources) phải có ít nhất 1 mục');
    expect(out.stderr).toContain('Tệp nguồn có 1 lỗi (xem các dòng trên); chưa tổng hợp. Thư mục "ket-qua" được giữ nguyên.');
  });

  it("2 for a missing sources file, a missing --sources and an unknown option", async () => {
    const a = io();
    expect(await runAggregate(["--sources", "khong-co.yaml"], a.io)).toBe(2);
    expect(a.out.stderr).toBe("khong-co.yaml:1:1: error: Không đọc được tệp nguồn khong-co.yaml. Hãy kiểm tra đường dẫn sau --sources. (sources-missing)\n");
    const b = io();
    expect(await runAggregate([], b.io)).toBe(2);
    expect(b.out.stderr).toMatch(/^Thiếu --sources TỆP: tệp YAML liệt kê các nguồn cần tổng hợp\.\n\nCách dùng: npm run aggregate/);
    const c = io();
    expect(await runAggregate(["--sources", "x.yaml", "--nhanh"], c.io)).toBe(2);
    expect(c.out.stderr.split("\n")[0]).toBe('Không hiểu tùy chọn "--nhanh".');
  });

  it("2 when --out is a folder the project did not make, which is left untouched", async () => {
    await writeFile(path.join(dir, "mot.yaml"), "sources:\n  - id: mot\n    path: khong-co\n");
    await mkdir(path.join(dir, "cua-toi"), { recursive: true });
    await writeFile(path.join(dir, "cua-toi/ghi-chu.txt"), "của người dùng");
    const { out, io: streams } = io();
    expect(await runAggregate(["--sources", "mot.yaml", "--out", "cua-toi"], streams, { home: dir })).toBe(2);
    expect(out.stderr).toContain("cua-toi");
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(path.join(dir, "cua-toi/ghi-chu.txt"), "utf8")).toBe("của người dùng");
  });
});
