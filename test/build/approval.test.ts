// The approval record on exemplar and plan pages comes from git at build time; outside git it is simply absent.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, read, run, tempDir } from "./helpers.ts";

/** Every HTML file under `dir`, relative to it. */
async function listHtml(dir: string): Promise<string[]> {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
}

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
    // The plan was committed straight to main ("Start"): no merge names a PR, so its page claims nothing.
    expect(await read(site, "ke-hoach/05-kh-btg/index.html")).not.toContain("Phê duyệt công bố");
    // The draft file was never committed; with --drafts its page has no record and the build does not fail.
    const drafts = path.join(await tempDir(), "_site");
    expect((await run(["--content", content, "--out", drafts, "--no-pdf", "--drafts"])).code).toBe(0);
    expect(await read(drafts, "dien-hinh/ban-nhap-chua-duyet/index.html")).not.toContain("Phê duyệt công bố");
  });

  it("claims no approval on any page built from a shallow clone, and stops the build in CI", async () => {
    const content = await copyFixture("site-basic");
    const repo = path.dirname(content);
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", "content/site.yaml", "content/plans", "content/activities", "content/bulletins");
    git(repo, "commit", "-q", "-m", "Start");
    git(repo, "checkout", "-q", "-b", "de-xuat");
    git(repo, "add", "content");
    git(repo, "commit", "-q", "-m", "Đề xuất các điển hình");
    git(repo, "checkout", "-q", "main");
    git(repo, "merge", "-q", "--no-ff", "de-xuat", "-m", "Merge pull request #31 from don-vi/de-xuat");
    const full = path.join(await tempDir(), "_site");
    expect((await run(["--content", content, "--out", full, "--no-pdf"])).code).toBe(0);
    expect(await read(full, "dien-hinh/co-giao-nguyen-thi-mai/index.html")).toContain("<strong>#31</strong>");

    const clone = path.join(await tempDir(), "kho");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, clone], { stdio: "ignore" });
    expect(execFileSync("git", ["rev-parse", "--is-shallow-repository"], { cwd: clone, encoding: "utf8" }).trim()).toBe("true");
    // Outside CI the build goes on and no page says anything about approval. readApprovals reads
    // process.env: take CI's own variables away for this build (the suite itself may run in CI).
    const saved = { CI: process.env.CI, GITHUB_ACTIONS: process.env.GITHUB_ACTIONS };
    delete process.env.CI;
    delete process.env.GITHUB_ACTIONS;
    try {
      const site = path.join(await tempDir(), "_site");
      expect((await run(["--content", path.join(clone, "content"), "--out", site, "--no-pdf"])).code).toBe(0);
      const claims = (await listHtml(site)).filter((f) => readFileSync(path.join(site, f), "utf8").includes("Phê duyệt công bố"));
      expect(claims).toEqual([]);
      const ci = await run(["--content", path.join(clone, "content"), "--out", path.join(await tempDir(), "_site"), "--no-pdf"], { env: { CI: "true" } });
      expect(ci.code).toBe(2);
      expect(ci.stderr).toContain("Lịch sử git của kho bị cắt ngắn (shallow clone)");
      expect(ci.stderr).toContain("fetch-depth: 0");
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
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
