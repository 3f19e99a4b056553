// No stack trace, ever: what fails after validation (an image the library cannot decode, a full disk, an error in a
// template) ends in a Vietnamese message naming the file and line and what to do, exit 1 or 2, output kept.
import { execFile } from "node:child_process";
import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import Eleventy from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import type { SiteContext, SiteSection } from "../../src/site/section.ts";
import { sections } from "../../src/site/sections/index.ts";
import { describeError } from "../../src/util/errors.ts";
import { reportErrorsOurselves } from "../../src/build/eleventy.ts";
import { copyFixture, REPO, run, snapshot, tempDir } from "./helpers.ts";

const IMAGE = "content/exemplars/2019/anh-thu.jpg";

/**
 * A section placed first, so that it runs after validation and before any page or image is made: the file
 * system changes under the build there, as when an author saves a file while the build runs.
 */
function meanwhile(change: (ctx: SiteContext) => Promise<void>): SiteSection[] {
  return [{ id: "trong-luc-dung", prepare: change }, ...sections];
}

/** A working folder with the basic fixture at `content/` and a previous build at `_site`. */
async function built(): Promise<{ cwd: string; before: Map<string, Buffer> }> {
  const cwd = path.dirname(await copyFixture("site-basic"));
  expect((await run(["--content", "content", "--out", "_site", "--no-pdf"], { cwd, overrides: { cacheDir: null } })).code).toBe(0);
  return { cwd, before: await snapshot(path.join(cwd, "_site")) };
}

async function expectKept(cwd: string, before: Map<string, Buffer>): Promise<void> {
  // Byte for byte, compared with Buffer.equals (a deep equality over megabytes of bytes would take minutes).
  const after = await snapshot(path.join(cwd, "_site"));
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
  expect((await readdir(cwd)).sort()).toEqual(["_site", "content"]);
}

describe("an image the library cannot decode reaches the build", () => {
  it("exits 1 naming the exemplar's file and line and the image, with what to do", async () => {
    const { cwd, before } = await built();
    const sectionsNow = meanwhile(async () => writeFile(path.join(cwd, IMAGE), "đây không phải là ảnh\n"));
    const result = await run(["--content", "content", "--out", "_site", "--no-pdf"], { cwd, overrides: { cacheDir: null, sections: sectionsNow } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Dựng trang không thành công.\n" +
        `content/exemplars/2019/co-giao-nguyen-thi-mai.md:20: Không xử lý được ảnh "${IMAGE}": tệp không phải ảnh JPEG, PNG hay WebP, hoặc đã hỏng. ` +
        "Hãy mở ảnh bằng trình xem ảnh trên máy: nếu mở được, lưu lại thành tệp JPEG hoặc PNG và chép đè lên tệp cũ; nếu không, hãy chọn ảnh khác.\n" +
        'Thư mục "_site" được giữ nguyên như lần dựng trước.\n',
    );
    expect(result.stdout).not.toMatch(/\n\s+at /);
    await expectKept(cwd, before);
  });

  it("from the command line too: exit 1, the file and line named, no stack trace", async () => {
    const cwd = path.dirname(await copyFixture("site-basic"));
    await writeFile(path.join(cwd, IMAGE), "đây không phải là ảnh\n");
    const tsx = path.join(REPO, "node_modules/.bin/tsx");
    const child = await promisify(execFile)(tsx, [path.join(REPO, "scripts/build.ts"), "--content", "content", "--out", "_site", "--no-pdf"], {
      cwd,
      env: { ...process.env, DEBUG: "", GUONG_SANG_CACHE_DIR: path.join(cwd, ".cache") },
    }).then(
      () => ({ code: 0, stdout: "", stderr: "" }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(child.code).toBe(1);
    const output = `${child.stdout}\n${child.stderr}`;
    expect(output).toContain("content/exemplars/2019/co-giao-nguyen-thi-mai.md:20");
    expect(output).not.toMatch(/\n\s+at |Error:|node_modules/);
  });
});

describe("a full disk", () => {
  it("exits 2 saying the disk is full and what to do, output kept (a real ENOSPC from the kernel's /dev/full)", async () => {
    const { cwd, before } = await built();
    // A page the build is about to write is a link to /dev/full, where every write fails with ENOSPC.
    const sectionsNow = meanwhile(async (ctx) => {
      const page = path.join(ctx.outputDir!, "dien-hinh/co-giao-nguyen-thi-mai/index.html");
      await mkdir(path.dirname(page), { recursive: true });
      await symlink("/dev/full", page);
    });
    const result = await run(["--content", "content", "--out", "_site", "--no-pdf"], { cwd, overrides: { cacheDir: null, sections: sectionsNow } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "Dựng trang không thành công.\n" +
        'Ổ đĩa đã đầy: không ghi được vào "_site". Hãy giải phóng chỗ trống trên ổ (xoá bớt tệp không cần, dọn thùng rác) rồi chạy lại lệnh; thư mục kết quả cũ vẫn được giữ nguyên.\n' +
        'Thư mục "_site" được giữ nguyên như lần dựng trước.\n',
    );
    await expectKept(cwd, before);
  });
});

describe("an error inside a template", () => {
  it("is an internal error naming the template, without Eleventy's English stack trace", async () => {
    const dir = await tempDir("gs-template-");
    await writeFile(path.join(dir, "hong.11ty.js"), 'export default class { render() { throw new Error("mẫu hỏng"); } }\n');
    const elev = new Eleventy(dir, path.join(dir, "_site"), { quietMode: true, configPath: false });
    const printed: unknown[] = [];
    reportErrorsOurselves(elev, (e) => printed.push(e));
    const error = await elev.write().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(printed).toHaveLength(1);
    expect(describeError(error, { cwd: dir, doing: "khi dựng trang" })).toEqual({
      text:
        'Lỗi nội bộ khi dựng trang (không phải lỗi của bạn), lúc dựng mẫu trang "hong.11ty.js": mẫu hỏng\n' +
        "Hãy báo cho người quản trị kho, kèm dòng này và lệnh đã chạy.\n",
      exitCode: 2,
    });
  });
});
