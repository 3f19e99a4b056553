// `--out` never destroys what the project did not make: every refusal (exit 2, exact Vietnamese message, nothing
// touched), the marker, and the cleanup of temporary folders that builds which died left beside --out.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sections } from "../../src/site/sections/index.ts";
import { OUTPUT_MARKER } from "../../src/util/output-dir.ts";
import { copyFixture, run, snapshot, tempDir } from "./helpers.ts";

const TODO = "Hãy chỉ --out tới một thư mục mới dành riêng cho kết quả, ví dụ _site.";

/** A working folder with the basic fixture at `content/` and nothing else; the home folder is elsewhere. */
async function workspace(): Promise<{ cwd: string; content: string; home: string }> {
  const content = await copyFixture("site-basic");
  return { cwd: path.dirname(content), content, home: await tempDir("gs-home-") };
}

async function refused(argv: string[], cwd: string, home: string) {
  const result = await run(["--no-pdf", ...argv], { cwd, overrides: { home, cacheDir: null } });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.stderr;
}

describe("an --out that would destroy something is refused with exit 2", () => {
  it("an existing file, which is kept byte for byte", async () => {
    const { cwd, home } = await workspace();
    await writeFile(path.join(cwd, "bao-cao.docx"), "tài liệu của đơn vị");
    const stderr = await refused(["--content", "content", "--out", "bao-cao.docx"], cwd, home);
    expect(stderr).toBe(
      `Không dùng được "bao-cao.docx" làm thư mục kết quả (--out): đó là một tệp đã có, không phải thư mục. Dựng vào đó sẽ xoá tệp này. ${TODO}\n`,
    );
    expect(await readFile(path.join(cwd, "bao-cao.docx"), "utf8")).toBe("tài liệu của đơn vị");
  });

  it("a folder of someone's documents, whose files all stay", async () => {
    const { cwd, home } = await workspace();
    await mkdir(path.join(cwd, "tai-lieu/2019"), { recursive: true });
    await writeFile(path.join(cwd, "tai-lieu/2019/bien-ban.txt"), "biên bản họp chi bộ");
    await writeFile(path.join(cwd, "tai-lieu/danh-sach.csv"), "stt,ho-ten\n");
    const before = await snapshot(path.join(cwd, "tai-lieu"));
    const stderr = await refused(["--content", "content", "--out", "tai-lieu"], cwd, home);
    expect(stderr).toBe(
      `Không dùng được "tai-lieu" làm thư mục kết quả (--out): thư mục này đã có 2 tệp hoặc thư mục không do Gương Sáng tạo ra (không có tệp đánh dấu .guong-sang-output). ` +
        "Dựng vào đó sẽ xoá chúng. Hãy chỉ --out tới một thư mục mới hoặc trống, ví dụ _site; nếu đây là kết quả của một lần dựng cũ, hãy tự xoá thư mục này rồi chạy lại.\n",
    );
    expect(await snapshot(path.join(cwd, "tai-lieu"))).toEqual(before);
    expect(await readFile(path.join(cwd, "tai-lieu/2019/bien-ban.txt"), "utf8")).toBe("biên bản họp chi bộ");
    expect((await readdir(cwd)).sort()).toEqual(["content", "tai-lieu"]);
  });

  it("the content tree", async () => {
    const { cwd, content, home } = await workspace();
    const before = await snapshot(content);
    const stderr = await refused(["--content", "content", "--out", "content"], cwd, home);
    expect(stderr).toBe(
      `Không dùng được "content" làm thư mục kết quả (--out): đó chính là thư mục nội dung "content". Dựng vào đó sẽ xoá toàn bộ bài viết, kế hoạch và ảnh. ${TODO}\n`,
    );
    expect(await snapshot(content)).toEqual(before);
  });

  it("the content tree reached through a symbolic link", async () => {
    const { cwd, home } = await workspace();
    await symlink("content", path.join(cwd, "ket-qua"));
    const stderr = await refused(["--content", "content", "--out", "ket-qua"], cwd, home);
    expect(stderr).toBe(
      `Không dùng được "ket-qua" làm thư mục kết quả (--out): đó chính là thư mục nội dung "content". Dựng vào đó sẽ xoá toàn bộ bài viết, kế hoạch và ảnh. ${TODO}\n`,
    );
  });

  it("the parent of the content tree", async () => {
    const { cwd, home } = await workspace();
    const elsewhere = await tempDir("gs-cwd-");
    const stderr = await refused(["--content", path.join(cwd, "content"), "--out", cwd], elsewhere, home);
    expect(stderr).toBe(
      `Không dùng được "${cwd}" làm thư mục kết quả (--out): thư mục này chứa thư mục nội dung "${path.join(cwd, "content")}". ` +
        `Dựng vào đó sẽ xoá toàn bộ nội dung cùng mọi tệp khác trong đó. ${TODO}\n`,
    );
    expect(existsSync(path.join(cwd, "content/site.yaml"))).toBe(true);
  });

  it("a folder inside the content tree", async () => {
    const { cwd, home } = await workspace();
    const stderr = await refused(["--content", "content", "--out", "content/_site"], cwd, home);
    expect(stderr).toBe(
      `Không dùng được "content/_site" làm thư mục kết quả (--out): thư mục này nằm trong thư mục nội dung "content". ` +
        "Kết quả dựng sẽ lẫn vào nội dung và có thể ghi đè bài viết, ảnh. Hãy chỉ --out tới một thư mục ngoài thư mục nội dung, ví dụ _site.\n",
    );
    expect(existsSync(path.join(cwd, "content/_site"))).toBe(false);
  });

  it("'.' in the root of a repository", async () => {
    const { cwd, home } = await workspace();
    await writeFile(path.join(cwd, "package.json"), "{}\n");
    await mkdir(path.join(cwd, ".git"));
    await writeFile(path.join(cwd, ".git/HEAD"), "ref: refs/heads/main\n");
    const before = await snapshot(cwd);
    const stderr = await refused(["--content", "content", "--out", "."], cwd, home);
    expect(stderr).toBe(
      `Không dùng được "." làm thư mục kết quả (--out): đó là thư mục gốc của một kho mã (có package.json). ` +
        `Dựng vào đó sẽ xoá toàn bộ mã nguồn, nội dung và lịch sử của kho. ${TODO}\n`,
    );
    expect(await snapshot(cwd)).toEqual(before);
  });

  it("the folder holding a repository, from a subfolder of it", async () => {
    const { cwd, home } = await workspace();
    await mkdir(path.join(cwd, ".git"));
    const stderr = await refused(["--content", ".", "--out", "../.."], path.join(cwd, "content"), home);
    expect(stderr).toBe(
      `Không dùng được "../.." làm thư mục kết quả (--out): thư mục này chứa kho mã "${cwd}". Dựng vào đó sẽ xoá cả kho ấy cùng lịch sử của nó. ${TODO}\n`,
    );
  });

  it("the working directory", async () => {
    const { cwd, home } = await workspace();
    const stderr = await refused(["--content", "content", "--out", "."], cwd, home);
    expect(stderr).toBe(
      `Không dùng được "." làm thư mục kết quả (--out): đó là thư mục đang làm việc. Dựng vào đó sẽ xoá mọi tệp trong thư mục này. ${TODO}\n`,
    );
    expect((await readdir(cwd)).sort()).toEqual(["content"]);
  });

  it("the home folder, and a folder holding it", async () => {
    const { cwd } = await workspace();
    const root = await tempDir("gs-users-");
    const home = path.join(root, "can-bo");
    await mkdir(path.join(home, "Tài liệu"), { recursive: true });
    await writeFile(path.join(home, "Tài liệu/ke-hoach.docx"), "kế hoạch");
    expect(await refused(["--content", "content", "--out", home], cwd, home)).toBe(
      `Không dùng được "${home}" làm thư mục kết quả (--out): đó là thư mục nhà của bạn. Dựng vào đó sẽ xoá mọi tài liệu của bạn. ${TODO}\n`,
    );
    expect(await refused(["--content", "content", "--out", root], cwd, home)).toBe(
      `Không dùng được "${root}" làm thư mục kết quả (--out): thư mục này chứa thư mục nhà của bạn (${home}). Dựng vào đó sẽ xoá mọi tài liệu của bạn. ${TODO}\n`,
    );
    expect(await readFile(path.join(home, "Tài liệu/ke-hoach.docx"), "utf8")).toBe("kế hoạch");
  });
});

