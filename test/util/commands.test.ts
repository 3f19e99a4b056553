// Every command (each npm script and each entry in scripts/) answers --help and an unknown option the same way:
// the usage in Vietnamese on stdout with exit 0; one exact Vietnamese message, then the usage, on stderr with exit 2.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const scripts = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts as Record<string, string>;
// `tsx scripts/x.ts`, or `node scripts/launch.mjs x` (the same file from its bundle: test/util/launch.test.ts).
const fromPackage = Object.values(scripts).flatMap((line) => /^tsx (\S+\.ts)$/.exec(line)?.[1] ?? (/^node scripts\/launch\.mjs ([a-z-]+)$/.exec(line)?.[1] ? `scripts/${/^node scripts\/launch\.mjs ([a-z-]+)$/.exec(line)?.[1]}.ts` : []));
const entries = [...new Set([...fromPackage, ...readdirSync(path.join(root, "scripts")).filter((f) => f.endsWith(".ts")).map((f) => `scripts/${f}`)])].sort();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(entry: string, argv: string[]): Promise<Run> {
  const { main } = (await import(path.join(root, entry))) as {
    main: (argv: string[], streams: { stdout: { write(t: string): unknown }; stderr: { write(t: string): unknown } }) => number | Promise<number>;
  };
  const out = { stdout: "", stderr: "" };
  const code = await main(argv, { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } });
  return { code, ...out };
}

describe("every command", () => {
  it("is listed: each npm script that runs a file, and each file in scripts/", () => {
    expect(fromPackage.length).toBeGreaterThanOrEqual(9);
    expect(entries).toContain("scripts/build.ts");
    expect(entries).toContain("test/property/fuzz.ts");
  });

  it.each(entries)("%s --help: the usage in Vietnamese, exit 0", async (entry) => {
    const r = await run(entry, ["--help"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^Cách dùng: (npm (run|start)|npx tsx|tsx) /);
    expect((await run(entry, ["-h"])).stdout).toBe(r.stdout);
  });

  it.each(entries)("%s --khong-co: one exact message, then the usage, exit 2", async (entry) => {
    const r = await run(entry, ["--khong-co"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`Không hiểu tùy chọn "--khong-co".\n\n${(await run(entry, ["--help"])).stdout}`);
  });
});
