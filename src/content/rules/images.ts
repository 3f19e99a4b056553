// image-missing, image-outside, image-path, image-empty, image-invalid, image-format, image-too-large, image-alt:
// every image an exemplar shows (front matter or body) is a plainly named file inside the content tree that
// decodes as a JPEG, PNG or WebP within the pixel limit, with a real description.
import { fileMemo } from "../../util/file-memo.ts";
import { open, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "sharp";
import { slugify } from "../../vi/text.ts";
import type { LocalFinding, ParsedDoc } from "../parse.ts";
import { nearest } from "../messages.ts";
import { limits, wanted, type Rule, type RuleContext } from "./context.ts";

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

/** The images of a body, found once per parsed document (the dev server's reloads reuse unchanged documents). */
const bodyImagesOf = new WeakMap<ParsedDoc, ImageRef[]>();

function bodyImages(doc: ParsedDoc): ImageRef[] {
  let refs = bodyImagesOf.get(doc);
  if (!refs) bodyImagesOf.set(doc, (refs = findBodyImages(doc)));
  return refs;
}

function findBodyImages(doc: ParsedDoc): ImageRef[] {
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

// What a file name may hold: the build reads it as written, the web and every file system agree on these.
const PLAIN_PATH = /^[A-Za-z0-9._/-]+$/;
/** Formats the build can make pages and print copies from. */
const FORMATS: Record<string, string> = { jpeg: "JPEG", png: "PNG", webp: "WebP" };

/** The characters of a path that are not plain, each shown once (controls as U+XXXX). */
function oddCharacters(src: string): string {
  const odd = [...new Set([...src].filter((ch) => !PLAIN_PATH.test(ch)))];
  return odd.map((ch) => (ch === " " ? "dấu cách" : /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) ? `"${ch}"` : `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`)).join(", ");
}

/** A plain name to suggest: `ảnh cô Mai.jpg` → `anh-co-mai.jpg`, `co%20mai.png` → `co-mai.png`. */
function plainName(src: string): string {
  let name = src;
  try {
    name = decodeURIComponent(src);
  } catch {
    // a lone % is just a character here
  }
  const base = path.posix.basename(name.replace(/\\/g, "/"));
  const ext = /\.(jpe?g|png|webp)$/i.exec(base)?.[0]?.toLowerCase() ?? ".jpg";
  return `${slugify(base.slice(0, base.length - (/\.[^.]*$/.exec(base)?.[0].length ?? 0))) || "anh-1"}${ext}`;
}

/**
 * Decodes an image the way the build will, so that what cannot be built is a finding here: empty,
 * not an image, a format the build does not make pages from, more pixels than site.yaml allows, or
 * cut short (the build would show half a picture).
 */
type ImageProblem = { rule: string; message: string } | undefined;
/** What was found of a file this process examined: a later load (the dev server's) does not decode it again. */
const examined = fileMemo<ImageProblem>();

export function imageProblem(abs: string, rel: string, pixelLimit: number): Promise<ImageProblem> {
  return examined(abs, `${rel}\0${pixelLimit}`, () => examine(abs, rel, pixelLimit));
}

async function examine(abs: string, rel: string, pixelLimit: number): Promise<ImageProblem> {
  if ((await stat(abs)).size === 0) return { rule: "image-empty", message: `tệp ${rel} rỗng (0 byte). Hãy chép lại tệp ảnh từ bản gốc.` };
  let meta: Metadata;
  try {
    // Loaded on first use: a run that examines no image (most `npm run validate -- FILE`) does not load libvips.
    const { default: sharp } = await import("sharp");
    meta = await sharp(abs, { limitInputPixels: false }).metadata();
  } catch {
    return { rule: "image-invalid", message: `tệp ${rel} không phải ảnh đọc được (hoặc phần đầu tệp đã hỏng). Hãy mở ảnh bằng trình xem ảnh, lưu lại dưới dạng JPEG (.jpg) hoặc PNG rồi chép lại.` };
  }
  const format = meta.format ?? "";
  if (!FORMATS[format]) {
    return { rule: "image-format", message: `tệp ${rel} là ảnh dạng ${format.toUpperCase() || "khác"}, không phải JPEG, PNG hay WebP dù tên tệp có đuôi ${path.posix.extname(rel)}. Hãy lưu lại ảnh dưới dạng JPEG (.jpg) hoặc PNG.` };
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > pixelLimit) {
    return {
      rule: "image-too-large",
      message: `ảnh ${rel} cỡ ${width} × ${height} = ${width * height} điểm ảnh, lớn hơn giới hạn ${pixelLimit} điểm ảnh (site.yaml, mục limits, imagePixels). Hãy thu nhỏ ảnh (ví dụ còn 2000 điểm ảnh chiều rộng) rồi lưu lại.`,
    };
  }
  if (!(await complete(abs, format))) {
    return { rule: "image-invalid", message: `tệp ảnh ${rel} bị hỏng hoặc bị cắt cụt (chưa chép hết), nên ảnh sẽ hiện không đầy đủ. Hãy chép lại tệp ảnh từ bản gốc.` };
  }
  return undefined;
}

/**
 * Whether an image file is whole, from its structure rather than a full decode (which costs tens of
 * milliseconds per photograph): a JPEG ends with its end-of-image marker, a PNG with its IEND chunk, a
 * WebP's RIFF header gives the file's size. A copy cut short fails all three.
 */
async function complete(abs: string, format: string): Promise<boolean> {
  const handle = await open(abs, "r");
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(Math.min(size, 64));
    await handle.read(tail, 0, tail.length, size - tail.length);
    if (format === "jpeg") return /\xff\xd9[\x00\s]*$/.test(tail.toString("latin1")); // EOI, maybe padded
    if (format === "png") return tail.subarray(-12).equals(Buffer.from("0000000049454e44ae426082", "hex"));
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    return head.toString("latin1", 0, 4) === "RIFF" && head.readUInt32LE(4) + 8 <= size;
  } finally {
    await handle.close();
  }
}

