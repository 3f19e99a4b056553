// The hardening rules every workflow in .github/workflows must follow, checked on the parsed YAML and its text.
import { parseDocument } from "yaml";

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const USES_LINE = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/;
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const VERSION_COMMENT = /^\s+# v\d+\.\d+\.\d+$/;
const SCOPES = ["actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token", "issues", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses"];

function triggers(on: unknown): string[] {
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on.map(String);
  if (isRecord(on)) return Object.keys(on);
  return [];
}

/**
 * Every way a workflow breaks the rules, as "file: problem" lines (empty when it follows them):
 * declared minimal permissions, actions pinned to a commit with their version in a comment, no
 * pull_request_target, no expressions in run scripts, a concurrency group, timeouts, checkouts that
 * keep no credentials, Node from .nvmrc, and no secrets or write access in pull_request workflows.
 */
export function hardeningProblems(text: string, file: string): string[] {
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${file}: ${what}`);
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return doc.errors.map((e) => `${file}: YAML: ${e.message.split("\n")[0]}`);
  const wf = doc.toJS() as unknown;
  if (!isRecord(wf)) return [`${file}: not a workflow`];

  const on = triggers(wf.on);
  if (on.length === 0) say("no trigger (on:)");
  if (on.includes("pull_request_target")) say("pull_request_target runs PR code with a write token: use pull_request and workflow_run");
  const isPr = on.includes("pull_request");

  if (!isRecord(wf.permissions) || Object.keys(wf.permissions).length > 0) say("top-level permissions must be {} (each job declares its own)");
  if (!isRecord(wf.concurrency) || typeof wf.concurrency.group !== "string") say("no concurrency group");

  const jobs = isRecord(wf.jobs) ? wf.jobs : {};
  let usesSteps = 0;
  for (const [id, job] of Object.entries(jobs)) {
    if (!isRecord(job)) continue;
    const where = `job ${id}`;
    if (!isRecord(job.permissions)) say(`${where}: permissions must be a map of scopes`);
    else {
      for (const [scope, level] of Object.entries(job.permissions)) {
        if (!SCOPES.includes(scope)) say(`${where}: unknown permission ${scope}`);
        if (level !== "read" && level !== "write" && level !== "none") say(`${where}: permission ${scope} must be read, write or none`);
        if (isPr && level === "write") say(`${where}: a pull_request job gets no write permission (${scope})`);
      }
    }
    if (typeof job["timeout-minutes"] !== "number" || job["timeout-minutes"] > 60) say(`${where}: timeout-minutes must be set, at most 60`);
    const steps = Array.isArray(job.steps) ? job.steps : [];
    steps.forEach((step: unknown, index) => {
      if (!isRecord(step)) return;
      const at = `${where} step ${index + 1}`;
      const run = step.run;
      if (typeof run === "string" && run.includes("${{")) say(`${at}: expression in run: pass it through env: instead`);
      const uses = step.uses;
      if (typeof uses !== "string") return;
      usesSteps++;
      if (!PINNED.test(uses)) say(`${at}: ${uses} is not pinned to a full commit SHA`);
      const action = uses.split("@")[0];
      const withs = isRecord(step.with) ? step.with : {};
      if (action === "actions/checkout") {
        if (withs["persist-credentials"] !== false) say(`${at}: checkout must set persist-credentials: false`);
        if (on.includes("workflow_run") && ("ref" in withs || "repository" in withs)) say(`${at}: a workflow_run job checks out only its own default-branch commit`);
      }
      if (action === "actions/setup-node" && (withs["node-version-file"] !== ".nvmrc" || "node-version" in withs)) {
        say(`${at}: setup-node must read node-version-file: .nvmrc`);
      }
    });
  }

  const lines = text.split("\n");
  let usesLines = 0;
  lines.forEach((line, index) => {
    const m = USES_LINE.exec(line);
    if (!m) return;
    usesLines++;
    if (!VERSION_COMMENT.test(m[2] ?? "")) say(`line ${index + 1}: uses: needs its version in a comment, like # v4.2.2`);
  });
  if (usesLines !== usesSteps) say("every uses: must be on its own line in the form `uses: owner/repo@sha # vX.Y.Z`");
  if (isPr && /\bsecrets\.|github\.token/.test(text)) say("a pull_request workflow uses no secrets and no token");
  return problems;
}

/** Job names as reported to status checks (the job's name, else its id). */
export function jobNames(text: string): string[] {
  const wf = parseDocument(text).toJS() as Rec;
  return Object.entries(isRecord(wf.jobs) ? wf.jobs : {}).map(([id, job]) => (isRecord(job) && typeof job.name === "string" ? job.name : id));
}
