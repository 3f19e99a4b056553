// Downloads an issue's attached images, only from GitHub's attachment hosts, with a size, count and type limit.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { ATTACHMENT_URL_RE, attachmentFileName, imageExtension } from "./from-issue.ts";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;
const MAX_REDIRECTS = 3;

/** Where GitHub redirects an attachment link: its own content hosts and its asset bucket. */
function isAttachmentHost(url: URL): boolean {
  if (url.protocol !== "https:") return false;
  return (
    url.hostname === "github.com" ||
    url.hostname.endsWith(".githubusercontent.com") ||
    /^github-production-user-asset-[0-9a-f]+\.s3\.amazonaws\.com$/.test(url.hostname)
  );
}

export interface DownloadOptions {
  /** The workflow's token: private repositories' attachments need it (sent to github.com only). */
  token?: string;
  fetchImpl?: typeof fetch;
  maxBytes?: number;
}

export type Downloaded = { url: string; file: string } | { url: string; problem: string };

async function readCapped(response: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > max) return undefined;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Fetches one attachment, following only redirects that stay on GitHub's hosts. */
async function fetchAttachment(url: string, options: DownloadOptions): Promise<Uint8Array | string> {
  const doFetch = options.fetchImpl ?? fetch;
  const max = options.maxBytes ?? MAX_ATTACHMENT_BYTES;
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!isAttachmentHost(current)) return `chuyển hướng tới ${current.host}, không phải máy chủ ảnh của GitHub`;
    const headers: Record<string, string> = { accept: "image/*", "user-agent": "guong-sang-from-issue" };
    if (options.token && current.hostname === "github.com") headers.authorization = `Bearer ${options.token}`;
    const response = await doFetch(current.href, { headers, redirect: "manual" });
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get("location");
      if (!location) return `trả về ${response.status} không kèm địa chỉ`;
      current = new URL(location, current);
      continue;
    }
    if (response.status !== 200) return `trả về mã ${response.status}`;
    const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    if (!/^image\/(jpeg|png|webp)$/.test(type) && type !== "application/octet-stream") return `kiểu ${type || "không rõ"}, không phải ảnh JPEG, PNG hay WebP`;
    const bytes = await readCapped(response, max);
    if (!bytes) return `lớn hơn ${Math.round(max / 1024 / 1024)} MB`;
    if (!imageExtension(bytes)) return "không phải ảnh JPEG, PNG hay WebP";
    return bytes;
  }
  return "chuyển hướng quá nhiều lần";
}

/** Downloads the first MAX_ATTACHMENTS attachment links into `dir`, each named by `attachmentFileName(url)`. */
export async function downloadAttachments(urls: readonly string[], dir: string, options: DownloadOptions = {}): Promise<Downloaded[]> {
  const out: Downloaded[] = [];
  for (const url of [...new Set(urls)].slice(0, MAX_ATTACHMENTS)) {
    if (!ATTACHMENT_URL_RE.test(url)) {
      out.push({ url, problem: "không phải ảnh đính kèm trên GitHub" });
      continue;
    }
    let result: Uint8Array | string;
    try {
      result = await fetchAttachment(url, options);
    } catch (error) {
      result = `không kết nối được (${(error as Error).message})`;
    }
    if (typeof result === "string") {
      out.push({ url, problem: result });
      continue;
    }
    const file = path.join(dir, attachmentFileName(url));
    await writeFile(file, result, { flag: "wx" });
    out.push({ url, file });
  }
  return out;
}
