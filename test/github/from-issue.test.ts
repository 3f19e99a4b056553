// A submitted "Đề xuất điển hình" issue, as GitHub renders the form, becomes a validated entry and a pull request.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/content/frontmatter.ts";
import { loadContent } from "../../src/content/load.ts";
import { downloadAttachments } from "../../src/github/attachments.ts";
import { runFromIssue, runPrepare, runReport } from "../../src/github/proposal.ts";
import { actionsEnv, io } from "./helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "test/fixtures/from-issue");
const GOOD = readFileSync(path.join(FIXTURES, "good.md"), "utf8");
const ASSET = "6b1c7c7e-2a54-4a51-9a3d-0f0e6d7c1a21";
/** A real 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const GOOD_FILE = "content/exemplars/2019/co-giao-do-thi-dong-truyen-lua-doc-sach-cho-hoc-tro.md";
const BAD_FILE = "content/exemplars/2019/bac-tu-to-truong-to-dan-pho-guong-mau.md";

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "gs-from-issue-"));
  cpSync(path.join(ROOT, "content"), path.join(work, "content"), { recursive: true });
  return () => rmSync(work, { recursive: true, force: true });
});

async function fromIssue(...argv: string[]) {
  const run = io(argv, {}, work);
  const status = await runFromIssue(run.io);
  return { status, ...run.out };
}

function frontMatter(rel: string): Record<string, unknown> {
  const split = splitFrontMatter(readFileSync(path.join(work, rel), "utf8"));
  return parse(split.yaml ?? "") as Record<string, unknown>;
}

describe("npm run from-issue", () => {
  it("writes a well-filled form as the exemplar it describes, with the attached image beside it, and the validator accepts it", async () => {
    writeFileSync(path.join(work, "body.md"), GOOD);
    mkdirSync(path.join(work, "images"));
    writeFileSync(path.join(work, "images", ASSET), PNG);
    const r = await fromIssue("--body", "body.md", "--images", "images");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`${GOOD_FILE}\n`);
    expect(r.status).toBe(0);
    expect(frontMatter(GOOD_FILE)).toEqual({
      title: "Cô giáo Đỗ Thị Đông truyền lửa đọc sách cho học trò",
      kind: "individual",
      subject: { name: "Đỗ Thị Đông", birthYear: 1978, role: "Giáo viên Ngữ văn, Trường THCS Nghĩa Tân" },
      unit: "chi-bo-truong-thcs-nghia-tan",
      ward: "nghia-tan",
      field: "giao-duc",
      date: "2019-04-23",
      summary: "Cô Đông xây dựng tủ sách lớp học và câu lạc bộ đọc sách, giúp học sinh đọc trung bình 12 cuốn sách mỗi năm.",
      achievements: ["Tủ sách 600 cuốn do phụ huynh và học sinh góp", "Câu lạc bộ đọc sách sinh hoạt hằng tuần"],
      channels: ["portal", "bulletin"],
      consent: true,
      image: { src: "co-giao-do-thi-dong-truyen-lua-doc-sach-cho-hoc-tro.png", alt: "Cô Đông cùng học sinh bên tủ sách lớp học", credit: "Trường THCS Nghĩa Tân" },
      tags: ["khuyến đọc", "thư viện"],
    });
    const body = splitFrontMatter(readFileSync(path.join(work, GOOD_FILE), "utf8")).body;
    expect(body.trim()).toBe("Mỗi sáng thứ Hai, lớp 8A của cô Đông dành mười lăm phút kể cho nhau nghe về cuốn sách vừa đọc.\n\nTừ tủ sách nhỏ ấy, phong trào đọc lan ra cả trường.");
    expect(readFileSync(path.join(work, "content/exemplars/2019/co-giao-do-thi-dong-truyen-lua-doc-sach-cho-hoc-tro.png")).equals(PNG)).toBe(true);
    const { findings } = await loadContent(path.join(work, "content"), { cwd: work });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("never overwrites: the same proposal twice is refused the second time", async () => {
    writeFileSync(path.join(work, "body.md"), GOOD);
    expect((await fromIssue("--body", "body.md")).status).toBe(0);
    const before = readFileSync(path.join(work, GOOD_FILE), "utf8");
    const again = await fromIssue("--body", "body.md");
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`Đề xuất còn lỗi:\n  Đã có tệp ${GOOD_FILE} cùng tên: không ghi đè. Hãy đổi tiêu đề của đề xuất rồi gắn lại nhãn.\n`);
    expect(readFileSync(path.join(work, GOOD_FILE), "utf8")).toBe(before);
  });

  it("answers a badly filled form with the validator's Vietnamese findings, file and line, and exit 1", async () => {
    const r = await fromIssue("--body", path.join(FIXTURES, "bad.md"));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      [
        `Đã ghi ${BAD_FILE} nhưng đề xuất còn lỗi:`,
        `  ${BAD_FILE}:17:14: error: Trường "Năm sinh" (subject.birthYear) phải là số nguyên; đang ghi "năm 1950". (schema-type)`,
        `  ${BAD_FILE}:73:7: error: Ngày không hợp lệ: 2019-02-30 (date-invalid)`,
        `  ${BAD_FILE}:80:15: error: Trường "Kết quả đạt được" (achievements) phải có ít nhất 1 mục. (schema-items)`,
        `  ${BAD_FILE}:94:10: error: Trường "Đồng ý công bố" (consent) phải là true với điển hình cá nhân: chỉ công bố khi người được giới thiệu đã đồng ý. Đang ghi false; nếu chưa có sự đồng ý, hãy để bài ở dạng nháp (draft: true). (consent-required)`,
        "",
      ].join("\n"),
    );
  });

  it("writes nothing when the form has no title, and says which fields name the file", async () => {
    writeFileSync(path.join(work, "body.md"), GOOD.replace("Cô giáo Đỗ Thị Đông truyền lửa đọc sách cho học trò", "_No response_").replace("2019-04-23", "23/4/2019"));
    const r = await fromIssue("--body", "body.md");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('Đề xuất còn lỗi:\n  Cần "Tiêu đề" và "Ngày đề xuất" (dạng YYYY-MM-DD) để đặt tên tệp; hãy sửa đề xuất rồi gắn lại nhãn.\n');
    expect(existsSync(path.join(work, "content/exemplars/2019/co-giao-do-thi-dong-truyen-lua-doc-sach-cho-hoc-tro.md"))).toBe(false);
  });

  it("is a usage error (exit 2) without --body", async () => {
    const r = await fromIssue();
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("Cần --body TỆP: tệp chứa nội dung đề xuất.");
  });
});

// The GitHub stand-ins: the attachment host and the REST API, on 127.0.0.1.
interface Stand {
  pulls: { title: string; head: string; base: string; body: string }[];
  comments: { issue: number; body: string }[];
  requests: string[];
}
const stand: Stand = { pulls: [], comments: [], requests: [] };
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      stand.requests.push(`${req.method} ${req.url}`);
      const p = new URL(req.url ?? "/", "http://x").pathname;
      const json = (status: number, data: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(data));
      };
      // github.com/user-attachments/assets/<id> redirects to the asset bucket, as GitHub does.
      if (p === `/github.com/user-attachments/assets/${ASSET}`) {
        res.writeHead(302, { location: `https://github-production-user-asset-6210df.s3.amazonaws.com/1/${ASSET}.png` });
        return res.end();
      }
      if (p === `/github-production-user-asset-6210df.s3.amazonaws.com/1/${ASSET}.png`) {
        res.writeHead(200, { "content-type": "image/png", "content-length": String(PNG.length) });
        return res.end(PNG);
      }
      if (p === "/github.com/user-attachments/assets/00000000-0000-4000-8000-000000000000") {
        res.writeHead(302, { location: "https://example.com/evil.png" });
        return res.end();
      }
      if (req.method === "POST" && p === "/api/repos/ban-thu/guong-sang/pulls") {
        stand.pulls.push(JSON.parse(body) as Stand["pulls"][number]);
        return json(201, { number: 77, html_url: "https://github.com/ban-thu/guong-sang/pull/77" });
      }
      const m = /^\/api\/repos\/ban-thu\/guong-sang\/issues\/(\d+)\/comments$/.exec(p);
      if (req.method === "POST" && m) {
        stand.comments.push({ issue: Number(m[1]), body: (JSON.parse(body) as { body: string }).body });
        return json(201, { id: 1 });
      }
      json(404, { message: "Not Found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** fetch as the workflow sees it: https://<host>/<path> is answered by the stand-in. */