describe("an --out the project may write", () => {
  it("an empty folder, and then its own previous output, which carries the marker", async () => {
    const { cwd, home } = await workspace();
    await mkdir(path.join(cwd, "public"));
    const first = await run(["--no-pdf", "--content", "content", "--out", "public"], { cwd, overrides: { home, cacheDir: null } });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(cwd, "public", OUTPUT_MARKER), "utf8"))).toEqual({ tool: "guong-sang" });
    const second = await run(["--no-pdf", "--content", "content", "--out", "public"], { cwd, overrides: { home, cacheDir: null } });
    expect(second.code).toBe(0);
    expect(existsSync(path.join(cwd, "public/index.html"))).toBe(true);
    expect((await readdir(cwd)).sort()).toEqual(["content", "public"]);
  });

  it("a symbolic link to a previous output: the folder it points at is replaced, the link stays", async () => {
    const { cwd, home } = await workspace();
    const target = path.join(await tempDir("gs-www-"), "html");
    expect((await run(["--no-pdf", "--content", "content", "--out", target], { cwd, overrides: { home, cacheDir: null } })).code).toBe(0);
    await symlink(target, path.join(cwd, "_site"));
    const result = await run(["--no-pdf", "--content", "content", "--out", "_site"], { cwd, overrides: { home, cacheDir: null } });
    expect(result.code).toBe(0);
    expect(existsSync(path.join(cwd, "_site/index.html"))).toBe(true);
    expect((await readdir(path.dirname(target))).sort()).toEqual(["html"]);
  });
});

