// --fix rewrites only files of the content tree it read: never through a symbolic link, never outside the tree.
import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runValidate } from "../../src/content/cli.ts";
import { EXEMPLAR, VALID, withLine, writeTree } from "./helpers.ts";

async function fix(cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await runValidate(["--content", ".", "--fix"], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd, env: {} });
  return { code, stdout, stderr };
}

describe("--fix and symbolic links", () => {
  it("leaves files outside the tree untouched, whether a link points at the file or at its folder", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "gs-outside-"));
    const dirty = withLine(EXEMPLAR, "summary: Cô giáo tận tụy với học sinh nghèo.", "summary: Cô giáo tận tụy với học sinh nghèo.   ");
    await writeFile(path.join(outside, "ghi-chu.md"), dirty);
    await mkdir(path.join(outside, "2020"));
    await writeFile(path.join(outside, "2020/ban-khac.md"), dirty);
    const dir = await writeTree(VALID);
    await symlink(path.join(outside, "ghi-chu.md"), path.join(dir, "exemplars/2019/ghi-chu.md"));
    await symlink(path.join(outside, "2020"), path.join(dir, "exemplars/2020"));

    const result = await fix(dir);
    expect(result.stdout).not.toContain("Đã sửa");
    expect(await readFile(path.join(outside, "ghi-chu.md"), "utf8")).toBe(dirty);
    expect(await readFile(path.join(outside, "2020/ban-khac.md"), "utf8")).toBe(dirty);
    expect((await readdir(outside)).sort()).toEqual(["2020", "ghi-chu.md"]);
  });
});