const viaStandIn: typeof fetch = (input, init) => {
  const url = new URL(String(input));
  return fetch(`${base}/${url.host}${url.pathname}`, init);
};

function issueEvent(body: string) {
  return { action: "labeled", label: { name: "tao-pull-request" }, issue: { number: 12, body, html_url: "https://github.com/ban-thu/guong-sang/issues/12" } };
}

describe("the from-issue workflow's steps", () => {
  beforeEach(() => {
    stand.pulls = [];
    stand.comments = [];
    stand.requests = [];
  });

  it("downloads the attachment through GitHub's redirect, writes the entry, and opens a PR that closes the issue", async () => {
    const actions = actionsEnv(issueEvent(GOOD), { GITHUB_API_URL: `${base}/api`, GITHUB_REPOSITORY: "ban-thu/guong-sang", GITHUB_TOKEN: "token-thu" });
    const dir = path.join(actions.dir, "proposal");
    expect(await runPrepare(io([], actions.env, work).io, dir, viaStandIn)).toBe(0);
    expect(readFileSync(path.join(dir, "issue-body.md"), "utf8")).toBe(GOOD);
    expect(readFileSync(path.join(dir, "images", ASSET)).equals(PNG)).toBe(true);

    const entry = await fromIssue("--body", path.join(dir, "issue-body.md"), "--images", path.join(dir, "images"), "--result", path.join(dir, "result.json"));
    expect(entry.status).toBe(0);

    const report = io([], { ...actions.env, PROPOSAL_BRANCH: "de-xuat/issue-12", PROPOSAL_BASE: "main" }, work);
    expect(await runReport(report.io, dir)).toBe(0);
    expect(stand.pulls).toEqual([
      {
        title: "Đề xuất điển hình: Cô giáo Đỗ Thị Đông truyền lửa đọc sách cho học trò",
        head: "de-xuat/issue-12",
        base: "main",
        body: `Tạo tự động từ đề xuất #12: tệp \`${GOOD_FILE}\`.\n\nCác bước kiểm tra (validate, dựng thử, bình luận tóm tắt) chạy trên pull request này như mọi đề xuất khác; người thẩm định xem, sửa nếu cần và duyệt.\n\nCloses #12`,
      },
    ]);
    expect(stand.comments).toEqual([
      {
        issue: 12,
        body: `Đã tạo pull request #77 từ đề xuất này: https://github.com/ban-thu/guong-sang/pull/77\n\nTệp: \`${GOOD_FILE}\`. Kết quả kiểm tra và bản dựng thử sẽ hiện trong phần Checks và bình luận tóm tắt của pull request.`,
      },
    ]);
    actions.cleanup();
  });

  it("comments the findings on a badly filled issue and opens no PR", async () => {
    const bad = readFileSync(path.join(FIXTURES, "bad.md"), "utf8");
    const actions = actionsEnv(issueEvent(bad), { GITHUB_API_URL: `${base}/api`, GITHUB_REPOSITORY: "ban-thu/guong-sang", GITHUB_TOKEN: "token-thu" });
    const dir = path.join(actions.dir, "proposal");
    await runPrepare(io([], actions.env, work).io, dir, viaStandIn);
    const entry = await fromIssue("--body", path.join(dir, "issue-body.md"), "--result", path.join(dir, "result.json"));
    expect(entry.status).toBe(1);
    // The workflow pushes nothing after exit 1: no branch.
    expect(await runReport(io([], actions.env, work).io, dir)).toBe(0);
    expect(stand.pulls).toEqual([]);
    expect(stand.comments).toHaveLength(1);
    const comment = stand.comments[0]!;
    expect(comment.issue).toBe(12);
    expect(comment.body.split("\n").slice(0, 4)).toEqual([
      "Chưa tạo được pull request: đề xuất còn những chỗ cần sửa. Hãy sửa đề xuất (Edit) rồi nhờ người thẩm định gắn lại nhãn.",
      "",
      "```text",
      `${BAD_FILE}:17:14: error: Trường "Năm sinh" (subject.birthYear) phải là số nguyên; đang ghi "năm 1950". (schema-type)`,
    ]);
    expect(comment.body).toContain(`${BAD_FILE}:73:7: error: Ngày không hợp lệ: 2019-02-30 (date-invalid)`);
    actions.cleanup();
  });

  it("fetches attachments only from GitHub's hosts, and only images within the limit", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gs-attach-"));
    const results = await downloadAttachments(
      [
        "https://example.com/user-attachments/assets/6b1c7c7e-2a54-4a51-9a3d-0f0e6d7c1a21",
        "https://github.com/user-attachments/assets/00000000-0000-4000-8000-000000000000",
        `https://github.com/user-attachments/assets/${ASSET}`,
      ],
      dir,
      { fetchImpl: viaStandIn, maxBytes: 10 },
    );
    expect(results).toEqual([
      { url: "https://example.com/user-attachments/assets/6b1c7c7e-2a54-4a51-9a3d-0f0e6d7c1a21", problem: "không phải ảnh đính kèm trên GitHub" },
      { url: "https://github.com/user-attachments/assets/00000000-0000-4000-8000-000000000000", problem: "chuyển hướng tới example.com, không phải máy chủ ảnh của GitHub" },
      { url: `https://github.com/user-attachments/assets/${ASSET}`, problem: "lớn hơn 0 MB" },
    ]);
    // Nothing was asked of a host other than GitHub's.
    expect(stand.requests.some((r) => r.includes("example.com"))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