describe("temporary folders left by builds that died", () => {
  it("are removed by the next build when ours and dead; a look-alike without the marker and a live one are kept", async () => {
    const { cwd, home } = await workspace();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const mark = (pid: number, host = hostname()) => JSON.stringify({ tool: "guong-sang", pid, host });
    const folders: Record<string, string | undefined> = {
      [`._site.tmp-${dead}-0123abcd`]: mark(dead),
      [`._site.tmp-${dead}-0123abcd.old`]: JSON.stringify({ tool: "guong-sang" }),
      [`._site.preview-${dead}-89abcdef`]: mark(dead),
      [`._site.tmp-${dead}-00000000`]: undefined,
      [`._site.tmp-${process.ppid}-11111111`]: mark(process.ppid),
      [`._site.tmp-${dead}-22222222`]: mark(dead, "may-khac"),
    };
    for (const [name, marker] of Object.entries(folders)) {
      await mkdir(path.join(cwd, name, "dien-hinh"), { recursive: true });
      await writeFile(path.join(cwd, name, "dien-hinh/index.html"), "<p>trang cũ</p>");
      if (marker) await writeFile(path.join(cwd, name, OUTPUT_MARKER), marker);
    }
    // An empty one: a build that died before writing its marker.
    await mkdir(path.join(cwd, `._site.tmp-${dead}-33333333`));

    const result = await run(["--no-pdf", "--content", "content", "--out", "_site"], { cwd, overrides: { home, cacheDir: null } });
    expect(result.code).toBe(0);
    for (const name of [`._site.preview-${dead}-89abcdef`, `._site.tmp-${dead}-0123abcd`, `._site.tmp-${dead}-0123abcd.old`, `._site.tmp-${dead}-33333333`]) {
      expect(result.stdout).toContain(`Đã xoá thư mục tạm ${name} của một lần dựng bị dừng giữa chừng.\n`);
    }
    expect((await readdir(cwd)).sort()).toEqual(
      ["._site.tmp-" + dead + "-00000000", `._site.tmp-${dead}-22222222`, `._site.tmp-${process.ppid}-11111111`, "_site", "content"].sort(),
    );
    expect(await readFile(path.join(cwd, `._site.tmp-${dead}-00000000/dien-hinh/index.html`), "utf8")).toBe("<p>trang cũ</p>");
  });
});

