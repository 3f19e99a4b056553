// Approval records from git history: the commit that brought each file in, its PR number and date; nothing outside git.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseGitLog, prNumber, readApprovals, ShallowHistoryError } from "../../src/site/approvals.ts";

describe("prNumber", () => {
  it.each([
    ["Merge pull request #42 from don-vi/dien-hinh-moi", 42],
    ["Thêm điển hình cô giáo Ánh (#7)", 7],
    ["Add exemplar", undefined],
    ["Fix #12 in the middle", undefined],
  ])("%s → %s", (subject, n) => expect(prNumber(subject)).toBe(n));
});

describe("parseGitLog", () => {
  it("takes the oldest sighting as the entry and the newest as the last update", () => {
    const log = "\x1eccc\x1f2019-03-02T10:00:00+07:00\x1fMerge pull request #9 from a/b\n\nexemplars/a.md\n\x1ebbb\x1f2019-03-01T23:30:00Z\x1fMerge pull request #5 from a/c\n\nexemplars/a.md\nexemplars/b.md\n";
    const map = parseGitLog(log);
    expect(map.get("exemplars/b.md")).toEqual({ entered: { commit: "bbb", date: "2019-03-02", subject: "Merge pull request #5 from a/c", pr: 5 } });
    expect(map.get("exemplars/a.md")?.entered.pr).toBe(5);
    expect(map.get("exemplars/a.md")?.updated?.pr).toBe(9);
  });
});

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=Thử", "-c", "user.email=thu@example.vn", "-c", "commit.gpgsign=false", ...args], { cwd, stdio: "ignore" });
}

/** A repository whose main line starts with a content folder holding site.yaml, committed straight to main. */
async function startRepo(prefix: string): Promise<{ repo: string; content: string }> {
  const repo = await mkdtemp(path.join(tmpdir(), prefix));
  const content = path.join(repo, "content");
  await mkdir(path.join(content, "exemplars"), { recursive: true });
  git(repo, "init", "-q", "-b", "main");
  await writeFile(path.join(content, "site.yaml"), "title: x\n");
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "Start");
  return { repo, content };
}

/** Pull request #n: a branch adding exemplars/e<n>.md, merged into main with GitHub's merge message. */
async function mergePr(repo: string, content: string, n: number): Promise<void> {
  git(repo, "checkout", "-q", "-b", `pr-${n}`);
  await writeFile(path.join(content, `exemplars/e${n}.md`), "---\n---\n");
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", `Đề xuất ${n}`);
  git(repo, "checkout", "-q", "main");
  git(repo, "merge", "-q", "--no-ff", `pr-${n}`, "-m", `Merge pull request #${n} from a/pr-${n}`);
}

describe("readApprovals", () => {
  it("reads merge commits on the main line with one git log, relative to the content folder", async () => {
    const { repo, content } = await startRepo("gs-git-");
    await mkdir(path.join(content, "exemplars/2019"), { recursive: true });
    git(repo, "checkout", "-q", "-b", "de-xuat");
    await writeFile(path.join(content, "exemplars/2019/a.md"), "---\n---\n");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "Đề xuất điển hình A");
    git(repo, "checkout", "-q", "main");
    git(repo, "merge", "-q", "--no-ff", "de-xuat", "-m", "Merge pull request #17 from don-vi/de-xuat");
    await writeFile(path.join(content, "exemplars/2019/chua-commit.md"), "---\n---\n");

    const map = await readApprovals(content);
    const a = map.get("exemplars/2019/a.md");
    expect(a?.entered.pr).toBe(17);
    expect(a?.entered.subject).toBe("Merge pull request #17 from don-vi/de-xuat");
    expect(a?.entered.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(map.has("exemplars/2019/chua-commit.md")).toBe(false);
    // Committed straight to main ("Start"): no merge names a PR, so there is no approval to state.
    expect(map.has("site.yaml")).toBe(false);
  });

  it("proves nothing from a shallow clone: empty, and an error in CI", async () => {
    const { repo, content } = await startRepo("gs-git-full-");
    for (const n of [3, 4]) await mergePr(repo, content, n);
    expect((await readApprovals(content, {})).get("exemplars/e3.md")?.entered.pr).toBe(3);

    const clone = path.join(await mkdtemp(path.join(tmpdir(), "gs-git-shallow-")), "repo");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, clone], { stdio: "ignore" });
    // In the shallow clone git log would show every file in the tip merge, #4: a false record for e3.
    expect((await readApprovals(path.join(clone, "content"), {})).size).toBe(0);
    for (const env of [{ CI: "true" }, { GITHUB_ACTIONS: "true" }]) {
      await expect(readApprovals(path.join(clone, "content"), env)).rejects.toThrow(ShallowHistoryError);
    }
    await expect(readApprovals(path.join(clone, "content"), { CI: "true" })).rejects.toThrow(
      "Lịch sử git của kho bị cắt ngắn (shallow clone), nên không biết mỗi tệp được duyệt công bố qua đề nghị thay đổi nào. " +
        "Trong quy trình GitHub Actions, đặt `fetch-depth: 0` cho bước actions/checkout; trên máy mình, chạy `git fetch --unshallow`.",
    );
  });

  it("reads the history again after a merge, a checkout or a reset, and not otherwise (npm start asks after every edit)", async () => {
    const { repo, content } = await startRepo("gs-git-again-");
    const merge = (n: number) => mergePr(repo, content, n);
    const files = async () => [...(await readApprovals(content, {})).keys()].sort();
    await merge(1);
    expect(await files()).toEqual(["exemplars/e1.md"]);
    // An edit to a file is not history: the same records.
    await writeFile(path.join(content, "exemplars/e1.md"), "---\ntitle: sửa\n---\n");
    expect(await files()).toEqual(["exemplars/e1.md"]);
    await merge(2);
    expect(await files()).toEqual(["exemplars/e1.md", "exemplars/e2.md"]);
    git(repo, "checkout", "-q", "-b", "cu", "HEAD~1");
    expect(await files()).toEqual(["exemplars/e1.md"]);
    git(repo, "checkout", "-q", "main");
    git(repo, "pack-refs", "--all");
    expect(await files()).toEqual(["exemplars/e1.md", "exemplars/e2.md"]);
    git(repo, "reset", "-q", "--hard", "HEAD~1");
    expect(await files()).toEqual(["exemplars/e1.md"]);
  });

  it("returns nothing, without error, outside a git checkout", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "gs-nogit-"));
    expect((await readApprovals(dir)).size).toBe(0);
  });
});
