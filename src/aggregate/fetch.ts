// Reading a source's files: over HTTP(S) with a time-out per attempt, a size limit, a few retries with backoff, and from
// a built folder on this machine with the same size limit and no way out of the folder. Failures are ReadErrors whose
// message says why in Vietnamese, for the page and the exit summary.
import { open, realpath } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface FetchLimits {
  /** Time-out of one attempt, in milliseconds. */
  timeoutMs: number;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Attempts after the first, for network errors, time-outs, HTTP 429 and 5xx. */
  retries: number;
  /** Wait before the first retry; doubled for each next one. */
  backoffMs: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 50 * 1024 * 1024, retries: 2, backoffMs: 500 };

/** Why one file of a source could not be read, in Vietnamese. */
export class ReadError extends Error {
  constructor(
    message: string,
    /** True when trying again may help (network, time-out, 5xx). */
    readonly transient = false,
  ) {
    super(message);
    this.name = "ReadError";
  }
}

/** Reads one file of a source by its path relative to the source's root (`api/site.json`). */
export type SourceReader = (relative: string) => Promise<Uint8Array>;

const megabytes = (n: number): string => `${(n / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
const seconds = (ms: number): string => `${(ms / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} giây`;

/** A relative path inside a source: no scheme, no leading slash, no `..`, no backslash. */
export function checkRelative(relative: string): string {
  if (!/^[a-z0-9][a-z0-9/._-]*$/.test(relative) || relative.split("/").some((s) => s === ".." || s === ".")) {
    throw new ReadError(`Đường dẫn "${relative}" không hợp lệ (chỉ nhận đường dẫn tương đối bên trong trang).`);
  }
  return relative;
}

async function readBody(response: Response, maxBytes: number, label: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new ReadError(`${label}: tệp lớn ${megabytes(declared)}, quá giới hạn ${megabytes(maxBytes)}.`);
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ReadError(`${label}: tệp lớn hơn giới hạn ${megabytes(maxBytes)}.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function fetchOnce(url: URL, limits: FetchLimits, label: string): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: "follow", headers: { accept: "application/json" } });
  } catch (error) {
    if (signal.aborted) throw new ReadError(`${label}: quá thời gian chờ (${seconds(limits.timeoutMs)}).`, true);
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new ReadError(`${label}: không kết nối được máy chủ${cause ? ` (${cause})` : ""}.`, true);
  }
  if (!/^https?:$/.test(new URL(response.url || url.href).protocol)) throw new ReadError(`${label}: bị chuyển hướng sang địa chỉ không phải http(s).`);
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const transient = response.status === 429 || response.status >= 500;
    throw new ReadError(`${label}: máy chủ trả lời HTTP ${response.status}${response.status === 404 ? " (không có tệp này)" : ""}.`, transient);
  }
  try {
    return await readBody(response, limits.maxBytes, label);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    if (signal.aborted) throw new ReadError(`${label}: quá thời gian chờ (${seconds(limits.timeoutMs)}).`, true);
    throw new ReadError(`${label}: kết nối bị ngắt khi đang tải.`, true);
  }
}

/** A reader for a published site: `base` must be an http(s) URL ending in `/`. */
export function httpReader(base: string, limits: FetchLimits = DEFAULT_LIMITS): SourceReader {
  return async (relative) => {
    const url = new URL(checkRelative(relative), base);
    let attempt = 0;
    for (;;) {
      try {
        return await fetchOnce(url, limits, relative);
      } catch (error) {
        if (!(error instanceof ReadError) || !error.transient || attempt >= limits.retries) throw error;
        await sleep(limits.backoffMs * 2 ** attempt);
        attempt++;
      }
    }
  };
}

/** A reader for a built folder: files only inside `root` (symbolic links out of it are refused), same size limit. */
export function folderReader(root: string, limits: FetchLimits = DEFAULT_LIMITS): SourceReader {
  return async (relative) => {
    const target = path.join(root, checkRelative(relative));
    let real: string;
    let realRoot: string;
    try {
      [real, realRoot] = await Promise.all([realpath(target), realpath(root)]);
    } catch {
      throw new ReadError(`${relative}: không có tệp này trong thư mục ${root}.`);
    }
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new ReadError(`${relative}: tệp nằm ngoài thư mục nguồn.`);
    const handle = await open(real, "r");
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new ReadError(`${relative}: không phải tệp.`);
      if (info.size > limits.maxBytes) throw new ReadError(`${relative}: tệp lớn ${megabytes(info.size)}, quá giới hạn ${megabytes(limits.maxBytes)}.`);
      return new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
    }
  };
}

/** Runs `task` over `items` with at most `limit` running at once; results in input order. */
export async function mapPool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
