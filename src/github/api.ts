// The few GitHub REST calls the comment job makes, over fetch, with the workflow's own token.
import type { PullRequestNow } from "./artifact.ts";
import { COMMENT_MARKER } from "./markdown.ts";

export interface IssueComment {
  id: number;
  body: string;
  userLogin: string;
}

export interface GitHubApi {
  getPull(number: number): Promise<PullRequestNow | undefined>;
  listComments(issue: number): Promise<IssueComment[]>;
  createComment(issue: number, body: string): Promise<number>;
  updateComment(id: number, body: string): Promise<void>;
  /** The id of the run's unexpired artifact called `name`, if there is one. */
  findArtifact(runId: number, name: string): Promise<number | undefined>;
}

export interface RestOptions {
  /** `GITHUB_API_URL`, e.g. https://api.github.com. */
  apiUrl: string;
  /** `owner/name`. */
  repository: string;
  token: string;
  fetchImpl?: typeof fetch;
}

type Json = Record<string, unknown>;

/** A GitHubApi over the REST API. */
export function restApi(options: RestOptions): GitHubApi {
  if (!/^[\w.-]+\/[\w.-]+$/.test(options.repository)) throw new Error(`Not a repository: ${options.repository}`);
  const doFetch = options.fetchImpl ?? fetch;
  const base = `${options.apiUrl.replace(/\/+$/, "")}/repos/${options.repository}`;
  const request = async (method: string, path: string, body?: unknown): Promise<{ status: number; data: unknown }> => {
    const response = await doFetch(`${base}${path}`, {
      method,
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${options.token}`,
        "x-github-api-version": "2022-11-28",
        "user-agent": "guong-sang-pr-comment",
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const data = text ? (JSON.parse(text) as unknown) : undefined;
    if (response.status >= 400 && response.status !== 404) {
      throw new Error(`GitHub API ${method} ${path} failed with ${response.status}`);
    }
    return { status: response.status, data };
  };
  return {
    async getPull(number) {
      const { status, data } = await request("GET", `/pulls/${number}`);
      if (status === 404) return undefined;
      const pull = data as Json;
      const head = (pull.head ?? {}) as Json;
      const repo = (head.repo ?? {}) as Json;
      return {
        number: Number(pull.number),
        headSha: String(head.sha ?? ""),
        headRepository: String(repo.full_name ?? ""),
        state: String(pull.state ?? ""),
      };
    },
    async listComments(issue) {
      const all: IssueComment[] = [];
      for (let page = 1; page <= 50; page++) {
        const { data } = await request("GET", `/issues/${issue}/comments?per_page=100&page=${page}`);
        const list = Array.isArray(data) ? (data as Json[]) : [];
        for (const c of list) {
          all.push({ id: Number(c.id), body: String(c.body ?? ""), userLogin: String(((c.user ?? {}) as Json).login ?? "") });
        }
        if (list.length < 100) break;
      }
      return all;
    },
    async createComment(issue, body) {
      const { data } = await request("POST", `/issues/${issue}/comments`, { body });
      return Number((data as Json).id);
    },
    async updateComment(id, body) {
      await request("PATCH", `/issues/comments/${id}`, { body });
    },
    async findArtifact(runId, name) {
      if (!Number.isSafeInteger(runId) || !/^[\w.-]+$/.test(name)) return undefined;
      const { status, data } = await request("GET", `/actions/runs/${runId}/artifacts?name=${encodeURIComponent(name)}`);
      if (status === 404) return undefined;
      const list = ((data ?? {}) as Json).artifacts;
      const found = (Array.isArray(list) ? (list as Json[]) : []).find((a) => a.name === name && a.expired !== true && Number.isSafeInteger(a.id));
      return found ? Number(found.id) : undefined;
    },
  };
}

/** The login our comments are written under with the default GITHUB_TOKEN. */
export const ACTIONS_BOT = "github-actions[bot]";

/** Creates our one comment on the PR, or updates it; comments by anyone else are never touched. */
export async function upsertComment(api: GitHubApi, issue: number, body: string, botLogin = ACTIONS_BOT): Promise<{ action: "created" | "updated"; id: number }> {
  const ours = (await api.listComments(issue)).find((c) => c.userLogin === botLogin && c.body.startsWith(COMMENT_MARKER));
  if (ours) {
    await api.updateComment(ours.id, body);
    return { action: "updated", id: ours.id };
  }
  return { action: "created", id: await api.createComment(issue, body) };
}
