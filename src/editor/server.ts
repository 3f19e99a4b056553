// `npm run editor`: the web editor against a local repository, on 127.0.0.1; every save becomes a local branch.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parse } from "yaml";
import type { SiteConfig } from "../content/model.ts";
import { readCatalogues } from "../render/catalogues.ts";
import { CONTENT_TYPES as MIME } from "../print/serve.ts";
import { siteAssets } from "../site/assets.ts";
import { renderEditorConfig } from "./config.ts";
import { decapDistDir, EDITOR_PATH, editorPage, editorScript } from "./site.ts";

const require = createRequire(import.meta.url);

/** A problem the clerk can fix (not a repository, uncommitted changes…): said in Vietnamese, exit 2. */
export class EditorSetupError extends Error {}

export interface EditorOptions {
  /** The repository whose content/ the editor edits (a git working tree). */
  repoDir: string;
  /** 0: any free port. */
  port?: number;
  log?: (line: string) => void;
}

export interface RunningEditor {
  url: string;
  branch: string;
  close(): Promise<void>;
}

/** The small part of Express we use (Express ships no types; decap-server registers itself on an Express app). */
interface Request {
  path: string;
}
interface Response {
  status(code: number): Response;
  type(mime: string): Response;
  send(body: string | Buffer): void;
  redirect(url: string): void;
}
interface App {
  get(route: string | RegExp, handler: (req: Request, res: Response) => void | Promise<void>): void;
  listen(port: number, host: string, ready: () => void): Server;
}

function git(repoDir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: repoDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** Checks the repository before the git server may switch its branches: a git work tree, on a branch, nothing uncommitted. */
export function checkRepository(repoDir: string): { branch: string; contentDir: string } {
  const contentDir = path.join(repoDir, "content");
  if (!existsSync(path.join(contentDir, "site.yaml"))) {
    throw new EditorSetupError(`Không thấy ${path.join(contentDir, "site.yaml")}: hãy chạy lệnh trong thư mục kho Gương Sáng, hoặc chỉ rõ kho bằng --repo THƯ_MỤC.`);
  }
  let top: string;
  try {
    top = git(repoDir, "rev-parse", "--show-toplevel");
  } catch {
    throw new EditorSetupError(`${repoDir} không phải kho Git: trình soạn thảo lưu mỗi đề xuất thành một nhánh Git, nên cần một kho (git clone).`);
  }
  if (path.resolve(top) !== path.resolve(repoDir)) {
    throw new EditorSetupError(`${repoDir} nằm trong kho ${top}: hãy chỉ --repo tới thư mục gốc của kho.`);
  }
  let branch: string;
  try {
    branch = git(repoDir, "symbolic-ref", "--short", "HEAD");
  } catch {
    throw new EditorSetupError("Kho đang không ở nhánh nào (detached HEAD): hãy chuyển về nhánh chính, ví dụ git switch main.");
  }
  // The git server commits with `git add .` on its branches: uncommitted work would be swept into a proposal.
  const dirty = git(repoDir, "status", "--porcelain");
  if (dirty) {
    const first = dirty.split("\n").slice(0, 5).map((l) => `  ${l}`).join("\n");
    throw new EditorSetupError(
      `Kho còn thay đổi chưa ghi lại (commit):\n${first}\nTrình soạn thảo tạo nhánh mới từ kho này; hãy ghi lại (git commit) hoặc cất đi (git stash) các thay đổi rồi chạy lại.`,
    );
  }
  return { branch, contentDir };
}

async function decapFiles(): Promise<Set<string>> {
  const names = await readdir(decapDistDir());
  return new Set(names.filter((n) => n === "decap-cms.js" || /^\d+\.decap-cms\.js$/.test(n) || n.endsWith(".wasm")));
}

/** Starts the editor. Resolves once it listens; `close()` stops it. */
export async function startEditor(options: EditorOptions): Promise<RunningEditor> {
  const repoDir = path.resolve(options.repoDir);
  const { branch, contentDir } = checkRepository(repoDir);
  const site = parse(readFileSync(path.join(contentDir, "site.yaml"), "utf8")) as SiteConfig;
  const express = require("express") as () => App;
  const { registerLocalGit } = require("decap-server/dist/middlewares.js") as {
    registerLocalGit(app: App, options: { logLevel?: string }): Promise<void>;
  };
  const app = express();
  // decap-server reads the repository from the environment when it registers (synchronously, before its first await).
  const before = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = repoDir;
  const registered = registerLocalGit(app, { logLevel: "warn" });
  if (before === undefined) delete process.env.GIT_REPO_DIRECTORY;
  else process.env.GIT_REPO_DIRECTORY = before;
  await registered;

  let port = 0;
  const decap = await decapFiles();
  app.get("/", (_req, res) => res.redirect(EDITOR_PATH));
  app.get(EDITOR_PATH, (_req, res) => {
    res.type(MIME[".html"] as string).send(editorPage({ site, contentDir, pathPrefix: "/" }));
  });
  app.get(`${EDITOR_PATH}config.yml`, (_req, res) => {
    const backend = { kind: "local" as const, url: `http://127.0.0.1:${port}/api/v1`, branch };
    res.type("text/yaml; charset=utf-8").send(renderEditorConfig({ catalogues: readCatalogues(contentDir), backend }));
  });
  app.get(`${EDITOR_PATH}editor.js`, async (_req, res) => {
    res.type(MIME[".js"] as string).send(await editorScript());
  });
  app.get(/^\/quan-tri\/([\w.-]+)$/, async (req, res) => {
    const name = req.path.slice(EDITOR_PATH.length);
    if (!decap.has(name)) return void res.status(404).type(MIME[".txt"] as string).send("Không có tệp này.");
    res.type(MIME[path.extname(name)] ?? "application/octet-stream").send(await readFile(path.join(decapDistDir(), name)));
  });
  // The site's stylesheet, fonts and icon under their hashed names, for the preview (the files the built site serves at /assets/).
  app.get(/^\/assets\/(fonts\/)?[\w.-]+$/, async (req, res) => {
    const file = siteAssets().files.get(req.path);
    if (!file) return void res.status(404).type(MIME[".txt"] as string).send("Không có tệp này.");
    res.type(MIME[path.extname(req.path)] ?? "application/octet-stream").send("text" in file ? file.text : await readFile(file.from));
  });

  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(options.port ?? 0, "127.0.0.1", () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}${EDITOR_PATH}`;
  return {
    url,
    branch,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
