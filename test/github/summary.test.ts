// The job summary a reviewer reads and the JSON artifact handed to the comment workflow, on a fixture PR.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseSummaryArtifact } from "../../src/github/artifact.ts";
import { runChangedFiles, runPrSummary } from "../../src/github/cli.ts";
import { escapeMarkdown } from "../../src/github/markdown.ts";
import { actionsEnv, FIXTURES, io, pullRequestEvent, twoCommitRepo } from "./helpers.ts";

describe("escapeMarkdown", () => {
  it("leaves no HTML, link, table break, line break or mention", () => {
    expect(escapeMarkdown('<img src=x onerror="a()">\n[x](javascript:a) | @org/team ![i](u) `c` $x$')).toBe(
      "&lt;img src\\=x onerror\\=\"a\\(\\)\"&gt; \\[x\\]\\(javascript:a\\) \\| @&#8203;org/team \\!\\[i\\]\\(u\\) \\`c\\` \\$x\\$",
    );
  });
});

describe("pr-summary on a fixture PR", () => {
  const repo = twoCommitRepo(path.join(FIXTURES, "base"), path.join(FIXTURES, "head"));
  const actions = actionsEnv(pullRequestEvent(repo.base, repo.head));
  afterAll(() => {
    rmSync(repo.dir, { recursive: true, force: true });
    actions.cleanup();
  });
  const artifact = path.join(actions.dir, "pr-summary.json");
  let status: number | undefined;
  const ran = (async () => {
    const run = io(["--out", artifact], actions.env, repo.dir);
    status = await runPrSummary(run.io);
    return run.out;
  })();

  it("writes the table of changed entries to the job summary", async () => {
    const out = await ran;
    expect(status).toBe(0);
    expect(out.stderr).toBe("");
    const lines = actions.summary().split("\n");
    // The consent message is the validator's wording; its line is checked for what the author needs.
    const consent = lines.findIndex((l) => l.startsWith("- dòng 2, cột 1: "));
    expect(lines[consent]).toMatch(/^- dòng 2, cột 1: ❌ lỗi: Thiếu trường .*consent.* \(`schema-required`\)$/);
    lines[consent] = "<consent>";
    expect(lines.join("\n")).toBe(
      [
        "### Gương Sáng: nội dung thay đổi",
        "",
        "5 mục nội dung thay đổi: 3 hợp lệ, 1 có lỗi cần sửa, 1 gỡ bỏ.",
        "",
        "| Kết quả | Loại | Tệp | Tiêu đề | Phân loại | Đơn vị | Quý | Kênh | Trang |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        "| ❌ 2 lỗi | Điển hình | `content/exemplars/2019/bac-si-tran-van-an.md` (thêm mới) | — | — | — | — | — | `/dien-hinh/bac-si-tran-van-an/` |",
        "| ✅ Hợp lệ | Điển hình | `content/exemplars/2019/co-giao-nguyen-thi-mai.md` (sửa) | Cô giáo Nguyễn Thị Mai: hai mươi năm gần gũi học trò | Cá nhân | Đơn vị Một | Quý II năm 2019 | Cổng thông tin, Bản tin | `/dien-hinh/co-giao-nguyen-thi-mai/` |",
        "| ✅ Hợp lệ | Điển hình | `content/exemplars/2019/mo-hinh-thu.md` (thêm mới) | Mô hình &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\| @&#8203;caugiay-btg/tham-dinh \\[xem\\]\\(https:/&#8203;/example.com\\) \\*\\*đậm\\*\\* | Mô hình hay | Đơn vị Hai | Quý IV năm 2019 | Cổng thông tin, Loa truyền thanh | `/dien-hinh/mo-hinh-thu/` (bản nháp: chưa công bố) |",
        "| 🗑️ Gỡ bỏ | Điển hình | `content/exemplars/2019/to-dan-pho-so-1.md` (xóa) | — | — | — | — | — | không còn `/dien-hinh/to-dan-pho-so-1/` |",
        "| ✅ Hợp lệ | Hoạt động | `content/activities/2019/giao-luu-ngay-19-5.md` (đổi tên từ `content/activities/2019/giao-luu-thang-5.md`) | Giao lưu điển hình nhân dịp 19/5 | Giao lưu | Đơn vị Một | Quý II năm 2019 | Loa truyền thanh | `/hoat-dong/2019/` |",
        "",
        "#### Cần sửa trước khi duyệt",
        "",
        "**content/exemplars/2019/bac-si-tran-van-an.md**",
        "",
        "<consent>",
        "- dòng 9, cột 7: ❌ lỗi: Ngày không hợp lệ: 2019-02-30 (`date-invalid`)",
        "",
        "Cách sửa từng loại thông báo: xem CONTRIBUTING.md, mục “CI báo lỗi thì sửa thế nào”.",
        "",
      ].join("\n"),
    );
  });

  it("writes an artifact that the comment workflow accepts as it is", async () => {
    await ran;
    const text = readFileSync(artifact, "utf8");
    const summary = parseSummaryArtifact(text);
    expect(summary).toEqual(JSON.parse(text));
    expect(summary).toMatchObject({ version: 1, pr: 42, headSha: repo.head, baseSha: repo.base, otherFiles: [], otherFindings: 0 });
    expect(summary.rows.map((r) => [r.type, r.result, r.errors])).toEqual([
      ["exemplar", "error", 2],
      ["exemplar", "ok", 0],
      ["exemplar", "ok", 0],
      ["exemplar", "removed", 0],
      ["activity", "ok", 0],
    ]);
  });

  it("annotates the changed files on the diff: the workflow's validate step, run with the real validator", async () => {
    await ran;
    const listFile = path.join(actions.dir, "changed-content");
    expect(runChangedFiles(io(["--list", listFile], actions.env, repo.dir).io)).toBe(0);
    const summaryFile = path.join(actions.dir, "validate-summary.md");
    writeFileSync(summaryFile, "");
    // The same command line as the "Validate the changed content" step of pr.yml, with npm run validate spelled out.
    const tsx = path.resolve(import.meta.dirname, "../../node_modules/.bin/tsx");
    const validate = path.resolve(import.meta.dirname, "../../scripts/validate.ts");
    const step = spawnSync("bash", ["-c", 'xargs -0 -r "$TSX" "$VALIDATE" --format github < "$LIST"'], {
      cwd: repo.dir,
      encoding: "utf8",
      env: { ...process.env, TSX: tsx, VALIDATE: validate, LIST: listFile, GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(step.status).toBe(123); // xargs: the validator exited 1
    const annotations = step.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toMatch(/^::error title=schema-required,file=content\/exemplars\/2019\/bac-si-tran-van-an\.md,line=2,col=1::Thiếu trường "Đồng ý công bố" \(consent\)/);
    expect(annotations[1]).toBe("::error title=date-invalid,file=content/exemplars/2019/bac-si-tran-van-an.md,line=9,col=7::Ngày không hợp lệ: 2019-02-30");
  });
});
