// Reads the summary artifact of a PR run as untrusted data: size, shape and identity are checked before anything is posted.
import { CONTENT_TYPES, type ContentType } from "../content/model.ts";
import type { WorkflowRunEvent } from "./actions.ts";
import type { ChangeStatus } from "./changed.ts";
import type { PrSummary, RowMessage, RowResult, SummaryRow } from "./summary.ts";

/** The artifact file name inside the `pr-summary` artifact. */
export const SUMMARY_FILE = "pr-summary.json";
export const MAX_ARTIFACT_BYTES = 1_000_000;
const MAX_ROWS = 2_000;
const MAX_TEXT = 2_000;

export class ArtifactError extends Error {
  override name = "ArtifactError";
}

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(where: string, what: string): never {
  throw new ArtifactError(`${where}: ${what}`);
}

function str(obj: Rec, key: string, where: string, max = MAX_TEXT): string {
  const value = obj[key];
  if (typeof value !== "string") fail(`${where}.${key}`, "expected a string");
  if (value.length > max) fail(`${where}.${key}`, `longer than ${max} characters`);
  return value;
}

function optStr(obj: Rec, key: string, where: string): string | undefined {
  return obj[key] === undefined ? undefined : str(obj, key, where);
}

function int(obj: Rec, key: string, where: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = obj[key];
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) fail(`${where}.${key}`, "expected an integer in range");
  return value;
}

function oneOf<T extends string>(obj: Rec, key: string, where: string, allowed: readonly T[]): T {
  const value = str(obj, key, where);
  if (!(allowed as readonly string[]).includes(value)) fail(`${where}.${key}`, "unexpected value");
  return value as T;
}

function only(obj: Rec, keys: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) if (!keys.includes(key)) fail(where, `unexpected key ${JSON.stringify(key.slice(0, 40))}`);
}

const TYPES = Object.keys(CONTENT_TYPES) as ContentType[];
const STATUSES: ChangeStatus[] = ["added", "modified", "deleted", "renamed", "copied", "type-changed"];
const RESULTS: RowResult[] = ["ok", "warning", "error", "removed"];
const ROW_KEYS = ["type", "typeLabel", "status", "file", "oldFile", "title", "kind", "unit", "quarter", "channels", "pagePath", "oldPagePath", "draft", "result", "errors", "warnings", "messages"];

function parseMessage(value: unknown, where: string): RowMessage {
  if (!isRecord(value)) fail(where, "expected an object");
  only(value, ["line", "column", "severity", "rule", "message"], where);
  return {
    line: int(value, "line", where),
    column: int(value, "column", where),
    severity: oneOf(value, "severity", where, ["error", "warning"] as const),
    rule: str(value, "rule", where, 100),
    message: str(value, "message", where),
  };
}

function parseRow(value: unknown, where: string): SummaryRow {
  if (!isRecord(value)) fail(where, "expected an object");
  only(value, ROW_KEYS, where);
  const channels = value.channels;
  if (!Array.isArray(channels) || channels.length > 50) fail(`${where}.channels`, "expected a short array");
  const messages = value.messages;
  if (!Array.isArray(messages) || messages.length > 50) fail(`${where}.messages`, "expected a short array");
  if (typeof value.draft !== "boolean") fail(`${where}.draft`, "expected a boolean");
  const oldFile = optStr(value, "oldFile", where);
  const oldPagePath = optStr(value, "oldPagePath", where);
  return {
    type: oneOf(value, "type", where, TYPES),
    typeLabel: str(value, "typeLabel", where, 100),
    status: oneOf(value, "status", where, STATUSES),
    file: str(value, "file", where, 500),
    ...(oldFile !== undefined ? { oldFile } : {}),
    title: str(value, "title", where, 500),
    kind: str(value, "kind", where, 300),
    unit: str(value, "unit", where, 300),
    quarter: str(value, "quarter", where, 100),
    channels: channels.map((c, i) => {
      if (typeof c !== "string" || c.length > 300) fail(`${where}.channels[${i}]`, "expected a string");
      return c;
    }),
    pagePath: str(value, "pagePath", where, 300),
    ...(oldPagePath !== undefined ? { oldPagePath } : {}),
    draft: value.draft,
    result: oneOf(value, "result", where, RESULTS),
    errors: int(value, "errors", where),
    warnings: int(value, "warnings", where),
    messages: messages.map((m, i) => parseMessage(m, `${where}.messages[${i}]`)),
  };
}

/** Parses the artifact's JSON text into a summary, or throws an ArtifactError naming the first problem. */
export function parseSummaryArtifact(text: string): PrSummary {
  if (Buffer.byteLength(text, "utf8") > MAX_ARTIFACT_BYTES) fail("summary", `larger than ${MAX_ARTIFACT_BYTES} bytes`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    fail("summary", "not valid JSON");
  }
  if (!isRecord(data)) fail("summary", "expected an object");
  only(data, ["version", "pr", "headSha", "baseSha", "rows", "otherFiles", "otherFindings"], "summary");
  if (data.version !== 1) fail("summary.version", "expected 1");
  const headSha = str(data, "headSha", "summary", 40);
  const baseSha = str(data, "baseSha", "summary", 40);
  if (!/^[0-9a-f]{40}$/.test(headSha)) fail("summary.headSha", "expected a 40-hex commit SHA");
  if (!/^[0-9a-f]{40}$/.test(baseSha)) fail("summary.baseSha", "expected a 40-hex commit SHA");
  const rows = data.rows;
  if (!Array.isArray(rows) || rows.length > MAX_ROWS) fail("summary.rows", `expected an array of at most ${MAX_ROWS}`);
  const otherFiles = data.otherFiles;
  if (!Array.isArray(otherFiles) || otherFiles.length > MAX_ROWS) fail("summary.otherFiles", "expected an array");
  return {
    version: 1,
    pr: int(data, "pr", "summary", 1),
    headSha,
    baseSha,
    rows: rows.map((row, i) => parseRow(row, `summary.rows[${i}]`)),
    otherFiles: otherFiles.map((f, i) => {
      if (typeof f !== "string" || f.length > 500) fail(`summary.otherFiles[${i}]`, "expected a string");
      return f;
    }),
    otherFindings: int(data, "otherFindings", "summary"),
  };
}

/** The PR as the API reports it now (fetched with the workflow's own token, never from the artifact). */
export interface PullRequestNow {
  number: number;
  headSha: string;
  /** `owner/name` of the head repository. */
  headRepository: string;
  state: string;
}

/**
 * Decides whether the summary may be posted on PR `summary.pr`: the run must be a pull_request
 * run of exactly this commit, and that PR's head must still be this commit from this repository.
 * Returns undefined when it may, or the reason it may not.
 */
export function identityProblem(summary: PrSummary, run: WorkflowRunEvent, pull: PullRequestNow | undefined): string | undefined {
  if (run.event !== "pull_request") return `the run was triggered by ${run.event}, not pull_request`;
  if (summary.headSha !== run.headSha) return "the artifact's head SHA is not the run's head SHA";
  if (run.pullRequests.length > 0 && !run.pullRequests.some((p) => p.number === summary.pr)) {
    return "the artifact's PR number is not one of the run's pull requests";
  }
  if (!pull || pull.number !== summary.pr) return "the pull request could not be read";
  if (pull.state !== "open") return "the pull request is no longer open";
  if (pull.headSha !== run.headSha) return "the pull request has moved on to a newer commit";
  if (run.headRepository && pull.headRepository !== run.headRepository) return "the pull request's head repository is not the run's";
  return undefined;
}
