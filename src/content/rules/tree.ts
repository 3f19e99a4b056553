// path-unknown, file-unknown, symlink-outside: everything in the content tree is a known kind of file in its place.
import { CONTENT_TYPES } from "../model.ts";
import type { LocalFinding } from "../parse.ts";
import type { Rule, TreeEntry } from "./context.ts";

const FOLDERS = Object.values(CONTENT_TYPES).map((t) => t.folder);

function where(entry: TreeEntry): string {
  if (entry.type === "bulletin") return "bulletins/<năm>-<số>.md, ví dụ bulletins/2019-01.md";
  if (entry.type) return `${CONTENT_TYPES[entry.type].folder}/<năm>/<tên-tệp>.md`;
  return `${FOLDERS.map((f) => `${f}/`).join(", ")} hoặc tệp site.yaml`;
}

export const tree: Rule = (ctx) => {
  const out: LocalFinding[] = [];
  const unknownDirs: string[] = [];
  const sorted = [...ctx.tree].sort((a, b) => (a.file < b.file ? -1 : 1));
  for (const entry of sorted) {
    if (unknownDirs.some((d) => entry.file.startsWith(`${d}/`))) continue;
    const base = { file: entry.file, line: 1, column: 1 };
    if (entry.escapes) {
      out.push({ ...base, severity: "error", rule: "symlink-outside", message: "Liên kết tượng trưng (symlink) trỏ ra ngoài thư mục nội dung hoặc tới tệp không tồn tại. Hãy chép tệp thật vào thư mục nội dung." });
      continue;
    }
    if (entry.isDirectory) {
      if (!entry.type) {
        unknownDirs.push(entry.file);
        out.push({ ...base, severity: "error", rule: "path-unknown", message: `Thư mục "${entry.file}" không thuộc loại nội dung nào; nội dung phải nằm trong ${where(entry)}.` });
      }
      continue;
    }
    if (entry.role !== "unknown") continue;
    if (entry.file.endsWith(".md")) {
      out.push({ ...base, severity: "error", rule: "path-unknown", message: `Tệp Markdown đặt sai chỗ nên sẽ không được đọc; hãy chuyển vào ${where(entry)}.` });
    } else {
      out.push({ ...base, severity: "warning", rule: "file-unknown", message: `Tệp này không thuộc loại nội dung nào và không được dùng (chỉ nhận tệp .md, ảnh .jpg/.png/.webp và site.yaml). Nếu không cần, hãy xóa.` });
    }
  }
  return out;
};
