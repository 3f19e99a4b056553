// The build on small fixtures: pages exist, drafts only with --drafts, --content elsewhere, exit codes, a failed build keeps the previous output.
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture, FIXTURES, read, run, snapshot, tempDir } from "./helpers.ts";

const BASIC = path.join(FIXTURES, "site-basic");

describe("a production build of the basic fixture", () => {
  let site: string;
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    site = path.join(await tempDir(), "_site");
    result = await run(["--content", BASIC, "--out", site, "--no-pdf"]);
  });

  it("exits 0 and prints a Vietnamese summary with the time of each step", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Đã dựng \d+ trang, 0 PDF, \d+ trang trong chỉ mục tìm kiếm vào /m);
    for (const step of ["Kiểm tra nội dung", "Dựng trang (Eleventy)", "Chỉ mục tìm kiếm (Pagefind)", "Thay thư mục kết quả", "Tổng"]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${step.replace(/[()]/g, "\\$&")}: \\d+,\\d s$`, "m"));
    }
  });

  it("writes every page type of the portal", async () => {
    for (const file of [
      "index.html",
      "dien-hinh/index.html",
      "dien-hinh/co-giao-nguyen-thi-mai/index.html",
      "dien-hinh/loai/ca-nhan/index.html",
      "dien-hinh/loai/tap-the/index.html",
      "dien-hinh/don-vi/don-vi-mot/index.html",
      "dien-hinh/phuong/phuong-hai/index.html",
      "dien-hinh/linh-vuc/y-te/index.html",
      "dien-hinh/nam/2019/index.html",
      "dien-hinh/chi-muc.json",
      "ke-hoach/index.html",
      "ke-hoach/05-kh-btg/index.html",
      "hoat-dong/index.html",
      "lich/index.html",
      "lich.ics",
      "tim-kiem/index.html",
      "feed.xml",
      "sitemap.xml",
      "404.html",
      "api/exemplars.json",
      "pagefind/pagefind.js",
    ]) {
      expect(existsSync(path.join(site, file)), file).toBe(true);
    }
    // Assets carry their content hash in their names; the old names are not written.
    const assets = await readdir(path.join(site, "assets"));
    expect(assets.filter((f) => /^site\.[0-9a-f]{8}\.css$/.test(f))).toHaveLength(1);
    expect(assets).not.toContain("site.css");
    const fonts = await readdir(path.join(site, "assets", "fonts"));
    for (const face of ["be-vietnam-pro-vietnamese-400-normal", "noto-serif-vietnamese-700-normal"]) {
      expect(fonts.filter((f) => new RegExp(`^${face}\\.[0-9a-f]{8}\\.woff2$`).test(f)), face).toHaveLength(1);
    }
  });

  it("leaves no temporary folder beside --out", async () => {
    expect(await readdir(path.dirname(site))).toEqual(["_site"]);
  });

  it("shows the profile card, dates in Vietnamese and a responsive image with the alt text from front matter", async () => {
    const page = await read(site, "dien-hinh/co-giao-nguyen-thi-mai/index.html");
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain("<dt>Họ tên / tên gọi</dt><dd>Nguyễn Thị Mai</dd>");
    expect(page).toContain("<dt>Năm sinh</dt><dd>1980</dd>");
    expect(page).toContain("ngày 12 tháng 3 năm 2019");
    // The fixture's baseUrl is https://example.vn/thu/: every site URL starts with /thu/.
    expect(page).toMatch(/<picture><source type="image\/webp" srcset="\/thu\/img\/[\w-]+-480\.webp 480w, \/thu\/img\/[\w-]+-960\.webp 960w"/);
    expect(page).toContain('alt="Chồng sách mở trên bàn học bên ngọn đèn."');
    const img = /<img src="\/thu(\/img\/[\w-]+-960\.jpeg)"/.exec(page);
    expect(img).not.toBeNull();
    expect(existsSync(path.join(site, img![1]!))).toBe(true);
    // Article headings are shifted below the page's one <h1>, with prefixed ids.
    expect(page.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(page).toContain('<h3 id="nd-cau-lac-bo-doc-sach">Câu lạc bộ đọc sách</h3>');
    // Related exemplars and the sample banner.
    expect(page).toContain("Điển hình liên quan");
    expect(page).toContain("Dữ liệu minh họa");
  });

  it("lays out the plan as a Party document", async () => {
    const page = await read(site, "ke-hoach/05-kh-btg/index.html");
    expect(page).toContain('<p class="doc-parent">ĐẢNG BỘ THỬ</p>');
    expect(page).toContain('<p class="doc-issuer-name">BAN THỬ NGHIỆM</p>');
    expect(page).toContain('<p class="doc-number">Số 05-KH/BTG</p>');
    expect(page).toContain('<p class="doc-party">ĐẢNG CỘNG SẢN VIỆT NAM</p>');
    expect(page).toContain('<p class="doc-place-date">Nơi Thử, ngày 15 tháng 1 năm 2019</p>');
    expect(page).toContain('<span class="doc-kind">KẾ HOẠCH</span> <span class="doc-subject">Tuyên truyền điển hình tiêu biểu năm 2019</span>');
    expect(page).toContain("<td>- Thường trực Quận ủy,</td>");
    expect(page).toContain("<td>- Lưu VP.</td>");
    expect(page).toContain('<p class="doc-signer-role">TRƯỞNG BAN</p>');
    expect(page).toContain('<p class="doc-signed">(Đã ký)</p>');
    expect(page).toContain('<p class="doc-signer-name">Trần Văn Thử</p>');
  });

  it("makes no page that loads anything from another host", async () => {
    const files = [...(await snapshot(site)).entries()].filter(([f]) => f.endsWith(".html"));
    expect(files.length).toBeGreaterThan(10);
    for (const [file, bytes] of files) {
      const text = bytes.toString("utf8");
      expect(text.match(/<(?:script|img|source|link|iframe)\b[^>]*\b(?:src|href|srcset)="(?:https?:)?\/\/[^"]*"/g), file).toBeNull();
    }
  });

  it("lists every published exemplar with its front matter and URL in /api/exemplars.json", async () => {
    const api = JSON.parse(await read(site, "api/exemplars.json")) as { count: number; exemplars: Record<string, unknown>[] };
    expect(api.count).toBe(2);
    const mai = api.exemplars.find((e) => e.slug === "co-giao-nguyen-thi-mai");
    expect(mai).toMatchObject({
      url: "https://example.vn/thu/dien-hinh/co-giao-nguyen-thi-mai/",
      title: "Cô giáo Nguyễn Thị Mai: thắp lửa đọc sách",
      kind: "individual",
      unit: "don-vi-mot",
      date: "2019-03-12",
      subject: { name: "Nguyễn Thị Mai", birthYear: 1980, role: "Giáo viên Ngữ văn" },
    });
  });

  it("writes an Atom feed and a sitemap with absolute URLs on the published site", async () => {
    const feed = await read(site, "feed.xml");
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">');
    expect(feed).toContain("<id>https://example.vn/thu/dien-hinh/tram-y-te-phuong-hai/</id>");
    expect(feed).toContain("<updated>2019-05-02T00:00:00+07:00</updated>");
    const sitemap = await read(site, "sitemap.xml");
    expect(sitemap).toContain("<loc>https://example.vn/thu/dien-hinh/co-giao-nguyen-thi-mai/</loc>");
    expect(sitemap).toContain("<loc>https://example.vn/thu/ke-hoach/05-kh-btg/</loc>");
    expect(sitemap).not.toContain("404");
  });

  it("never contains a draft: no page, no link, no mention", async () => {
    expect(existsSync(path.join(site, "dien-hinh/ban-nhap-chua-duyet"))).toBe(false);
    for (const [file, bytes] of await snapshot(site)) {
      if (file.startsWith("pagefind/") || file.startsWith("img/") || file.startsWith("assets/")) continue;
      const text = bytes.toString("utf8");
      expect(text.includes("ban-nhap-chua-duyet") || text.includes("Bản nháp bí mật"), file).toBe(false);
    }
  });
});

describe("a build with --drafts", () => {
  it("shows drafts marked Bản nháp and keeps them out of the data API", async () => {
    const site = path.join(await tempDir(), "_site");
    const result = await run(["--content", BASIC, "--out", site, "--no-pdf", "--drafts"]);
    expect(result.code).toBe(0);
    const page = await read(site, "dien-hinh/ban-nhap-chua-duyet/index.html");
    expect(page).toContain('<p class="draft-mark" role="status"><strong>Bản nháp</strong>: chưa công bố, chỉ hiện khi xem thử.</p>');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(await read(site, "dien-hinh/index.html")).toContain('<span class="badge badge-draft">Bản nháp</span>');
    const api = JSON.parse(await read(site, "api/exemplars.json")) as { exemplars: { slug: string }[] };
    expect(api.exemplars.map((e) => e.slug)).not.toContain("ban-nhap-chua-duyet");
  });
});

describe("--content pointed at another tree, from another working directory", () => {
  it("builds a copy of the fixture outside the repository with relative paths", async () => {
    const content = await copyFixture("site-basic");
    const cwd = path.dirname(content);
    const result = await run(["--content", "content", "--out", "public", "--no-pdf"], { cwd });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("vào public.");
    expect(existsSync(path.join(cwd, "public/dien-hinh/tram-y-te-phuong-hai/index.html"))).toBe(true);
  });
});

describe("a failed build", () => {
  it("exits 1 with the validator's findings and leaves the previous output byte for byte", async () => {
    const content = await copyFixture("site-basic");
    const site = path.join(await tempDir(), "_site");
    expect((await run(["--content", content, "--out", site, "--no-pdf"])).code).toBe(0);
    const before = await snapshot(site);

    const file = path.join(content, "exemplars/2019/tram-y-te-phuong-hai.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("date: 2019-05-02", "date: 2019-02-30"));
    const result = await run(["--content", content, "--out", site, "--no-pdf"], { cwd: path.dirname(content) });

    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^content\/exemplars\/2019\/tram-y-te-phuong-hai\.md:9:7: error: Ngày không hợp lệ: 2019-02-30 \(date-invalid\)$/);
    expect(lines.at(-1)).toBe("Đã kiểm tra 7 tệp: 1 lỗi, 0 cảnh báo.");
    expect(result.stderr).toContain("Dừng dựng trang: nội dung có lỗi");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const after = await snapshot(site);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
    expect(await readdir(path.dirname(site))).toEqual(["_site"]);
  });

  it("exits 2 with the resolver's Vietnamese message when PDFs are asked for and no browser exists, output untouched", async () => {
    const site = path.join(await tempDir(), "_site");
    expect((await run(["--content", BASIC, "--out", site, "--no-pdf"])).code).toBe(0);
    const before = await snapshot(site);
    const result = await run(["--content", BASIC, "--out", site], {
      env: { GUONG_SANG_BROWSER: "/khong/co/trinh-duyet" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      'Biến môi trường GUONG_SANG_BROWSER trỏ tới "/khong/co/trinh-duyet", nhưng ở đó không có trình duyệt chạy được.',
    );
    expect(result.stderr).toMatch(/Thư mục ".*_site" được giữ nguyên như lần dựng trước\.\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const after = await snapshot(site);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(await readdir(path.dirname(site))).toEqual(["_site"]);
  });
});

describe("usage errors exit 2", () => {
  it("rejects an unknown option with the usage text", async () => {
    const result = await run(["--nope"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Không hiểu tùy chọn "--nope"\.\n\nCách dùng: npm run build/);
  });
  it("rejects a missing content folder", async () => {
    const result = await run(["--content", "khong-co-thu-muc-nay", "--out", "/tmp/gs-never"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Không tìm thấy thư mục nội dung "khong-co-thu-muc-nay"');
    expect(existsSync("/tmp/gs-never")).toBe(false);
  });
  it("rejects --out without a value", async () => {
    expect((await run(["--out"])).stderr).toMatch(/^Thiếu giá trị sau --out\./);
  });
});


describe("--path-prefix", () => {
  it("puts every link, asset and search URL under the prefix", async () => {
    const site = path.join(await tempDir(), "_site");
    const result = await run(["--content", BASIC, "--out", site, "--no-pdf", "--path-prefix", "/guong-sang/"]);
    expect(result.code).toBe(0);
    const page = await read(site, "dien-hinh/co-giao-nguyen-thi-mai/index.html");
    // The stylesheet is inlined; its font URLs and the preloaded fonts are under the prefix too.
    const fontUrls = [...page.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(fontUrls.length).toBeGreaterThan(10);
    for (const u of fontUrls) expect(u, u).toMatch(/^\/guong-sang\/assets\/fonts\/[a-z0-9-]+\.[0-9a-f]{8}\.woff2$/);
    expect(page).toMatch(/<link rel="preload" href="\/guong-sang\/assets\/fonts\/be-vietnam-pro-vietnamese-400-normal\.[0-9a-f]{8}\.woff2" as="font" type="font\/woff2" crossorigin>/);
    expect(page).toContain('<a href="/guong-sang/dien-hinh/">Điển hình</a>');
    expect(page).toMatch(/<img src="\/guong-sang\/img\/[\w-]+-960\.jpeg"/);
    const hrefs = [...page.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const h of hrefs) expect(h.startsWith("/guong-sang/"), h).toBe(true);
    expect(await read(site, "tim-kiem/index.html")).toContain('data-pagefind="/guong-sang/pagefind/pagefind.js" data-base="/guong-sang/"');
  });
});