const links = new WeakMap<RuleContext["tree"], Set<string>>();

/** The files of the tree that are symbolic links, listed once per walk. */
function linkedFiles(ctx: RuleContext): Set<string> {
  let set = links.get(ctx.tree);
  if (!set) links.set(ctx.tree, (set = new Set(ctx.tree.filter((e) => e.link && !e.isDirectory).map((e) => e.file))));
  return set;
}

export const images: Rule = async (ctx) => {
  const out: LocalFinding[] = [];
  const { imagePixels } = limits(ctx);
  // Each file is decoded once, however many articles show it.
  const decoded = new Map<string, Promise<{ rule: string; message: string } | undefined>>();
  const pending: Promise<void>[] = [];
  for (const doc of wanted(ctx, ctx.docs)) {
    const refs = [...frontMatterImage(doc), ...bodyImages(doc)];
    for (const ref of refs) {
      const label = ref.pointer ? ctx.label(doc.kind, ["image", "src"]) : `Ảnh trong bài`;
      const src = ref.src;
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("/") || src.startsWith("\\") || /^[a-z]:/i.test(src)) {
        out.push(finding(ctx, doc, ref, "image-outside", `${label} "${src}" phải là đường dẫn tương đối tới tệp ảnh đặt cạnh bài (ví dụ anh-1.jpg), không phải địa chỉ web hay đường dẫn tuyệt đối.`));
        continue;
      }
      if (!PLAIN_PATH.test(src)) {
        out.push(
          finding(
            ctx,
            doc,
            ref,
            "image-path",
            `${label} "${src}" có ký tự ${oddCharacters(src)} không dùng được trong tên tệp ảnh: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang và gạch dưới, ví dụ ${plainName(src)}. Hãy đổi tên tệp ảnh rồi ghi lại tên mới ở đây.`,
          ),
        );
        continue;
      }
      // The name as written: the build reads exactly this file (no URL decoding).
      const rel = path.posix.normalize(path.posix.join(path.posix.dirname(doc.file), src));
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
      // The walk does not enter linked folders, so only a file that is itself a link can lead outside.
      if (linkedFiles(ctx).has(rel)) {
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
      }
      let problem = decoded.get(rel);
      if (!problem) {
        problem = imageProblem(path.join(ctx.dir, rel), rel, imagePixels);
        decoded.set(rel, problem);
      }
      const shown = label;
      pending.push(
        problem.then((p) => {
          if (p) out.push(finding(ctx, doc, ref, p.rule, `${shown}: ${p.message}`));
        }),
      );
      const alt = (ref.alt ?? "").trim();
      const stem = path.posix.basename(rel).replace(/\.[^.]+$/, "");
      if (alt === "" || alt === path.posix.basename(rel) || alt === stem || /^(ảnh|hình|image|img|photo)(\s*\d*)?$/iu.test(alt)) {
        const altLabel = ref.pointer ? ctx.label(doc.kind, ["image", "alt"]) : "Mô tả ảnh (phần trong ![...])";
        out.push(finding(ctx, doc, ref, "image-alt", `${altLabel} phải nói ảnh có gì cho người không xem được ảnh, ví dụ "Cô Mai giảng bài cho học sinh lớp 5"; đang ghi "${ref.alt ?? ""}".`, true));
      }
    }
  }
  await Promise.all(pending);
  return out;
};
