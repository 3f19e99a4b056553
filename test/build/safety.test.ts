// Contributor text can never run code or inject HTML: template syntax, raw HTML, unsafe links and executable front matter.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture, read, run, tempDir } from "./helpers.ts";

const PLANTED = `---
title: "Thử {{ 7 * 7 }} và <script>alert('tieu-de')</script>"
kind: model
subject:
  name: "Mô hình {% raw %}{{ 6 * 6 }}"
unit: don-vi-mot
field: giao-duc
date: 2019-03-01
summary: "Tóm tắt <img src=x onerror=alert('tom-tat')> {{ 8 * 8 }}"
achievements:
  - "Kết quả [bấm vào](javascript:alert('ket-qua')) <b>đậm</b>"
channels: [portal]
---
Nội dung {{ 7 * 7 }} và {% if true %}liquid{% endif %} và \${7 * 7}.

<script>alert('bai-viet')</script>

<img src=x onerror=alert('anh')>

[Liên kết nguy hiểm](javascript:alert('lien-ket')) và [khác](JaVaScRiPt:alert(1)) và [dữ liệu](data:text/html;base64,PHNjcmlwdD4=) và [vb](vbscript:msgbox(1)) và [an toàn](https://example.vn/bai-viet).

# Tiêu đề cấp một
`;

describe("an exemplar full of injection attempts", () => {
  let page: string;
  beforeAll(async () => {
    const content = await copyFixture("site-basic");
    await writeFile(path.join(content, "exemplars/2019/thu-tan-cong.md"), PLANTED);
    const site = path.join(await tempDir(), "_site");
    const result = await run(["--content", content, "--out", site, "--no-pdf"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    page = await read(site, "dien-hinh/thu-tan-cong/index.html");
  });

  it("shows template syntax as text, never evaluated", () => {
    expect(page).toContain("Nội dung {{ 7 * 7 }} và {% if true %}liquid{% endif %} và ${7 * 7}.");
    expect(page).toContain("<h1>Thử {{ 7 * 7 }} và &lt;script&gt;alert(&#39;tieu-de&#39;)&lt;/script&gt;");
    expect(page).toContain("Tóm tắt &lt;img src=x onerror=alert(&#39;tom-tat&#39;)&gt; {{ 8 * 8 }}");
    expect(page).toContain("Mô hình {% raw %}{{ 6 * 6 }}");
    expect(page).not.toMatch(/\b(49|64|36)\b/);
  });

  it("renders raw HTML in Markdown and front matter as text", () => {
    expect(page).toContain("<p>&lt;script&gt;alert('bai-viet')&lt;/script&gt;</p>");
    expect(page).toContain("<p>&lt;img src=x onerror=alert('anh')&gt;</p>");
    expect(page).toContain("&lt;b&gt;đậm&lt;/b&gt;");
    // The only scripts on the page are our own, and no element carries an event handler.
    expect(page.match(/<script\b[^>]*>/g) ?? []).toEqual([]);
    const withoutValues = page.replace(/"[^"]*"/g, '""');
    expect(withoutValues).not.toMatch(/<[a-z]+\b[^>]*\son[a-z]+\s*=/i);
  });

  it("does not make javascript:, vbscript: or data: into links; keeps safe ones", () => {
    expect(page).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
    expect(page).toContain("[Liên kết nguy hiểm](javascript:alert('lien-ket'))");
    expect(page).toContain("Kết quả [bấm vào](javascript:alert('ket-qua'))");
    expect(page).toContain('<a href="https://example.vn/bai-viet" rel="noopener noreferrer">an toàn</a>');
  });

  it("never lets the article emit a second <h1>", () => {
    expect(page.match(/<h1[\s>]/g)).toHaveLength(1);
    // The article sits under the page's <h2> "Bài viết": its top heading is an <h3>.
    expect(page).toContain('<h3 id="nd-tieu-de-cap-mot">Tiêu đề cấp một</h3>');
  });
});

describe("executable front matter", () => {
  it("refuses a ---js file at validation and never runs it", async () => {
    const content = await copyFixture("site-basic");
    const marker = path.join(path.dirname(content), "da-chay.txt");
    await writeFile(
      path.join(content, "exemplars/2019/js-front-matter.md"),
      `---js\n{ title: require("fs").writeFileSync(${JSON.stringify(marker)}, "1") || "x" }\n---\nNội dung.\n`,
    );
    const site = path.join(await tempDir(), "_site");
    const result = await run(["--content", content, "--out", site, "--no-pdf"], { cwd: path.dirname(content) });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^content\/exemplars\/2019\/js-front-matter\.md:1:\d+: error: /m);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(site)).toBe(false);
  });
});
