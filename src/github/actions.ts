// The GitHub Actions runner's files (step summary, outputs, event payload), read and written through an injected environment.
import { randomUUID } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";

export type Env = Readonly<Record<string, string | undefined>>;

/** Appends Markdown to the job summary (`GITHUB_STEP_SUMMARY`); returns false outside Actions. */
export function appendStepSummary(env: Env, markdown: string): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}\n`, "utf8");
  return true;
}

/** Sets step outputs (`GITHUB_OUTPUT`) in the multi-line form, with a delimiter that cannot occur in the value. */
export function setOutputs(env: Env, outputs: Record<string, string>, makeDelimiter: () => string = () => `gs_${randomUUID()}`): boolean {
  const file = env.GITHUB_OUTPUT;
  if (!file) return false;
  let text = "";
  for (const [name, value] of Object.entries(outputs)) {
    if (!/^[A-Za-z_][\w-]*$/.test(name)) throw new Error(`Invalid output name: ${name}`);
    const delimiter = makeDelimiter();
    if (value.includes(delimiter) || name.includes(delimiter)) throw new Error("Output delimiter occurs in the value");
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  appendFileSync(file, text, "utf8");
  return true;
}

/** Reads the event payload (`GITHUB_EVENT_PATH`) as plain JSON; undefined outside Actions. */
export function readEvent(env: Env): unknown {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  return JSON.parse(readFileSync(file, "utf8")) as unknown;
}

/** What the pull_request event tells us. */
export interface PullRequestEvent {
  number: number;
  baseSha: string;
  headSha: string;
}

const SHA_RE = /^[0-9a-f]{40}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The PR number and the base and head commits of a `pull_request` event payload. */
export function pullRequestOf(event: unknown): PullRequestEvent | undefined {
  if (!isRecord(event) || !isRecord(event.pull_request)) return undefined;
  const pr = event.pull_request;
  const base = isRecord(pr.base) ? pr.base.sha : undefined;
  const head = isRecord(pr.head) ? pr.head.sha : undefined;
  if (typeof pr.number !== "number" || typeof base !== "string" || typeof head !== "string") return undefined;
  if (!SHA_RE.test(base) || !SHA_RE.test(head)) return undefined;
  return { number: pr.number, baseSha: base, headSha: head };
}

/** What the `workflow_run` event tells us about the run whose artifact we read. */
export interface WorkflowRunEvent {
  runId: number;
  event: string;
  headSha: string;
  /** `owner/name` of the repository the run's commit came from (a fork for fork PRs). */
  headRepository: string;
  /** PR numbers GitHub links to the run; empty for PRs from forks. */
  pullRequests: { number: number; headSha: string }[];
  htmlUrl: string;
}

export function workflowRunOf(event: unknown): WorkflowRunEvent | undefined {
  if (!isRecord(event) || !isRecord(event.workflow_run)) return undefined;
  const run = event.workflow_run;
  if (typeof run.id !== "number" || typeof run.event !== "string" || typeof run.head_sha !== "string") return undefined;
  if (!SHA_RE.test(run.head_sha)) return undefined;
  const headRepository = isRecord(run.head_repository) && typeof run.head_repository.full_name === "string" ? run.head_repository.full_name : "";
  const pullRequests: { number: number; headSha: string }[] = [];
  for (const pr of Array.isArray(run.pull_requests) ? run.pull_requests : []) {
    if (isRecord(pr) && typeof pr.number === "number" && isRecord(pr.head) && typeof pr.head.sha === "string") {
      pullRequests.push({ number: pr.number, headSha: pr.head.sha });
    }
  }
  return {
    runId: run.id,
    event: run.event,
    headSha: run.head_sha,
    headRepository,
    pullRequests,
    htmlUrl: typeof run.html_url === "string" ? run.html_url : "",
  };
}
