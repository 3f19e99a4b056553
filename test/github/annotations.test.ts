// GitHub shows 10 error and 10 warning annotations per step: the first ones go on the diff, and the job
// summary lists every finding with its file and line and says how many were not annotated. Driven
// through the real @actions/core, which writes annotations to stdout and the summary to its file.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ANNOTATIONS_PER_SEVERITY, reportGithub, type ActionsCore } from "../../src/content/format.ts";
import type { Finding } from "../../src/content/model.ts";

const finding = (i: number, severity: Finding["severity"]): Finding => ({
  file: `content/exemplars/2019/tep-${i}.md`,
  line: i + 1,
  column: 3,
  severity,
  rule: "date-invalid",
  message: `Ngày không hợp lệ số ${i}`,
});

afterEach(() => vi.restoreAllMocks());

describe("reportGithub", () => {
  it("annotates the first 10 errors and 10 warnings and lists all of them in the summary", async () => {
    const findings = [...Array.from({ length: 13 }, (_, i) => finding(i, "error")), ...Array.from({ length: 11 }, (_, i) => finding(100 + i, "warning"))];
    const summaryFile = path.join(await mkdtemp(path.join(tmpdir(), "gs-annot-")), "summary.md");
    await writeFile(summaryFile, "");
    const env = { GITHUB_STEP_SUMMARY: summaryFile };
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      return true;
    });
    try {
      const core = (await import("@actions/core")) as unknown as ActionsCore;
      await reportGithub(findings, 24, core, env);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = saved;
    }
    const errors = lines.filter((l) => l.startsWith("::error "));
    const warnings = lines.filter((l) => l.startsWith("::warning "));
    expect(errors).toHaveLength(ANNOTATIONS_PER_SEVERITY);
    expect(warnings).toHaveLength(ANNOTATIONS_PER_SEVERITY);
    expect(errors[0]).toBe("::error title=date-invalid,file=content/exemplars/2019/tep-0.md,line=1,col=3::Ngày không hợp lệ số 0");
    expect(errors.at(-1)).toContain("tep-9.md");
    const summary = await readFile(summaryFile, "utf8");
    expect(summary).toContain(
      "<p>GitHub chỉ gắn 10 lỗi và 10 cảnh báo đầu tiên lên các dòng của thay đổi; 4 thông báo còn lại không được gắn: bảng dưới đây liệt kê đủ mọi thông báo, kèm tệp và dòng.</p>",
    );
    for (const f of findings) expect(summary).toContain(`<tr><td>${f.file}</td><td>${f.line}</td><td>3</td>`);
  });

  it("says nothing about unannotated findings when all fit", async () => {
    const summaryFile = path.join(await mkdtemp(path.join(tmpdir(), "gs-annot-")), "summary.md");
    await writeFile(summaryFile, "");
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      const core = (await import("@actions/core")) as unknown as ActionsCore;
      await reportGithub([finding(1, "error")], 1, core, { GITHUB_STEP_SUMMARY: summaryFile });
    } finally {
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = saved;
    }
    expect(await readFile(summaryFile, "utf8")).not.toContain("không được gắn");
  });
});
