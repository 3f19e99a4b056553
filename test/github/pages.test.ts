// The Pages address from the repository context, and the deploy check that site.yaml's baseUrl is it.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pagesUrl, runCheckPagesUrl } from "../../src/github/pages.ts";

describe("pagesUrl", () => {
  it("is https://owner.github.io/repo/ for a project site, the bare host for owner.github.io", () => {
    expect(pagesUrl("Example/guong-sang")).toBe("https://example.github.io/guong-sang/");
    expect(pagesUrl("example/Example.github.io")).toBe("https://example.github.io/");
  });
});

function run(baseUrl: string, env: Record<string, string>) {
  const cwd = mkdtempSync(path.join(tmpdir(), "gs-pages-"));
  mkdirSync(path.join(cwd, "content"));
  writeFileSync(path.join(cwd, "content/site.yaml"), `title: Thử\nbaseUrl: "${baseUrl}"\nsample: true\n`);
  let stdout = "";
  let stderr = "";
  const code = runCheckPagesUrl([], { env, cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("scripts/check-pages-url.ts", () => {
  it("passes when baseUrl is the Pages address of the repository", () => {
    expect(run("https://example.github.io/guong-sang/", { GITHUB_REPOSITORY: "example/guong-sang" })).toEqual({
      code: 0,
      stdout: "baseUrl khớp địa chỉ GitHub Pages: https://example.github.io/guong-sang/\n",
      stderr: "",
    });
  });

  it("fails with the Vietnamese message and an annotation on the baseUrl line when they differ", () => {
    const r = run("https://example.github.io/guong-sang/", { GITHUB_REPOSITORY: "phuong-a/guong-sang", GITHUB_ACTIONS: "true" });
    const message =
      'content/site.yaml:2: baseUrl là "https://example.github.io/guong-sang/" nhưng GitHub Pages sẽ đăng trang ở "https://phuong-a.github.io/guong-sang/", ' +
      "nên mọi liên kết, ảnh, tệp tìm kiếm, feed, sitemap và PDF sẽ trỏ sai chỗ. " +
      'Sửa baseUrl trong site.yaml thành "https://phuong-a.github.io/guong-sang/"; nếu trang dùng tên miền riêng, ghi địa chỉ đó vào PAGES_URL trong .github/workflows/deploy.yml.';
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.stdout).toBe(`::error file=content/site.yaml,line=2::${message}\n`);
  });

  it("takes a custom domain from PAGES_URL", () => {
    expect(run("https://caugiay.example.vn/guong-sang/", { GITHUB_REPOSITORY: "a/b", PAGES_URL: "https://caugiay.example.vn/guong-sang/" }).code).toBe(0);
  });

  it("says what it needs outside Actions", () => {
    expect(run("https://example.github.io/guong-sang/", {})).toMatchObject({
      code: 2,
      stderr: "Cần GITHUB_REPOSITORY (có sẵn trong GitHub Actions) hoặc PAGES_URL để biết địa chỉ GitHub Pages.\n",
    });
  });
});
