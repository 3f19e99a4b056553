// Splits a Markdown file into YAML front matter and body: two lines that are exactly `---`, YAML only, never executed.
//
// A plain line scan. It used to hand the text to gray-matter after the same checks; with the opening and
// closing lines checked here first, gray-matter's split is fully determined (see `test/content/frontmatter.test.ts`,
// which compares the two on tricky inputs), and the scan avoids what gray-matter does per call besides
// splitting (a UTF-8 copy of the whole file, option objects, a cache lookup keyed by the whole text):
// about 0.2 s over 11,000 files (docs/performance.md). No front-matter engine ever runs.
import type { Pos } from "./yaml.ts";

export interface FrontMatterSplit {
  /** The YAML text, starting with the newline after the opening `---` so that its line N is the file's line N. */
  yaml?: string;
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
  problems: { pos: Pos; rule: string; message: string }[];
}

/** `text` has no BOM; CRLF is accepted. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const firstEnd = text.indexOf("\n");
  const firstRaw = firstEnd < 0 ? text : text.slice(0, firstEnd);
  const first = firstRaw.endsWith("\r") ? firstRaw.slice(0, -1) : firstRaw;
  if (first !== "---") {
    if (first.startsWith("---")) {
      const tag = first.slice(3).trim();
      if (tag === "") {
        return fail(1, 4, "frontmatter-delimiter", 'Dòng mở đầu phải đúng là "---", không có khoảng trắng phía sau.');
      }
      return fail(
        1,
        4,
        "frontmatter-language",
        `Phần thông tin đầu tệp chỉ được viết bằng YAML: dòng đầu phải đúng là "---", đang ghi "${first.slice(0, 40)}". Nội dung này không được chạy; hãy xóa "${tag.slice(0, 20)}" sau dấu ---.`,
      );
    }
    return fail(1, 1, "frontmatter-missing", 'Tệp phải bắt đầu bằng phần thông tin YAML nằm giữa hai dòng "---". Hãy thêm dòng "---" ở đầu tệp, các trường thông tin, rồi một dòng "---" nữa trước nội dung bài.');
  }
  // Find the closing line; only lines starting with "-" or "." can be (or spoil) it.
  let close = -1;
  let closeStart = -1;
  if (firstEnd >= 0) {
    let start = firstEnd + 1;
    for (let index = 1; ; index++) {
      const c = text.charCodeAt(start);
      const end = c === 45 /* - */ || c === 46 /* . */ ? text.indexOf("\n", start) : -2;
      if (end !== -2) {
        const raw = end < 0 ? text.slice(start) : text.slice(start, end);
        const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
        if (line === "---") {
          close = index;
          closeStart = start;
          break;
        }
        if (line.startsWith("---") || line === "...") {
          return fail(index + 1, 1, "frontmatter-delimiter", `Dòng phân cách phải đúng là "---"; đang ghi "${line.slice(0, 40)}".`);
        }
        if (end < 0) break;
        start = end + 1;
        continue;
      }
      const next = text.indexOf("\n", start);
      if (next < 0) break;
      start = next + 1;
    }
  }
  if (close < 0) {
    return fail(1, 1, "frontmatter-unclosed", 'Phần thông tin đầu tệp chưa được đóng: thiếu dòng "---" sau trường cuối cùng, trước nội dung bài.');
  }
  // What gray-matter gave: the block between the delimiters ("\n" when it holds only comments and
  // white space), and the text after the closing "---", less one "\r" and one "\n".
  const block = text.slice(3, closeStart - 1);
  // A letter opening a line can never be part of a comment that gray-matter's test strips: not empty.
  const empty = !/\n[A-Za-z]/.test(block) && block.replace(/^\s*#[^\n]+/gm, "").trim() === "";
  // CRLF files: YAML positions are counted on LF text (columns are unchanged, lines are the same).
  const yaml = empty ? "\n" : block.replace(/\r\n/g, "\n").replace(/\r$/, "");
  let body = text.slice(closeStart + 3);
  if (body.charCodeAt(0) === 13) body = body.slice(1);
  if (body.charCodeAt(0) === 10) body = body.slice(1);
  return { yaml, body, bodyLine: close + 2, problems: [] };
}

function fail(line: number, column: number, rule: string, message: string): FrontMatterSplit {
  return { body: "", bodyLine: 1, problems: [{ pos: { line, column }, rule, message }] };
}
