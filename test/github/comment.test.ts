// The workflow_run job: the artifact is untrusted, checked against the run and the PR, then one comment is created or updated.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runPrComment } from "../../src/github/cli.ts";
import { COMMENT_MARKER, escapeMarkdown, MAX_COMMENT_CHARS, renderComment } from "../../src/github/markdown.ts";
import type { PrSummary, SummaryRow } from "../../src/github/summary.ts";
import { actionsEnv, FIXTURES, io } from "./helpers.ts";

const HEAD = "a".repeat(40);
const BASE = "b".repeat(40);

function row(overrides: Partial<SummaryRow> = {}): SummaryRow {
  return {
    type: "exemplar",
    typeLabel: "Điển hình",
    status: "added",
    file: "content/exemplars/2019/co-giao-nguyen-thi-mai.md",
    title: "Cô giáo Nguyễn Thị Mai",
    kind: "Cá nhân",
    unit: "Đơn vị Một",
    quarter: "Quý II năm 2019",
    channels: ["Cổng thông tin"],
    pagePath: "/dien-hinh/co-giao-nguyen-thi-mai/",
    draft: false,
    result: "ok",
    errors: 0,
    warnings: 0,
    messages: [],
    ...overrides,
  };
}

function summary(overrides: Partial<PrSummary> = {}): PrSummary {
  return { version: 1, pr: 42, headSha: HEAD, baseSha: BASE, rows: [row()], otherFiles: [], otherFindings: 0, ...overrides };
}

function runEvent(overrides: { headSha?: string; pullRequests?: unknown[]; event?: string } = {}): unknown {
  const event = JSON.parse(readFileSync(path.join(FIXTURES, "event-workflow_run.json"), "utf8")) as { workflow_run: Record<string, unknown> };
  event.workflow_run.head_sha = overrides.headSha ?? HEAD;
  event.workflow_run.pull_requests = overrides.pullRequests ?? [{ number: 42, head: { sha: HEAD }, base: { sha: BASE } }];
  if (overrides.event) event.workflow_run.event = overrides.event;
  return event;
}

/** A small stand-in for the GitHub REST API: one repository, one PR, its comments. */
interface FakeGitHub {
  pull: { number: number; state: string; head: { sha: string; repo: { full_name: string } } };
  comments: { id: number; body: string; user: { login: string } }[];
  /** The run's artifacts, as the API lists them. */
  artifacts: { id: number; name: string; expired: boolean }[];
  requests: string[];
  authorizations: string[];
}

const github: FakeGitHub = { pull: { number: 42, state: "open", head: { sha: HEAD, repo: { full_name: "ban-thu/guong-sang" } } }, comments: [], artifacts: [], requests: [], authorizations: [] };
let server: Server;
let apiUrl = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      github.requests.push(`${req.method} ${req.url}`);
      github.authorizations.push(String(req.headers.authorization));
      const send = (status: number, data: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(data));
      };
      const url = new URL(req.url ?? "/", "http://x");
      const p = url.pathname;
      if (req.method === "GET" && p === "/repos/ban-thu/guong-sang/pulls/42") return send(200, github.pull);
      if (req.method === "GET" && p === "/repos/ban-thu/guong-sang/issues/42/comments") return send(200, github.comments);
      if (req.method === "GET" && p === "/repos/ban-thu/guong-sang/actions/runs/9001/artifacts") {
        const name = url.searchParams.get("name");
        const artifacts = github.artifacts.filter((a) => a.name === name);
        return send(200, { total_count: artifacts.length, artifacts });
      }
      if (req.method === "POST" && p === "/repos/ban-thu/guong-sang/issues/42/comments") {
        const comment = { id: 100 + github.comments.length, body: (JSON.parse(body) as { body: string }).body, user: { login: "github-actions[bot]" } };
        github.comments.push(comment);
        return send(201, comment);
      }
      const patch = /^\/repos\/ban-thu\/guong-sang\/issues\/comments\/(\d+)$/.exec(p);
      if (req.method === "PATCH" && patch) {
        const comment = github.comments.find((c) => c.id === Number(patch[1]));
        if (!comment) return send(404, {});
        comment.body = (JSON.parse(body) as { body: string }).body;
        return send(200, comment);
      }
      send(404, { message: "Not Found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  github.pull = { number: 42, state: "open", head: { sha: HEAD, repo: { full_name: "ban-thu/guong-sang" } } };
  github.comments = [{ id: 7, body: `${COMMENT_MARKER}\nMột người dùng chép dấu đánh dấu`, user: { login: "nguoi-dung" } }];
  github.artifacts = [];
  github.requests = [];
  github.authorizations = [];
});

