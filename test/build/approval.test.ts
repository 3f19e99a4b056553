// The approval record on exemplar and plan pages comes from git at build time; outside git it is simply absent.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, read, run, tempDir } from "./helpers.ts";

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=Thử", "-c", "user.email=thu@example.vn", "-c", "commit.gpgsign=false", ...args], { cwd, stdio: "ignore" });
}

describe("approval record", () => {
  it("shows the merge commit, its PR number and date for committed files, nothing for uncommitted ones", async () => {
    const content = await copyFixture("site-basic");
    const repo = path.dirname(content);
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", "content/site.yaml", "content/plans", "content/activities", "content/bulletins", "content/exemplars/2019/tram-y-te-phuong-hai.md");
    git(repo, "commit", "-q", "-m", "Start");
    git(repo, "checkout", "-q", "-b", "de-xuat");
    git(repo, "add", "content/exemplars/2019/co-giao-nguyen-thi-mai.md", "content/exemplars/2019/anh-thu.jpg");
    git(repo, "commit", "-q", "-m", "Đề xuất cô giáo Mai");
    git(repo, "checkout", "-q", "main");
    git(repo, "merge", "-q", "--no-ff", "de-xuat", "-m", "Merge pull request #23 from don-vi-mot/de-xuat");
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: repo, encoding: "utf8" }).trim();

    const site = path.join(await tempDir(), "_site");
    expect((await run(["--content", content, "--out", site, "--no-pdf"])).code).toBe(0);
    const mai = await read(site, "dien-hinh/co-giao-nguyen-thi-mai/index.html");
    expect(mai).toMatch(
      new RegExp(`Được đưa vào hồ sơ công bố ngày \\d+ tháng \\d+ năm \\d{4} qua đề nghị thay đổi \\(pull request\\) <strong>#23</strong> \\(mã thay đổi <code>${head.slice(0, 10)}</code>\\)\\.`),
    );
    expect(await read(site, "ke-hoach/05-kh-btg/index.html")).toContain("Phê duyệt công bố");
    // The draft file was never committed; with --drafts its page has no record and the build does not fail.
    const drafts = path.join(await tempDir(), "_site");
    expect((await run(["--content", content, "--out", drafts, "--no-pdf", "--drafts"])).code).toBe(0);
    expect(await read(drafts, "dien-hinh/ban-nhap-chua-duyet/index.html")).not.toContain("Phê duyệt công bố");
  });

  it("is left out without error outside a git checkout", async () => {
    const content = await copyFixture("site-basic");
    const site = path.join(await tempDir(), "_site");
    const result = await run(["--content", content, "--out", site, "--no-pdf"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(await read(site, "dien-hinh/co-giao-nguyen-thi-mai/index.html")).not.toContain("Phê duyệt công bố");
  });
});
