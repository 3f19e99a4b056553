// The one error-to-message mapper: every kind of failure a user can meet, in Vietnamese, with the file, no stack trace.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import Image from "@11ty/eleventy-img";
import { UsageError } from "../../src/util/cli.ts";
import { describeError, inFile, inFileSync, settleAll } from "../../src/util/errors.ts";

const cwd = "/nha/don-vi";
const ASK = "Hãy báo cho người quản trị kho, kèm dòng này và lệnh đã chạy.\n";

function sysError(code: string, syscall: string, file?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something, ${syscall}${file ? ` '${file}'` : ""}`), { code, syscall, ...(file ? { path: file } : {}) });
}

describe("describeError", () => {
  it("an internal error names the file being processed, on one line", () => {
    let error: unknown;
    try {
      inFileSync({ file: `${cwd}/content/exemplars/2019/a.md` }, () => {
        throw new TypeError("x is\nundefined\u001b[31m");
      });
    } catch (e) {
      error = e;
    }
    expect(describeError(error, { cwd, doing: "khi dựng trang" })).toEqual({
      text: `Lỗi nội bộ khi dựng trang (không phải lỗi của bạn), lúc xử lý "content/exemplars/2019/a.md": x is undefined [31m\n${ASK}`,
      exitCode: 2,
    });
  });

  it("environment failures: exit 2 with the path and what to do", () => {
    expect(describeError(sysError("EACCES", "open", `${cwd}/_site/index.html`), { cwd })).toEqual({
      text: 'Không có quyền ghi "_site/index.html". Hãy kiểm tra quyền của tệp hoặc thư mục này (hoặc chọn thư mục khác) rồi chạy lại lệnh.\n',
      exitCode: 2,
    });
    expect(describeError(sysError("EACCES", "scandir", "/khac/content"), { cwd }).text).toBe(
      'Không có quyền đọc "/khac/content". Hãy kiểm tra quyền của tệp hoặc thư mục này (hoặc chọn thư mục khác) rồi chạy lại lệnh.\n',
    );
    expect(describeError(sysError("EROFS", "mkdir", "/mnt/cd/_site"), { cwd }).text).toBe(
      'Ổ đĩa chỉ cho đọc: không ghi được "/mnt/cd/_site". Hãy chọn một thư mục trên ổ ghi được rồi chạy lại lệnh.\n',
    );
    expect(describeError(sysError("ENOSPC", "write"), { cwd, writing: "_site" }).text).toBe(
      'Ổ đĩa đã đầy: không ghi được vào "_site". Hãy giải phóng chỗ trống trên ổ (xoá bớt tệp không cần, dọn thùng rác) rồi chạy lại lệnh; thư mục kết quả cũ vẫn được giữ nguyên.\n',
    );
    expect(describeError(Object.assign(sysError("EADDRINUSE", "listen"), { port: 8080 }), { cwd }).text).toBe(
      "Cổng 8080 đang được một chương trình khác dùng. Hãy tắt chương trình đó, hoặc chạy lại với một cổng khác, ví dụ --port 8081.\n",
    );
  });

  it("a wrong use keeps its own message", () => {
    expect(describeError(new UsageError("Không hiểu tham số."), { cwd })).toEqual({ text: "Không hiểu tham số.\n", exitCode: 2 });
  });

  it("every image that fails is reported, each with its file and line (the real image library's errors, through @11ty/eleventy-img)", async () => {
    const bad = Buffer.from("không phải ảnh");
    const work = ["a", "b"].map((slug, i) =>
      inFile({ file: `${cwd}/content/exemplars/2019/${slug}.md`, line: 20 + i, image: `${cwd}/content/exemplars/2019/${slug}.jpg` }, () => Image(bad, { dryRun: true, formats: ["jpeg"] })),
    );
    const error = await settleAll(work).then(
      () => undefined,
      (e: unknown) => e,
    );
    const { text, exitCode } = describeError(error, { cwd });
    expect(exitCode).toBe(1);
    const todo = "Hãy mở ảnh bằng trình xem ảnh trên máy: nếu mở được, lưu lại thành tệp JPEG hoặc PNG và chép đè lên tệp cũ; nếu không, hãy chọn ảnh khác.";
    expect(text).toBe(
      `content/exemplars/2019/a.md:20: Không xử lý được ảnh "content/exemplars/2019/a.jpg": tệp không phải ảnh JPEG, PNG hay WebP, hoặc đã hỏng. ${todo}\n` +
        `content/exemplars/2019/b.md:21: Không xử lý được ảnh "content/exemplars/2019/b.jpg": tệp không phải ảnh JPEG, PNG hay WebP, hoặc đã hỏng. ${todo}\n`,
    );
  });

  it("an image too large for the library", async () => {
    const png = await readFile(new URL("../fixtures/site-basic/exemplars/2019/anh-thu.jpg", import.meta.url));
    const error = await inFile({ file: `${cwd}/content/a.md`, line: 3, image: `${cwd}/content/a.jpg` }, () => Image(png, { dryRun: true, formats: ["jpeg"], sharpOptions: { limitInputPixels: 10 } })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(describeError(error, { cwd }).text).toBe(
      'content/a.md:3: Không xử lý được ảnh "content/a.jpg": ảnh quá lớn (quá nhiều điểm ảnh) để xử lý. ' +
        "Hãy mở ảnh bằng trình xem ảnh trên máy: nếu mở được, lưu lại thành tệp JPEG hoặc PNG và chép đè lên tệp cũ; nếu không, hãy chọn ảnh khác.\n",
    );
  });
});
