// Our one markdown-it instance: no raw HTML, only safe links, headings shifted and prefixed.
import { describe, expect, it } from "vitest";
import { isSafeUrl, renderBodyCached, renderMarkdown, renderMarkdownInline, RENDERED_BODIES_KEPT } from "../../src/render/markdown.ts";

describe("isSafeUrl", () => {
  it.each(["https://example.vn/a", "http://x.vn", "mailto:a@b.vn", "tel:+84241234", "/dien-hinh/", "../a", "#nd-muc", "bai-viet", "//example.vn/x"])(
    "accepts %s",
    (url) => expect(isSafeUrl(url)).toBe(true),
  );
  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "java%09script:alert(1)",
    "java%0Ascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "data:image/png;base64,iVBOR",
    "file:///etc/passwd",
    "%E0%A4%A",
  ])("refuses %s", (url) => expect(isSafeUrl(url)).toBe(false));
});

describe("renderMarkdown", () => {
  it("keeps raw HTML as text", () => {
    expect(renderMarkdown("<b>x</b> <script>y</script>").value).toBe("<p>&lt;b&gt;x&lt;/b&gt; &lt;script&gt;y&lt;/script&gt;</p>\n");
  });
  it("does not link entity-encoded javascript: URLs", () => {
    expect(renderMarkdown("[a](java&#x09;script:alert(1)) [b](&#106;avascript:alert(1))").value).not.toContain("<a ");
  });
  it("shifts headings under the page's heading, never skipping a level, prefixes ids and keeps them unique", () => {
    expect(renderMarkdown("# Mục đích\n\n## Yêu cầu\n\n## Yêu cầu\n\n###### Sáu").value).toBe(
      '<h2 id="nd-muc-dich">Mục đích</h2>\n<h3 id="nd-yeu-cau">Yêu cầu</h3>\n<h3 id="nd-yeu-cau-2">Yêu cầu</h3>\n<h4 id="nd-sau">Sáu</h4>\n',
    );
    // The plan page's body sits under its <h1>; an author who starts at ## still gets <h2>.
    expect(renderMarkdown("## I. Mục đích\n\n### 1. Mục đích\n\n## II. Nội dung", { under: 1 }).value).toBe(
      '<h2 id="nd-i-muc-dich">I. Mục đích</h2>\n<h3 id="nd-1-muc-dich">1. Mục đích</h3>\n<h2 id="nd-ii-noi-dung">II. Nội dung</h2>\n',
    );
    // An article sits under an <h2> ("Bài viết"): #### then # then ### gives <h3>, <h3>, <h4>.
    expect(renderMarkdown("#### a\n\n# b\n\n### c", { under: 2 }).value).toBe('<h3 id="nd-a">a</h3>\n<h3 id="nd-b">b</h3>\n<h4 id="nd-c">c</h4>\n');
  });
  it("puts every table in a focusable region that scrolls sideways on a phone", () => {
    expect(renderMarkdown("| a | b |\n| --- | --- |\n| 1 | 2 |").value).toMatch(/^<div class="table-scroll" role="region" aria-label="Bảng" tabindex="0"><table>\n[\s\S]*<\/table><\/div>\n$/);
  });
  it("writes no control character or noncharacter into HTML", () => {
    expect(renderMarkdown("a\u0001b\u007f\uFFFE *c\u0085*").value).toBe("<p>a\uFFFDb\uFFFD\uFFFD <em>c\uFFFD</em></p>\n");
    expect(renderMarkdownInline("x\u001b[31m").value).toBe("x\uFFFD[31m");
  });
  it("shows images as their description, loading nothing", () => {
    expect(renderMarkdown("![Ảnh hội nghị](https://evil.example/x.png)").value).toBe('<p><span class="md-image">[Ảnh: Ảnh hội nghị]</span></p>\n');
  });
  it("marks external links noopener noreferrer", () => {
    expect(renderMarkdownInline("[x](https://a.vn)").value).toBe('<a href="https://a.vn" rel="noopener noreferrer">x</a>');
    expect(renderMarkdownInline("[x](/a/)").value).toBe('<a href="/a/">x</a>');
  });
});

describe("renderBodyCached", () => {
  it("renders a body once while it is recent, and forgets the least recently used beyond its bound", () => {
    const first = renderBodyCached("memo-a", "# Tiêu đề\n\nNội dung *một*.");
    expect(first.value).toBe('<h2 id="nd-tieu-de">Tiêu đề</h2>\n<p>Nội dung <em>một</em>.</p>\n');
    expect(renderBodyCached("memo-a", "ignored: the hash says it is the same body")).toBe(first);
    const kept = renderBodyCached("memo-b", "Hai.");
    for (let i = 0; i < RENDERED_BODIES_KEPT - 2; i++) renderBodyCached(`memo-fill-${i}`, `Đoạn ${i}.`);
    renderBodyCached("memo-b", "Hai."); // used again: now the most recent
    renderBodyCached("memo-c", "Ba."); // one past the bound: the least recently used ("memo-a") goes
    expect(renderBodyCached("memo-b", "Hai.")).toBe(kept);
    const again = renderBodyCached("memo-a", "# Tiêu đề\n\nNội dung *một*.");
    expect(again).not.toBe(first);
    expect(again.value).toBe(first.value);
  });
});