describe("a folder that appears at --out while the build runs", () => {
  it("is not replaced: exit 2, its files kept, the new build's temporary folder removed", async () => {
    const { cwd, home } = await workspace();
    // A section placed first runs after the check and before the swap: someone puts documents at --out meanwhile.
    const meanwhile = { id: "trong-luc-dung", data: async () => {
      await mkdir(path.join(cwd, "_site"));
      await writeFile(path.join(cwd, "_site/ghi-chu.txt"), "ghi chú");
    } };
    const result = await run(["--no-pdf", "--content", "content", "--out", "_site"], { cwd, overrides: { home, cacheDir: null, sections: [meanwhile, ...sections] } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `Không thay được "${path.join(cwd, "_site")}": trong lúc dựng, thư mục này đã bị thay bằng một thứ không do Gương Sáng tạo ra (không có tệp đánh dấu .guong-sang-output), nên được giữ nguyên. Hãy chỉ --out tới một thư mục mới rồi dựng lại.\n`,
    );
    expect(await readFile(path.join(cwd, "_site/ghi-chu.txt"), "utf8")).toBe("ghi chú");
    expect((await readdir(path.join(cwd, "_site")))).toEqual(["ghi-chu.txt"]);
    expect((await readdir(cwd)).sort()).toEqual(["_site", "content"]);
  });
});

describe("the build cache folder gets the same care", () => {
  it("refuses a GUONG_SANG_CACHE_DIR holding someone's files (the build prunes what it finds there), exit 2, files kept", async () => {
    const { cwd, home } = await workspace();
    await mkdir(path.join(cwd, "tai-lieu/search"), { recursive: true });
    await writeFile(path.join(cwd, "tai-lieu/search/bao-cao.docx"), "báo cáo");
    const result = await run(["--no-pdf", "--content", "content", "--out", "_site"], { cwd, env: { GUONG_SANG_CACHE_DIR: "tai-lieu" }, overrides: { home } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `Không dùng được "${path.join(cwd, "tai-lieu")}" làm thư mục bộ đệm (GUONG_SANG_CACHE_DIR): thư mục này đã có 1 tệp hoặc thư mục không do Gương Sáng tạo ra (không có tệp đánh dấu .guong-sang-output). ` +
        "Dựng vào đó sẽ xoá chúng. Hãy chỉ GUONG_SANG_CACHE_DIR tới một thư mục mới hoặc trống, ví dụ .cache/guong-sang; nếu đây là kết quả của một lần dựng cũ, hãy tự xoá thư mục này rồi chạy lại.\n",
    );
    expect(await readFile(path.join(cwd, "tai-lieu/search/bao-cao.docx"), "utf8")).toBe("báo cáo");
    expect((await readdir(cwd)).sort()).toEqual(["content", "tai-lieu"]);
  });
});

describe("the previous output removed in the background (npm run build)", () => {
  it("puts the new output in place at once and the old one is gone soon after, by a detached process", async () => {
    const { makeTempBeside, swapInto, markOutputDir } = await import("../../src/util/output-dir.ts");
    const root = await tempDir("gs-swap-");
    const out = path.join(root, "_site");
    await mkdir(path.join(out, "a"), { recursive: true });
    await writeFile(path.join(out, "a", "old.html"), "old");
    await markOutputDir(out);
    const next = await makeTempBeside(out);
    await writeFile(path.join(next, "new.html"), "new");
    await swapInto(next, out, { removeOld: "background" });
    expect(await readFile(path.join(out, "new.html"), "utf8")).toBe("new");
    expect(existsSync(path.join(out, "a"))).toBe(false);
    for (let i = 0; i < 200 && (await readdir(root)).length > 1; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await readdir(root)).toEqual(["_site"]);
  });
});

describe("the previous output updated in place (a rebuild that kept most pages)", () => {
  /** A marked output `_site` in a fresh folder, holding `files` (relative path → text). */
  async function output(files: Record<string, string>) {
    const { markOutputDir } = await import("../../src/util/output-dir.ts");
    const root = await tempDir("gs-update-");
    const out = path.join(root, "_site");
    await mkdir(out, { recursive: true });
    await markOutputDir(out);
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(out, rel)), { recursive: true });
      await writeFile(path.join(out, rel), text);
    }
    return { root, out };
  }
  async function newOutput(out: string, files: Record<string, string>) {
    const { makeTempBeside } = await import("../../src/util/output-dir.ts");
    const next = await makeTempBeside(out);
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(next, rel)), { recursive: true });
      await writeFile(path.join(next, rel), text);
    }
    return next;
  }
  const texts = async (dir: string) => Object.fromEntries([...(await snapshot(dir))].map(([rel, bytes]) => [rel, bytes.toString("utf8")]).sort());

  it("removes what the new build does not have, keeps the kept files as they are, renames the new ones in", async () => {
    const { updateOutput } = await import("../../src/util/output-dir.ts");
    const { root, out } = await output({
      "giu/a.html": "giữ nguyên",
      "doi/x.html": "cũ",
      "bo/s.html": "bỏ",
      "bo/sau/t.html": "bỏ",
      "thanh-thu-muc": "tệp sẽ thành thư mục",
      "thanh-tep/y.html": "thư mục sẽ thành tệp",
    });
    const keptIno = (await stat(path.join(out, "giu/a.html"))).ino;
    const outIno = (await stat(out)).ino;
    const next = await newOutput(out, { "doi/x.html": "mới", "moi/n.html": "mới", "thanh-thu-muc/index.html": "mới", "thanh-tep": "mới" });
    const result = await updateOutput(next, out, ["giu/a.html"]);
    expect(result.how).toBe("updated");
    // What it says the folder holds is what a walk of the folder finds.
    const { treeKey } = await import("../../src/build/unchanged.ts");
    expect(await treeKey(out, result.how === "updated" ? result.tree : undefined)).toBe(await treeKey(out));
    expect(await texts(out)).toEqual({
      [OUTPUT_MARKER]: '{"tool":"guong-sang"}\n',
      "doi/x.html": "mới",
      "giu/a.html": "giữ nguyên",
      "moi/n.html": "mới",
      "thanh-tep": "mới",
      "thanh-thu-muc/index.html": "mới",
    });
    expect(existsSync(path.join(out, "bo"))).toBe(false);
    expect((await stat(path.join(out, "giu/a.html"))).ino).toBe(keptIno);
    expect((await stat(out)).ino).toBe(outIno);
    expect(await readdir(root)).toEqual(["_site"]);
  });

  it("swaps the whole folder instead when a symbolic link is inside: the folder it points at is left untouched", async () => {
    const { updateOutput } = await import("../../src/util/output-dir.ts");
    const { root, out } = await output({ "giu/a.html": "giữ nguyên" });
    await mkdir(path.join(root, "anh-cua-toi"));
    await writeFile(path.join(root, "anh-cua-toi/x.html"), "ảnh của người dùng");
    await symlink(path.join(root, "anh-cua-toi"), path.join(out, "doi"));
    const keptIno = (await stat(path.join(out, "giu/a.html"))).ino;
    const next = await newOutput(out, { "doi/x.html": "mới" });
    expect((await updateOutput(next, out, ["giu/a.html"])).how).toBe("swapped");
    expect(await readFile(path.join(root, "anh-cua-toi/x.html"), "utf8")).toBe("ảnh của người dùng");
    expect(await texts(out)).toEqual({ [OUTPUT_MARKER]: '{"tool":"guong-sang"}\n', "doi/x.html": "mới", "giu/a.html": "giữ nguyên" });
    // The kept file is the same file, linked into the new folder.
    expect((await stat(path.join(out, "giu/a.html"))).ino).toBe(keptIno);
    expect((await readdir(root)).sort()).toEqual(["_site", "anh-cua-toi"]);
  });

  it("swaps when the build wrote thousands of files and kept fewer, and when there was no previous output", async () => {
    const { updateOutput } = await import("../../src/util/output-dir.ts");
    const { root, out } = await output({ "giu/a.html": "giữ nguyên", "cu.html": "cũ" });
    const outIno = (await stat(out)).ino;
    const many = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`trang/${i}.html`, String(i)]));
    const next = await newOutput(out, many);
    expect((await updateOutput(next, out, ["giu/a.html"])).how).toBe("swapped");
    expect((await stat(out)).ino).not.toBe(outIno);
    const after = await texts(out);
    expect(Object.keys(after).length).toBe(2001 + 2);
    expect(after["giu/a.html"]).toBe("giữ nguyên");
    expect(after["cu.html"]).toBeUndefined();
    expect(await readdir(root)).toEqual(["_site"]);

    const fresh = path.join(root, "_moi");
    expect((await updateOutput(await newOutput(fresh, { "a.html": "a" }), fresh, [])).how).toBe("swapped");
    expect(await texts(fresh)).toEqual({ [OUTPUT_MARKER]: '{"tool":"guong-sang"}\n', "a.html": "a" });
  });
});
