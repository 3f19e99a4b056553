// Splits a Markdown file into YAML front matter and body: two lines that are exactly `---`, YAML only, never executed.
import matter from "gray-matter";
import type { Pos } from "./yaml.ts";

export interface FrontMatterSplit {
  /** The YAML text, starting with the newline after the opening `---` so that its line N is the file's line N. */
  yaml?: string;
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
  problems: { pos: Pos; rule: string; message: string }[];
}

function refuse(): never {
  // Unreachable by construction (the opening line is checked first); kept so no default engine can ever run.
  throw new Error("Only YAML front matter is accepted");
}

const ENGINES = {
  yaml: { parse: (text: string) => ({ text }), stringify: refuse },
  yml: { parse: refuse, stringify: refuse },
  json: { parse: refuse, stringify: refuse },
  js: { parse: refuse, stringify: refuse },
  javascript: { parse: refuse, stringify: refuse },
  coffee: { parse: refuse, stringify: refuse },
  coffeescript: { parse: refuse, stringify: refuse },
  cson: { parse: refuse, stringify: refuse },
  toml: { parse: refuse, stringify: refuse },
};

/** Options passed on every call: passing options also keeps gray-matter's string-keyed cache out of play. */
const MATTER_OPTIONS = { engines: ENGINES, language: "yaml", delimiters: "---", excerpt: false } as unknown as Parameters<typeof matter>[1];

/** `text` has no BOM; CRLF is accepted. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  const first = lines[0] ?? "";
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
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === "---") {
      close = i;
      break;
    }
    if (line.startsWith("---") || line === "...") {
      return fail(i + 1, 1, "frontmatter-delimiter", `Dòng phân cách phải đúng là "---"; đang ghi "${line.slice(0, 40)}".`);
    }
  }
  if (close < 0) {
    return fail(1, 1, "frontmatter-unclosed", 'Phần thông tin đầu tệp chưa được đóng: thiếu dòng "---" sau trường cuối cùng, trước nội dung bài.');
  }
  const parsed = matter(text, MATTER_OPTIONS) as unknown as { data: { text?: string }; content: string; isEmpty?: boolean };
  // CRLF files: YAML positions are counted on LF text (columns are unchanged, lines are the same).
  const yaml = (parsed.data.text ?? "\n").replace(/\r\n/g, "\n").replace(/\r$/, "");
  return { yaml, body: parsed.content, bodyLine: close + 2, problems: [] };
}

function fail(line: number, column: number, rule: string, message: string): FrontMatterSplit {
  return { body: "", bodyLine: 1, problems: [{ pos: { line, column }, rule, message }] };
}