async function comment(artifactText: string | undefined, event: unknown = runEvent()) {
  const actions = actionsEnv(event, { GITHUB_API_URL: apiUrl, GITHUB_REPOSITORY: "ban-thu/guong-sang", GITHUB_TOKEN: "token-thu" });
  const dir = path.join(actions.dir, "artifact");
  mkdirSync(dir);
  if (artifactText !== undefined) writeFileSync(path.join(dir, "pr-summary.json"), artifactText);
  const run = io(["--artifact", dir], actions.env, actions.dir);
  const status = await runPrComment(run.io);
  actions.cleanup();
  return { status, ...run.out };
}

describe("the PR comment body", () => {
  it("starts with the hidden marker, shows the table and names the commit and the run", () => {
    expect(renderComment(summary(), { runUrl: "https://github.com/ban-thu/guong-sang/actions/runs/9001" })).toBe(
      [
        COMMENT_MARKER,
        "### Gương Sáng: nội dung thay đổi",
        "",
        "1 mục nội dung thay đổi: 1 hợp lệ.",
        "",
        "| Kết quả | Loại | Tệp | Tiêu đề | Phân loại | Đơn vị | Quý | Kênh | Trang |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        "| ✅ Hợp lệ | Điển hình | `content/exemplars/2019/co-giao-nguyen-thi-mai.md` (thêm mới) | Cô giáo Nguyễn Thị Mai | Cá nhân | Đơn vị Một | Quý II năm 2019 | Cổng thông tin | `/dien-hinh/co-giao-nguyen-thi-mai/` |",
        "",
        "_Bảng trên do chính mã nguồn của PR này tạo ra (bước kiểm tra chạy mã trong PR): chỉ để tham khảo. Người thẩm định đọc chính các tệp thay đổi và bản xem thử trước khi duyệt._",
        "",
        "Kiểm tra cho commit `aaaaaaa`. [Xem lần chạy và tải bản dựng thử](https://github.com/ban-thu/guong-sang/actions/runs/9001).",
        "",
        "_Bình luận này được cập nhật sau mỗi lần đẩy commit mới._",
        "",
      ].join("\n"),
    );
  });

  it("neutralises bare URLs GitHub would link, keeping the text readable", () => {
    expect(escapeMarkdown("Xem https://lua-dao.example/nhan-qua và www.lua-dao.example ngay")).toBe(
      "Xem https:/&#8203;/lua-dao.example/nhan-qua và www&#8203;.lua-dao.example ngay",
    );
  });

  it("stays under GitHub's size limit however many rows there are", () => {
    const rows = Array.from({ length: 1500 }, (_, i) => row({ file: `content/exemplars/2019/muc-${i}.md`, title: "Tiêu đề ".repeat(18) }));
    const body = renderComment(summary({ rows }), { runUrl: "" });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toContain("… và 1400 mục khác: xem tóm tắt đầy đủ trong lần chạy kiểm tra.");
  });
});

