// Helpers for build tests: run `npm run build`'s function with captured output, copy fixtures, read built files.
import { cp, mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runBuild } from "../../src/build/cli.ts";
import type { BuildOptions } from "../../src/build/build.ts";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(REPO, "test/fixtures");
/** A fixed clock: 1 April 2019 in Hà Nội. */
export const NOW = new Date("2019-04-01T03:00:00Z");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined>; overrides?: Partial<BuildOptions> } = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await runBuild(
    argv,
    {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      cwd: options.cwd ?? REPO,
      env: options.env ?? {},
    },
    { now: NOW, ...options.overrides },
  );
  return { code, stdout, stderr };
}

export async function tempDir(prefix = "gs-build-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Copies a fixture content tree into a fresh temporary folder and returns the copy's path. */
export async function copyFixture(name: string): Promise<string> {
  const dir = path.join(await tempDir("gs-content-"), "content");
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with its bytes, as `relative/path → content`. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, abs), await readFile(abs));
  }
  return out;
}

export function read(site: string, file: string): Promise<string> {
  return readFile(path.join(site, file), "utf8");
}
