// Changed files between two commits, and which of them are content entries.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { changedFiles, contentChanges, parseNameStatus } from "../../src/github/changed.ts";
import { runChangedFiles } from "../../src/github/cli.ts";
import { actionsEnv, FIXTURES, io, pullRequestEvent, twoCommitRepo } from "./helpers.ts";

describe("parseNameStatus", () => {
  it("reads statuses, renames with their score, and paths with spaces or Vietnamese letters", () => {
    const out = "M\0content/site.yaml\0R087\0content/a b.md\0content/Đà Lạt.md\0D\0old.md\0A\0new.md\0C100\0x.md\0y.md\0";
    expect(parseNameStatus(out)).toEqual([
      { status: "modified", path: "content/site.yaml" },
      { status: "renamed", path: "content/Đà Lạt.md", oldPath: "content/a b.md" },
      { status: "deleted", path: "old.md" },
      { status: "added", path: "new.md" },
      { status: "copied", path: "y.md", oldPath: "x.md" },
    ]);
  });

  it("rejects output it does not understand", () => {
    expect(() => parseNameStatus("U\0conflict.md\0")).toThrow('Unexpected git status "U"');
    expect(() => parseNameStatus("R100\0only-old.md\0")).toThrow("Truncated rename");
  });
});

describe("contentChanges", () => {
  it("maps entry files to types and slugs, keeps other content files apart and flags tree-wide changes", () => {
    const changes = contentChanges(
      [
        { status: "added", path: "content/bulletins/2019-02.md" },
        { status: "modified", path: "content/exemplars/2019/b.md" },
        { status: "added", path: "content/exemplars/2019/anh.jpg" },
        { status: "renamed", path: "content/plans/2019/moi.md", oldPath: "content/plans/2018/cu.md" },
        { status: "renamed", path: "archive/old.md", oldPath: "content/activities/2019/x.md" },
        { status: "renamed", path: "content/exemplars/2019/tu-ngoai.md", oldPath: "drafts/tu-ngoai.md" },
        { status: "modified", path: "src/site/plugin.ts" },
        { status: "modified", path: "README.md" },
      ],
      "content",
    );
    expect(changes.entries).toEqual([
      { type: "exemplar", slug: "b", status: "modified", path: "content/exemplars/2019/b.md" },
      { type: "exemplar", slug: "tu-ngoai", status: "added", path: "content/exemplars/2019/tu-ngoai.md" },
      { type: "plan", slug: "moi", status: "renamed", path: "content/plans/2019/moi.md", oldPath: "content/plans/2018/cu.md", oldSlug: "cu" },
      { type: "activity", slug: "x", status: "deleted", path: "content/activities/2019/x.md" },
      { type: "bulletin", slug: "2019-02", status: "added", path: "content/bulletins/2019-02.md" },
    ]);
    expect(changes.otherContent).toEqual([{ status: "added", path: "content/exemplars/2019/anh.jpg" }]);
    expect(changes.validateAll).toBe(true); // a plan was renamed and an activity removed
    expect(changes.filesToValidate).toEqual([
      "content/exemplars/2019/b.md",
      "content/exemplars/2019/tu-ngoai.md",
      "content/plans/2019/moi.md",
      "content/bulletins/2019-02.md",
    ]);
  });

  it("validates everything when site.yaml or a schema changes, and honours another content folder", () => {
    expect(contentChanges([{ status: "modified", path: "content/exemplars/2019/a.md" }, { status: "renamed", path: "content/exemplars/2020/a.md", oldPath: "content/exemplars/2019/a.md" }]).validateAll).toBe(false);
    expect(contentChanges([{ status: "modified", path: "content/site.yaml" }]).validateAll).toBe(true);
    expect(contentChanges([{ status: "modified", path: "schemas/exemplar.schema.json" }]).validateAll).toBe(true);
    const fork = contentChanges([{ status: "added", path: "units/long-bien/exemplars/2020/a.md" }, { status: "added", path: "content/exemplars/2020/b.md" }], "./units/long-bien/");
    expect(fork.entries.map((e) => e.slug)).toEqual(["a"]);
  });
});

describe("changed files between two commits of a real repository", () => {
  const repo = twoCommitRepo(path.join(FIXTURES, "base"), path.join(FIXTURES, "head"));
  afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

  it("lists additions, modifications, deletions and renames", () => {
    expect(changedFiles(repo.dir, repo.base, repo.head)).toEqual([
      { status: "renamed", path: "content/activities/2019/giao-luu-ngay-19-5.md", oldPath: "content/activities/2019/giao-luu-thang-5.md" },
      { status: "added", path: "content/exemplars/2019/bac-si-tran-van-an.md" },
      { status: "modified", path: "content/exemplars/2019/co-giao-nguyen-thi-mai.md" },
      { status: "added", path: "content/exemplars/2019/mo-hinh-thu.md" },
      { status: "deleted", path: "content/exemplars/2019/to-dan-pho-so-1.md" },
    ]);
  });

  it("refuses a revision git could read as an option", () => {
    expect(() => changedFiles(repo.dir, "--output=/tmp/x", repo.head)).toThrow("Not a commit: --output=/tmp/x");
  });

  it("writes the files to validate and the step outputs from the pull_request event", () => {
    const actions = actionsEnv(pullRequestEvent(repo.base, repo.head));
    const listFile = path.join(actions.dir, "changed-content");
    const run = io(["--list", listFile], actions.env, repo.dir);
    expect(runChangedFiles(run.io)).toBe(0);
    expect(run.out.stderr).toBe("");
    expect(actions.outputs()).toEqual({ count: "4", "validate-all": "true" });
    expect(readFileSync(listFile, "utf8")).toBe(
      "content/exemplars/2019/bac-si-tran-van-an.md\0content/exemplars/2019/co-giao-nguyen-thi-mai.md\0content/exemplars/2019/mo-hinh-thu.md\0content/activities/2019/giao-luu-ngay-19-5.md\0",
    );
    actions.cleanup();
  });

  it("says what is missing outside a pull_request event, with exit status 2", () => {
    const run = io([], {}, repo.dir);
    expect(runChangedFiles(run.io)).toBe(2);
    expect(run.out.stderr).toBe("Cần --base và --head, hoặc chạy trong sự kiện pull_request (GITHUB_EVENT_PATH).\n");
  });
});
