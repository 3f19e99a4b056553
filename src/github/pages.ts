// The address GitHub Pages serves this repository at, and the check that site.yaml's baseUrl (which decides
// every link's path prefix) is that address: a mismatch would publish a site whose links all point elsewhere.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { argsOrExit, parseCommandArgs } from "../util/cli.ts";
import type { Env } from "./actions.ts";

/**
 * The Pages address of `owner/repo` from the repository context: `https://owner.github.io/repo/` for a
 * project site, `https://owner.github.io/` for the user or organisation site (a repo named `owner.github.io`).
 */
export function pagesUrl(repository: string): string {
  const [owner = "", repo = ""] = repository.split("/");
  if (!owner || !repo) throw new Error(`Tên kho không đúng dạng chủ/kho: "${repository}".`);
  const host = `${owner.toLowerCase()}.github.io`;
  return repo.toLowerCase() === host ? `https://${host}/` : `https://${host}/${repo}/`;
}

const normalise = (url: string): string => (url.endsWith("/") ? url : `${url}/`);

/** Vietnamese message for a baseUrl that is not the Pages address, or undefined when they agree. */
export function baseUrlMismatch(baseUrl: string, expected: string, where: string): string | undefined {
  if (normalise(baseUrl) === normalise(expected)) return undefined;
  return (
    `${where}: baseUrl là "${baseUrl}" nhưng GitHub Pages sẽ đăng trang ở "${normalise(expected)}", nên mọi liên kết, ` +
    `ảnh, tệp tìm kiếm, feed, sitemap và PDF sẽ trỏ sai chỗ. Sửa baseUrl trong site.yaml thành "${normalise(expected)}"; ` +
    `nếu trang dùng tên miền riêng, ghi địa chỉ đó vào PAGES_URL trong .github/workflows/deploy.yml.`
  );
}

export const CHECK_PAGES_URL_USAGE = `Cách dùng: npx tsx scripts/check-pages-url.ts [--content THƯ_MỤC]

So baseUrl trong site.yaml với địa chỉ GitHub Pages của kho (PAGES_URL nếu có, nếu không thì tính từ GITHUB_REPOSITORY).
  --content THƯ_MỤC  thư mục nội dung (mặc định: content)

Mã thoát: 0 khớp, 1 không khớp, 2 thiếu thông tin để so hoặc sai cách dùng.
`;

export interface PagesCheckIO {
  env: Env;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * `npx tsx scripts/check-pages-url.ts [--content DIR]`: compares site.yaml's baseUrl with the Pages address
 * (`PAGES_URL` when set, for a custom domain; else computed from `GITHUB_REPOSITORY`). Exit 0 when they
 * agree, 1 (with an annotation on site.yaml's baseUrl line) when not, 2 when there is nothing to compare.
 */
export function runCheckPagesUrl(argv: readonly string[], io: PagesCheckIO): number {
  const parsed = argsOrExit(() => parseCommandArgs(argv, { content: { type: "string" } }).values, CHECK_PAGES_URL_USAGE, { stdout: { write: io.stdout }, stderr: { write: io.stderr } });
  if ("exit" in parsed) return parsed.exit;
  const contentDir = path.resolve(io.cwd, parsed.args.content ?? "content");
  const file = path.join(contentDir, "site.yaml");
  const rel = path.relative(io.cwd, file).split(path.sep).join("/");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    io.stderr(`Không đọc được ${rel}.\n`);
    return 2;
  }
  const baseUrl = (parse(text) as { baseUrl?: unknown } | null)?.baseUrl;
  if (typeof baseUrl !== "string") {
    io.stderr(`${rel}: thiếu baseUrl (địa chỉ thật của chuyên mục).\n`);
    return 2;
  }
  const override = io.env.PAGES_URL?.trim();
  const repository = io.env.GITHUB_REPOSITORY;
  if (!override && !repository) {
    io.stderr("Cần GITHUB_REPOSITORY (có sẵn trong GitHub Actions) hoặc PAGES_URL để biết địa chỉ GitHub Pages.\n");
    return 2;
  }
  const expected = override || pagesUrl(repository!);
  const line = text.split("\n").findIndex((l) => /^baseUrl\s*:/.test(l)) + 1 || 1;
  const problem = baseUrlMismatch(baseUrl, expected, `${rel}:${line}`);
  if (problem === undefined) {
    io.stdout(`baseUrl khớp địa chỉ GitHub Pages: ${normalise(expected)}\n`);
    return 0;
  }
  io.stderr(`${problem}\n`);
  if (io.env.GITHUB_ACTIONS === "true") {
    io.stdout(`::error file=${rel},line=${line}::${problem.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}\n`);
  }
  return 1;
}
