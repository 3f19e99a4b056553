// The Markdown a reviewer reads: the job summary and the PR comment, with every piece of contributor text escaped.
import type { PrSummary, SummaryRow } from "./summary.ts";

/** The hidden marker that identifies our one PR comment. */
export const COMMENT_MARKER = "<!-- guong-sang-summary -->";

/** GitHub refuses comments over 65,536 characters; stay well under. */
export const MAX_COMMENT_CHARS = 60_000;

/**
 * Makes untrusted text inert in GitHub Markdown: no HTML, no links or images, no table breaks, no
 * line breaks, no @mentions (a zero-width space after @ keeps the text but pings nobody), and no bare
 * URL that GitHub would turn into a link inside a bot comment (`https://`, `www.`: a zero-width space
 * breaks the pattern, the text reads the same).
 */
export function escapeMarkdown(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_{}[\]()#+!|~=^$]/g, (c) => `\\${c}`)
    .replace(/@/g, "@&#8203;")
    .replace(/:\/\//g, ":/&#8203;/")
    .replace(/\b(www)\./gi, "$1&#8203;.")
    .trim();
}

/** A code span for paths we can show as-is; anything unusual is escaped text instead. */
export function code(text: string): string {
  return /^[\w./-]+$/.test(text) ? `\`${text}\`` : escapeMarkdown(text);
}

const RESULT: Record<SummaryRow["result"], (row: SummaryRow) => string> = {
  ok: () => "✅ Hợp lệ",
  warning: (r) => `⚠️ ${r.warnings} cảnh báo`,
  error: (r) => `❌ ${r.errors} lỗi${r.warnings ? `, ${r.warnings} cảnh báo` : ""}`,
  removed: () => "🗑️ Gỡ bỏ",
};

/** How a change of each status reads in Vietnamese (the summary table, the preview index). */
export const STATUS: Record<SummaryRow["status"], string> = {
  added: "thêm mới",
  modified: "sửa",
  deleted: "xóa",
  renamed: "đổi tên",
  copied: "sao chép",
  "type-changed": "đổi loại tệp",
};

function fileCell(row: SummaryRow): string {
  const from = row.oldFile !== undefined && row.status === "renamed" ? ` từ ${code(row.oldFile)}` : "";
  return `${code(row.file)} (${STATUS[row.status]}${from})`;
}

function pageCell(row: SummaryRow): string {
  if (row.result === "removed") return `không còn ${code(row.pagePath)}`;
  const page = code(row.pagePath);
  if (row.draft) return `${page} (bản nháp: chưa công bố)`;
  if (row.oldPagePath) return `${page} (thay cho ${code(row.oldPagePath)})`;
  return page;
}

function text(value: string): string {
  return value ? escapeMarkdown(value) : "—";
}

function rowLine(row: SummaryRow): string {
  const cells = [
    RESULT[row.result](row),
    escapeMarkdown(row.typeLabel),
    fileCell(row),
    text(row.title),
    text(row.kind),
    text(row.unit),
    text(row.quarter),
    row.channels.length ? row.channels.map(escapeMarkdown).join(", ") : "—",
    pageCell(row),
  ];
  return `| ${cells.join(" | ")} |`;
}

const HEADER = [
  "| Kết quả | Loại | Tệp | Tiêu đề | Phân loại | Đơn vị | Quý | Kênh | Trang |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
];

function countLine(summary: PrSummary): string {
  const rows = summary.rows;
  const parts = [
    [rows.filter((r) => r.result === "ok").length, "hợp lệ"],
    [rows.filter((r) => r.result === "warning").length, "có cảnh báo"],
    [rows.filter((r) => r.result === "error").length, "có lỗi cần sửa"],
    [rows.filter((r) => r.result === "removed").length, "gỡ bỏ"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return `${rows.length} mục nội dung thay đổi: ${said.join(", ")}.`;
}

function messageLines(rows: readonly SummaryRow[]): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    if (row.messages.length === 0) continue;
    lines.push("", `**${escapeMarkdown(row.file)}**`, "");
    for (const m of row.messages) {
      const severity = m.severity === "error" ? "❌ lỗi" : "⚠️ cảnh báo";
      lines.push(`- dòng ${m.line}, cột ${m.column}: ${severity}: ${escapeMarkdown(m.message)} (${code(m.rule)})`);
    }
    const more = row.errors + row.warnings - row.messages.length;
    if (more > 0) lines.push(`- … và ${more} thông báo khác: chạy \`npm run validate\` để xem hết.`);
  }
  return lines;
}

export interface RenderOptions {
  /** Rows shown in the table; the rest are counted. */
  maxRows?: number;
  /** Whether the findings are listed under the table. */
  messages?: boolean;
}

/** The body shared by the job summary and the PR comment. */
export function renderSummary(summary: PrSummary, options: RenderOptions = {}): string {
  const lines = ["### Gương Sáng: nội dung thay đổi", ""];
  if (summary.rows.length === 0) {
    lines.push("PR này không thay đổi điển hình, kế hoạch, hoạt động hay bản tin nào.");
  } else {
    const shown = summary.rows.slice(0, options.maxRows ?? summary.rows.length);
    lines.push(countLine(summary), "", ...HEADER, ...shown.map(rowLine));
    const hidden = summary.rows.length - shown.length;
    if (hidden > 0) lines.push("", `… và ${hidden} mục khác: xem tóm tắt đầy đủ trong lần chạy kiểm tra.`);
    if ((options.messages ?? true) && shown.some((r) => r.messages.length > 0)) {
      lines.push("", "#### Cần sửa trước khi duyệt", ...messageLines(shown));
      lines.push("", "Cách sửa từng loại thông báo: xem CONTRIBUTING.md, mục “CI báo lỗi thì sửa thế nào”.");
    }
  }
  if (summary.otherFiles.length > 0) {
    const listed = summary.otherFiles.slice(0, 20).map(code).join(", ");
    const more = summary.otherFiles.length > 20 ? ` và ${summary.otherFiles.length - 20} tệp khác` : "";
    lines.push("", `Tệp khác trong thư mục nội dung: ${listed}${more}.`);
  }
  if (summary.otherFindings > 0) {
    lines.push("", `⚠️ Còn ${summary.otherFindings} thông báo ở tệp khác (ví dụ content/site.yaml): xem bước kiểm tra nội dung.`);
  }
  return `${lines.join("\n")}\n`;
}

export interface CommentContext {
  /** Link to the run that produced the summary (from the workflow_run event). */
  runUrl: string;
  /** Link to the run's `preview` artifact (from the API), when the run uploaded one. */
  previewUrl?: string;
}

/** An https address we may put in a link of a bot comment or summary (a run or artifact page). */
export function isLinkableUrl(url: string): boolean {
  return /^https:\/\/[\w.-]+\/[\w./%-]+$/.test(url);
}

/** The PR comment: marker, summary, the commit it describes; shrunk to fit GitHub's size limit. */
export function renderComment(summary: PrSummary, context: CommentContext): string {
  const preview =
    context.previewUrl !== undefined && isLinkableUrl(context.previewUrl)
      ? ["", `🔎 **Bản xem thử các trang thay đổi:** [tải gói \`preview\`](${context.previewUrl}), giải nén rồi mở \`index.html\` (mỗi trang mở được riêng, không cần mạng).`]
      : [];
  const footer = [
    ...preview,
    "",
    "_Bảng trên do chính mã nguồn của PR này tạo ra (bước kiểm tra chạy mã trong PR): chỉ để tham khảo. " +
      "Người thẩm định đọc chính các tệp thay đổi và bản xem thử trước khi duyệt._",
    "",
    `Kiểm tra cho commit ${code(summary.headSha.slice(0, 7))}.` +
      (isLinkableUrl(context.runUrl) ? ` [Xem lần chạy và tải bản dựng thử](${context.runUrl}).` : ""),
    "",
    "_Bình luận này được cập nhật sau mỗi lần đẩy commit mới._",
  ].join("\n");
  const attempts: RenderOptions[] = [{}, { messages: false }, { messages: false, maxRows: 100 }, { messages: false, maxRows: 20 }];
  for (const options of attempts) {
    const body = `${COMMENT_MARKER}\n${renderSummary(summary, options)}${footer}\n`;
    if (body.length <= MAX_COMMENT_CHARS) return body;
  }
  return `${COMMENT_MARKER}\n### Gương Sáng: nội dung thay đổi\n\nQuá nhiều mục để liệt kê ở đây.\n${footer}\n`;
}
