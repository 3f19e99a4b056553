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

/**
 * The actions the workflows may use, each at the release verified against its upstream repository (the
 * tag's commit, read with git in a snapshot of the repository), all on the Node 24 runtime.
 * actions/configure-pages is left out on purpose: its latest release (v5.0.0) still declares Node 20.
 * Dependabot proposes newer pins; a maintainer verifies the new SHA and updates this table in the same PR.
 */
export const VERIFIED_PINS: Readonly<Record<string, { sha: string; version: string }>> = {
  "actions/checkout": { sha: "3d3c42e5aac5ba805825da76410c181273ba90b1", version: "v7.0.1" },
  "actions/setup-node": { sha: "820762786026740c76f36085b0efc47a31fe5020", version: "v7.0.0" },
  "actions/upload-artifact": { sha: "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", version: "v7.0.0" },
  "actions/download-artifact": { sha: "3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c", version: "v8.0.1" },
  "actions/cache": { sha: "27d5ce7f107fe9357f9df03efb73ab90386fccae", version: "v5.0.5" },
  "actions/upload-pages-artifact": { sha: "fc324d3547104276b827a68afc52ff2a11cc49c9", version: "v5.0.0" },
  "actions/deploy-pages": { sha: "cd2ce8fcbc39b97be8ca5fce6e763baed58fa128", version: "v5.0.0" },
};

/** The Node major `.nvmrc` names and the workflows run; the code also supports the oldest, tested in a matrix. */
export const NODE_VERSION = "24";
export const OLDEST_NODE = "20.19";

/** Actions that publish to Pages: a workflow using one installs nothing with apt (the build needs only Node and npm). */
const PUBLISHING = ["actions/upload-pages-artifact", "actions/deploy-pages"];
/** Run scripts that build pages (the test suite builds the sample too): their job needs the whole history. */
const BUILDS_PAGES = /\bnpm (?:run build|test)\b/;

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
 * keep no credentials, Node from .nvmrc (or a matrix of the oldest supported and the current one),
 * no secrets or write access in pull_request workflows, only verified pins (SHA and version comment as
 * in VERIFIED_PINS), the whole history (`fetch-depth: 0`) wherever pages are built, and no apt-get in a
 * workflow that publishes.
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
  const allSteps = Object.values(jobs).flatMap((job) => (isRecord(job) && Array.isArray(job.steps) ? job.steps.filter(isRecord) : []));
  const publishes = allSteps.some((step) => typeof step.uses === "string" && PUBLISHING.includes(step.uses.split("@")[0]!));
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
    const buildsPages = steps.some((step: unknown) => isRecord(step) && typeof step.run === "string" && BUILDS_PAGES.test(step.run));
    const matrix = isRecord(job.strategy) && isRecord(job.strategy.matrix) ? job.strategy.matrix : {};
    steps.forEach((step: unknown, index) => {
      if (!isRecord(step)) return;
      const at = `${where} step ${index + 1}`;
      const run = step.run;
      if (typeof run === "string" && run.includes("${{")) say(`${at}: expression in run: pass it through env: instead`);
      if (publishes && typeof run === "string" && /\bapt(?:-get)?\s/.test(run)) say(`${at}: a workflow that publishes installs nothing with apt (the build needs only Node and npm)`);
      const uses = step.uses;
      if (typeof uses !== "string") return;
      usesSteps++;
      if (!PINNED.test(uses)) say(`${at}: ${uses} is not pinned to a full commit SHA`);
      const [action = "", sha = ""] = uses.split("@");
      const verified = VERIFIED_PINS[action];
      if (!verified) say(`${at}: ${action} is not among the verified actions (VERIFIED_PINS in src/github/hardening.ts)`);
      else if (PINNED.test(uses) && sha !== verified.sha) say(`${at}: ${action} must be pinned to ${verified.sha} (${verified.version}, verified upstream)`);
      const withs = isRecord(step.with) ? step.with : {};
      if (action === "actions/checkout") {
        if (withs["persist-credentials"] !== false) say(`${at}: checkout must set persist-credentials: false`);
        if (buildsPages && withs["fetch-depth"] !== 0) say(`${at}: a job that builds pages checks out the whole history (fetch-depth: 0), or approval records are false`);
        if (on.includes("workflow_run") && ("ref" in withs || "repository" in withs)) say(`${at}: a workflow_run job checks out only its own default-branch commit`);
      }
      if (action === "actions/setup-node") {
        const fromMatrix = withs["node-version"] === "${{ matrix.node }}" && !("node-version-file" in withs);
        const versions = Array.isArray(matrix.node) ? matrix.node.map(String) : [];
        if (fromMatrix) {
          if (!versions.includes(NODE_VERSION) || !versions.includes(OLDEST_NODE)) say(`${at}: the Node matrix must hold ${OLDEST_NODE} and ${NODE_VERSION}`);
        } else if (withs["node-version-file"] !== ".nvmrc" || "node-version" in withs) {
          say(`${at}: setup-node must read node-version-file: .nvmrc (or node-version: \${{ matrix.node }})`);
        }
      }
    });
  }

  const lines = text.split("\n");
  let usesLines = 0;
  lines.forEach((line, index) => {
    const m = USES_LINE.exec(line);
    if (!m) return;
    usesLines++;
    if (!VERSION_COMMENT.test(m[2] ?? "")) say(`line ${index + 1}: uses: needs its version in a comment, like # v7.0.1`);
    else {
      const verified = VERIFIED_PINS[(m[1] ?? "").split("@")[0]!];
      const version = (m[2] ?? "").trim().slice(2);
      if (verified && version !== verified.version) say(`line ${index + 1}: the comment says ${version}, the verified pin is ${verified.version}`);
    }
  });
  if (usesLines !== usesSteps) say("every uses: must be on its own line in the form `uses: owner/repo@sha # vX.Y.Z`");
  if (isPr && /\bsecrets\.|github\.token/.test(text)) say("a pull_request workflow uses no secrets and no token");
  return problems;
}

/**
 * Job names as reported to status checks (the job's name, else its id); a job with a one-key matrix
 * reports one check per value, as GitHub names them: `build-and-test (24)`.
 */
export function jobNames(text: string): string[] {
  const wf = parseDocument(text).toJS() as Rec;
  return Object.entries(isRecord(wf.jobs) ? wf.jobs : {}).flatMap(([id, job]) => {
    const name = isRecord(job) && typeof job.name === "string" ? job.name : id;
    const matrix = isRecord(job) && isRecord(job.strategy) && isRecord(job.strategy.matrix) ? job.strategy.matrix : undefined;
    const values = matrix ? Object.values(matrix).find(Array.isArray) : undefined;
    return values && !name.includes("${{") ? values.map((v) => `${name} (${String(v)})`) : [name];
  });
}
