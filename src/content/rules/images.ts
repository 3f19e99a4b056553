// image-missing, image-outside, image-alt: every image an exemplar shows (front matter or body) is a file inside the content tree, with a real description.
import { realpath } from "node:fs/promises";
import path from "node:path";
import type { LocalFinding, ParsedDoc } from "../parse.ts";
import { nearest } from "../messages.ts";
import type { Rule, RuleContext } from "./context.ts";

interface ImageRef {
  src: string;
  alt: string | undefined;
  /** Where to report: a front-matter pointer, or a body position. */
  pointer?: string;
  altPointer?: string;
  line?: number;
  column?: number;
}

// ![alt](src "title") in Markdown; reference-style images are rare in contributor text and not followed.
const MD_IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

function bodyImages(doc: ParsedDoc): ImageRef[] {
  if (doc.text === undefined || !doc.text.includes("![")) return [];
  const lines = doc.text.split("\n");
  const refs: ImageRef[] = [];
  for (let i = doc.bodyLine - 1; i < lines.length; i++) {
    for (const m of (lines[i] as string).matchAll(MD_IMAGE)) {
      refs.push({ src: m[2] as string, alt: m[1], line: i + 1, column: (m.index ?? 0) + 1 });
    }
  }
  return refs;
}

function frontMatterImage(doc: ParsedDoc): ImageRef[] {
  const image = doc.data?.image as { src?: unknown; alt?: unknown } | undefined;
  if (!image || typeof image.src !== "string") return [];
  return [{ src: image.src, alt: typeof image.alt === "string" ? image.alt : undefined, pointer: "/image/src", altPointer: "/image/alt" }];
}

function finding(ctx: RuleContext, doc: ParsedDoc, ref: ImageRef, rule: string, message: string, alt = false): LocalFinding {
  if (ref.pointer) return ctx.at(doc, alt && ref.altPointer ? ref.altPointer : ref.pointer, rule, message);
  return { file: doc.file, line: ref.line ?? 1, column: ref.column ?? 1, severity: "error", rule, message };
}

export const images: Rule = async (ctx) => {
  const out: LocalFinding[] = [];
  for (const doc of ctx.docs) {
    const refs = [...frontMatterImage(doc), ...bodyImages(doc)];
    for (const ref of refs) {
      const label = ref.pointer ? ctx.label(doc.kind, ["image", "src"]) : `Ảnh trong bài`;
      const src = ref.src;
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("/") || src.startsWith("\\") || /^[a-z]:/i.test(src)) {
        out.push(finding(ctx, doc, ref, "image-outside", `${label} "${src}" phải là đường dẫn tương đối tới tệp ảnh đặt cạnh bài (ví dụ anh-1.jpg), không phải địa chỉ web hay đường dẫn tuyệt đối.`));
        continue;
      }
      const rel = path.posix.normalize(path.posix.join(path.posix.dirname(doc.file), decodeURI(src).replace(/\\/g, "/")));
      if (rel.startsWith("../") || rel === "..") {
        out.push(finding(ctx, doc, ref, "image-outside", `${label} "${src}" trỏ ra ngoài thư mục nội dung; hãy chép ảnh vào cạnh tệp bài và ghi tên tệp ảnh.`));
        continue;
      }
      if (!ctx.files.has(rel)) {
        const siblings = [...ctx.files].filter((f) => path.posix.dirname(f) === path.posix.dirname(rel)).map((f) => path.posix.basename(f));
        const near = nearest(path.posix.basename(rel), siblings);
        out.push(finding(ctx, doc, ref, "image-missing", `${label}: không tìm thấy tệp ${rel}.${near ? ` Có phải "${near}"?` : ""} Hãy đặt ảnh cạnh tệp bài và kiểm tra tên tệp (phân biệt chữ hoa, chữ thường).`));
        continue;
      }
      try {
        const real = await realpath(path.join(ctx.dir, rel));
        if (!real.startsWith(ctx.dir + path.sep)) {
          out.push(finding(ctx, doc, ref, "image-outside", `${label} "${src}" là liên kết tới tệp ngoài thư mục nội dung; hãy chép ảnh thật vào cạnh tệp bài.`));
          continue;
        }
      } catch {
        out.push(finding(ctx, doc, ref, "image-missing", `${label}: không đọc được tệp ${rel}.`));
        continue;
      }
      const alt = (ref.alt ?? "").trim();
      const stem = path.posix.basename(rel).replace(/\.[^.]+$/, "");
      if (alt === "" || alt === path.posix.basename(rel) || alt === stem || /^(ảnh|hình|image|img|photo)(\s*\d*)?$/iu.test(alt)) {
        const altLabel = ref.pointer ? ctx.label(doc.kind, ["image", "alt"]) : "Mô tả ảnh (phần trong ![...])";
        out.push(finding(ctx, doc, ref, "image-alt", `${altLabel} phải nói ảnh có gì cho người không xem được ảnh, ví dụ "Cô Mai giảng bài cho học sinh lớp 5"; đang ghi "${ref.alt ?? ""}".`, true));
      }
    }
  }
  return out;
};
