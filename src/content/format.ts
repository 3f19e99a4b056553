// Prints findings: plain text lines, one JSON array, or GitHub annotations plus a job summary table.
import { plainText, safeLine } from "../util/terminal.ts";
import type { Finding } from "./model.ts";

const SEVERITY_VI = { error: "lỗi", warning: "cảnh báo" } as const;

/**
 * `content/exemplars/2019/ten-tep.md:12:3: error: <message> (<rule>)`, always one inert line: control,
 * bidi and invisible characters in values and file names are shown as `<U+XXXX>`, and a line can never
 * start with `::` (a GitHub workflow command).
 */
export function formatFinding(f: Finding): string {
  return safeLine(`${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} (${f.rule})`);
}

/** `Đã kiểm tra 27 tệp: 0 lỗi, 1 cảnh báo.` */
export function summaryLine(findings: readonly Finding[], checked: number): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return `Đã kiểm tra ${checked} tệp: ${errors} lỗi, ${warnings} cảnh báo.`;
}

export function formatText(findings: readonly Finding[], checked: number): string {
  return [...findings.map(formatFinding), summaryLine(findings, checked)].join("\n") + "\n";
}

/** One array of `{file, line, column, severity, rule, message}`. */
export function formatJson(findings: readonly Finding[]): string {
  return `${JSON.stringify(
    findings.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })),
    null,
    2,
  )}\n`;
}

/** The part of @actions/core we use, so a caller can pass the real module (or, in a test, drive it with temp env files). */
export interface ActionsCore {
  error(message: string, properties?: { file?: string; startLine?: number; startColumn?: number; title?: string }): void;
  warning(message: string, properties?: { file?: string; startLine?: number; startColumn?: number; title?: string }): void;
  summary: {
    addHeading(text: string, level?: number): ActionsCore["summary"];
    addRaw(text: string, addEOL?: boolean): ActionsCore["summary"];
    addTable(rows: (string | { data: string; header?: boolean })[][]): ActionsCore["summary"];
    write(): Promise<unknown>;
  };
}

/** GitHub shows at most this many annotations of each severity (error, warning) per step; the rest are dropped. */
export const ANNOTATIONS_PER_SEVERITY = 10;

/** A job summary is limited to 1 MiB: the table stops short of it (the log has every line). */
export const SUMMARY_MAX_CHARS = 900_000;

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Annotations for the first findings of each severity (as many as GitHub shows on the diff), then a
 * job summary (when the runner provides a summary file) that lists every finding with its file and
 * line and says how many were not annotated.
 */
export async function reportGithub(findings: readonly Finding[], checked: number, core: ActionsCore, env: Record<string, string | undefined> = process.env): Promise<void> {
  // Our own annotations: @actions/core escapes the data (%, CR, LF) and the properties (also : and ,) as
  // GitHub requires; control and bidi characters are made visible first, as in the text output.
  const annotated = { error: 0, warning: 0 };
  for (const f of findings) {
    if (annotated[f.severity] >= ANNOTATIONS_PER_SEVERITY) continue;
    annotated[f.severity]++;
    const props = { file: plainText(f.file), startLine: f.line, startColumn: f.column, title: f.rule };
    if (f.severity === "error") core.error(plainText(f.message), props);
    else core.warning(plainText(f.message), props);
  }
  if (!env.GITHUB_STEP_SUMMARY) return;
  const summary = core.summary.addHeading("Kiểm tra nội dung", 2).addRaw(`<p>${escapeHtml(summaryLine(findings, checked))}</p>`, true);
  const notAnnotated = findings.length - annotated.error - annotated.warning;
  if (notAnnotated > 0) {
    summary.addRaw(
      `<p>GitHub chỉ gắn ${ANNOTATIONS_PER_SEVERITY} lỗi và ${ANNOTATIONS_PER_SEVERITY} cảnh báo đầu tiên lên các dòng của thay đổi; ` +
        `${notAnnotated} thông báo còn lại không được gắn: bảng dưới đây liệt kê đủ mọi thông báo, kèm tệp và dòng.</p>`,
      true,
    );
  }
  if (findings.length > 0) {
    const header = ["Tệp", "Dòng", "Cột", "Mức", "Quy tắc", "Thông báo"].map((data) => ({ data, header: true }));
    const rows: string[][] = [];
    let size = 0;
    for (const f of findings) {
      const row = [f.file, String(f.line), String(f.column), SEVERITY_VI[f.severity], f.rule, f.message].map((cell) => escapeHtml(plainText(cell)));
      size += row.reduce((n, cell) => n + cell.length + 9, 9);
      if (size > SUMMARY_MAX_CHARS) break;
      rows.push(row);
    }
    summary.addTable([header, ...rows]);
    if (rows.length < findings.length) summary.addRaw(`<p>… và ${findings.length - rows.length} thông báo khác, quá giới hạn 1 MB của bản tóm tắt: chạy <code>npm run validate</code> để xem hết.</p>`, true);
  }
  await summary.write();
}