describe("pr-comment against a fake GitHub API", () => {
  it("creates one comment, then updates it on the next run, never touching a user's comment", async () => {
    expect((await comment(JSON.stringify(summary()))).status).toBe(0);
    expect(github.requests).toEqual([
      "GET /repos/ban-thu/guong-sang/pulls/42",
      "GET /repos/ban-thu/guong-sang/actions/runs/9001/artifacts?name=preview",
      "GET /repos/ban-thu/guong-sang/issues/42/comments?per_page=100&page=1",
      "POST /repos/ban-thu/guong-sang/issues/42/comments",
    ]);
    expect(github.comments[1]?.body).not.toContain("Bản xem thử");
    expect(github.authorizations.every((a) => a === "Bearer token-thu")).toBe(true);
    const second = await comment(JSON.stringify(summary({ rows: [row({ result: "error", errors: 1 })] })));
    expect(second.stdout).toBe("Comment 101 updated on #42.\n");
    expect(github.comments.map((c) => c.id)).toEqual([7, 101]);
    expect(github.comments[0]?.body).toBe(`${COMMENT_MARKER}\nMột người dùng chép dấu đánh dấu`);
    expect(github.comments[1]?.body).toContain("| ❌ 1 lỗi | Điển hình |");
  });

  it("links the run's preview artifact, found through the API, and nothing when it expired", async () => {
    github.artifacts = [{ id: 555, name: "preview", expired: false }, { id: 556, name: "pr-summary", expired: false }];
    expect((await comment(JSON.stringify(summary()))).status).toBe(0);
    expect(github.comments[1]?.body).toContain(
      "\n\n🔎 **Bản xem thử các trang thay đổi:** [tải gói `preview`](https://github.com/ban-thu/guong-sang/actions/runs/9001/artifacts/555), giải nén rồi mở `index.html` (mỗi trang mở được riêng, không cần mạng).\n\n_Bảng trên",
    );
    github.artifacts = [{ id: 555, name: "preview", expired: true }];
    expect((await comment(JSON.stringify(summary()))).status).toBe(0);
    expect(github.comments[1]?.body).not.toContain("Bản xem thử các trang thay đổi");
  });

  it("posts for a PR from a fork, where the run lists no pull requests, once the PR's head is checked", async () => {
    github.pull.head.repo.full_name = "ban-thu/guong-sang";
    const result = await comment(JSON.stringify(summary()), runEvent({ pullRequests: [] }));
    expect(result.status).toBe(0);
    expect(github.requests.at(-1)).toBe("POST /repos/ban-thu/guong-sang/issues/42/comments");
  });

  it("rejects an artifact whose commit is not the run's", async () => {
    const result = await comment(JSON.stringify(summary({ headSha: "c".repeat(40) })));
    expect(result).toEqual({ status: 1, stdout: "", stderr: "::error::Rejected artifact: the artifact's head SHA is not the run's head SHA\n" });
    expect(github.requests.filter((r) => !r.startsWith("GET"))).toEqual([]);
  });

  it("rejects an artifact that names another PR than the run's", async () => {
    const result = await comment(JSON.stringify(summary({ pr: 41 })));
    expect(result.stderr).toBe("::error::Rejected artifact: the artifact's PR number is not one of the run's pull requests\n");
    expect(result.status).toBe(1);
  });

  it("rejects a fork run whose artifact names a PR with another head", async () => {
    github.pull.head.sha = "d".repeat(40);
    github.pull.head.repo.full_name = "ke-xau/guong-sang";
    const result = await comment(JSON.stringify(summary()), runEvent({ pullRequests: [] }));
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("Not posting: the pull request has moved on to a newer commit.\n");
    github.pull.head.sha = HEAD;
    const other = await comment(JSON.stringify(summary()), runEvent({ pullRequests: [] }));
    expect(other.stderr).toBe("::error::Rejected artifact: the pull request's head repository is not the run's\n");
    expect(github.requests.some((r) => r.startsWith("POST") || r.startsWith("PATCH"))).toBe(false);
  });

  it("rejects artifacts of the wrong shape, with the first problem named", async () => {
    const cases: [string, string][] = [
      ["not json", "summary: not valid JSON"],
      [JSON.stringify({ ...summary(), extra: 1 }), 'summary: unexpected key "extra"'],
      [JSON.stringify(summary({ headSha: "HEAD" })), "summary.headSha: expected a 40-hex commit SHA"],
      [JSON.stringify({ ...summary(), rows: [{ ...row(), result: "<b>ok</b>" }] }), "summary.rows[0].result: unexpected value"],
      [JSON.stringify({ ...summary(), rows: [{ ...row(), title: "x".repeat(501) }] }), "summary.rows[0].title: longer than 500 characters"],
      [JSON.stringify(summary({ pr: 0 })), "summary.pr: expected an integer in range"],
    ];
    for (const [text, message] of cases) {
      const result = await comment(text);
      expect(result).toEqual({ status: 1, stdout: "", stderr: `::error::Rejected artifact: ${message}\n` });
    }
    const big = await comment(" ".repeat(1_000_001));
    expect(big.stderr).toBe("::error::Rejected artifact: pr-summary.json is not a regular file of at most 1000000 bytes\n");
    expect(github.requests).toEqual([]);
  });

  it("does nothing when the run left no summary, or was not a pull_request run", async () => {
    expect(await comment(undefined)).toEqual({ status: 0, stdout: "No pr-summary.json in the artifact: nothing to post.\n", stderr: "" });
    const push = await comment(JSON.stringify(summary()), runEvent({ event: "push" }));
    expect(push).toEqual({ status: 1, stdout: "", stderr: "::error::Rejected artifact: the run was triggered by push, not pull_request\n" });
  });
});
