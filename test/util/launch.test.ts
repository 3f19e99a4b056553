// scripts/launch.mjs: `npm run validate` runs the validator from one precompiled file. It must answer exactly as the
// TypeScript sources do, rebuild itself when a source changes, and fall back to tsx when asked.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rm } from "node:fs/promises";
import { currentBundle, LAUNCH_ENV } from "../../scripts/launch.mjs";
import { main } from "../../scripts/validate.ts";
import { EXEMPLAR, writeTree } from "../content/helpers.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const launcher = path.join(root, "scripts/launch.mjs");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function launch(args: string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [launcher, ...args], { cwd: root, env: { ...process.env, GUONG_SANG_CACHE_DIR: "off", ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function inProcess(argv: string[]): Promise<Run> {
  const out = { stdout: "", stderr: "" };
  const saved = process.env.GUONG_SANG_CACHE_DIR;
  process.env.GUONG_SANG_CACHE_DIR = "off";
  try {
    const code = await main(argv, { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } });
    return { code, ...out };
  } finally {
    if (saved === undefined) delete process.env.GUONG_SANG_CACHE_DIR;
    else process.env.GUONG_SANG_CACHE_DIR = saved;
  }
}

let tree: string;

beforeAll(async () => {
  tree = await writeTree({
    "exemplars/2019/co-giao.md": EXEMPLAR,
    "exemplars/2019/sai-ngay.md": EXEMPLAR.replace("date: 2019-03-15", "date: 2019-02-30"),
    "exemplars/2019/don-vi-la.md": EXEMPLAR.replace("unit: don-vi-mot", "unit: khong-co"),
  });
});

afterAll(async () => {
  await rm(tree, { recursive: true, force: true });
});

describe("node scripts/launch.mjs validate (npm run validate)", () => {
  it("is what package.json runs", () => {
    const scripts = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts as Record<string, string>;
    expect(scripts.validate).toBe("node scripts/launch.mjs validate");
  });

  it.each([
    ["the whole tree, text", ["--content", "TREE"]],
    ["the whole tree, JSON", ["--content", "TREE", "--format", "json"]],
    ["one file", ["--content", "TREE", "--format", "json", "TREE/exemplars/2019/don-vi-la.md"]],
    ["--help", ["--help"]],
    ["an unknown option", ["--khong-co"]],
  ])("answers %s exactly as the TypeScript sources do, from the bundle and through tsx", async (_name, args) => {
    const argv = args.map((a) => a.replace("TREE", tree)); // the tree exists once the tests run
    const expected = await inProcess(argv);
    expect(await launch(["validate", ...argv])).toEqual(expected);
    expect(await launch(["validate", ...argv], { [LAUNCH_ENV]: "tsx" })).toEqual(expected);
  });

  it("reports the findings an author sees, with file, line and exit code 1", async () => {
    const r = await launch(["validate", "--content", tree, "--format", "json"]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as { file: string; line: number; rule: string }[];
    expect(findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.rule}`)).toEqual(["don-vi-la.md:8 unit-unknown", "sai-ngay.md:11 date-invalid"]);
  });

  it("refuses a name that is not a script, in Vietnamese, with exit code 2", async () => {
    expect(await launch(["../etc/passwd"])).toEqual({ code: 2, stdout: "", stderr: 'Không có lệnh "../etc/passwd" trong scripts/. Dùng: node scripts/launch.mjs validate [tùy chọn]\n' });
  });

  it("keeps the bundle while its inputs are unchanged and builds it again when one changes", async () => {
    await launch(["validate", "--help"]);
    const bundle = currentBundle("validate");
    expect(bundle).toBe(path.join(root, "node_modules/.cache/guong-sang-launch/validate.mjs"));
    const manifestFile = path.join(path.dirname(bundle as string), "validate.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { inputs: Record<string, string> };
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(["scripts/validate.ts", "src/content/load.ts", "src/build/parse-cache.ts"]));
    // An input whose size or time differs from the manifest's: the bundle is out of date.
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, inputs: { ...manifest.inputs, "src/content/load.ts": "1:0" } }));
    expect(currentBundle("validate")).toBeUndefined();
    expect((await launch(["validate", "--help"])).code).toBe(0);
    expect(currentBundle("validate")).toBe(bundle);
  });
});
