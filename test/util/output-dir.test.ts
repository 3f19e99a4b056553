// The --out guard on its own: the file-system root, and the promise that a refusal touches nothing.
import { describe, expect, it } from "vitest";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { UsageError } from "../../src/util/cli.ts";
import { assertSafeOutDir, isOutputDir, markOutputDir } from "../../src/util/output-dir.ts";

describe("assertSafeOutDir", () => {
  it("refuses the file-system root with exit-2 usage error and no usage text", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "gs-guard-"));
    const error = await assertSafeOutDir("/", { cwd, home: cwd }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).showUsage).toBe(false);
    expect((error as UsageError).message).toBe(
      'Không dùng được "/" làm thư mục kết quả (--out): đó là thư mục gốc của ổ đĩa. Dựng vào đó sẽ xoá mọi tệp trên máy. Hãy chỉ --out tới một thư mục mới dành riêng cho kết quả, ví dụ _site.',
    );
  });

  it("names the caller's own option and example", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "gs-guard-"));
    await expect(assertSafeOutDir(".", { cwd, home: "/nonexistent-home", option: "--out", example: "_aggregate" })).rejects.toThrow(
      'Không dùng được "." làm thư mục kết quả (--out): đó là thư mục đang làm việc. Dựng vào đó sẽ xoá mọi tệp trong thư mục này. Hãy chỉ --out tới một thư mục mới dành riêng cho kết quả, ví dụ _aggregate.',
    );
  });

  it("accepts a folder that does not exist yet, an empty one and a marked one", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "gs-guard-"));
    const options = { cwd, home: "/nonexistent-home" };
    await expect(assertSafeOutDir("moi/_site", options)).resolves.toBeUndefined();
    const marked = await mkdtemp(path.join(cwd, "ket-qua-"));
    await expect(assertSafeOutDir(marked, options)).resolves.toBeUndefined();
    expect(await isOutputDir(marked)).toBe(false);
    await markOutputDir(marked);
    expect(await isOutputDir(marked)).toBe(true);
    await expect(assertSafeOutDir(marked, options)).resolves.toBeUndefined();
  });
});
