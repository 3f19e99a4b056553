// The aggregate tests' world: three small unit sites built from test/fixtures/aggregate/ (different rosters, fields and
// quarters), served on 127.0.0.1 (one read from its folder instead), one copy with invalid JSON, one that breaks the
// contract, and one server too slow to answer; plus an independent count of the fixture files.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { build } from "../../src/build/build.ts";
import { formatFinding } from "../../src/content/format.ts";
import { serveStatic, type StaticServer } from "../../src/print/serve.ts";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(REPO, "test/fixtures/aggregate");
/** The sites' clock: the current quarter is 2020-Q1. */
export const NOW = new Date("2020-03-15T03:00:00Z");
export const SITES = ["phuong-an", "phuong-binh", "xa-cuong"] as const;
export type SiteId = (typeof SITES)[number];

export interface World {
  root: string;
  built: Record<SiteId, string>;
  servers: Partial<Record<string, StaticServer>>;
  slow: { origin: string; close(): Promise<void> };
  sourcesFile: string;
  close(): Promise<void>;
}

/** A server that accepts and never answers in time (the aggregate's time-out is far shorter). */
async function slowServer(delayMs: number): Promise<{ origin: string; close(): Promise<void> }> {
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((_, response) => {
    const t = setTimeout(() => response.end("{}"), delayMs);
    timers.add(t);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export async function makeWorld(): Promise<World> {
  const root = await mkdtemp(path.join(tmpdir(), "gs-aggregate-"));
  const built = {} as Record<SiteId, string>;
  for (const id of SITES) {
    const outDir = path.join(root, "sites", id);
    const result = await build({ contentDir: path.join(FIXTURES, id), outDir, pdf: false, drafts: false, cwd: REPO, now: NOW, cacheDir: null, home: root });
    if (result.status !== "built") throw new Error(`fixture ${id} does not build:\n${result.findings.map(formatFinding).join("\n")}`);
    built[id] = outDir;
  }
  // Broken copies: invalid JSON, and valid JSON that breaks the contract (an unknown kind).
  const badJson = path.join(root, "sites", "hong-json");
  await cp(built["phuong-an"], badJson, { recursive: true });
  await writeFile(path.join(badJson, "api/exemplars.json"), '{ "generated": "2020-03-15T03:00:00Z", "count": 1, "exemplars": [ {');
  const badShape = path.join(root, "sites", "sai-khuon");
  await cp(built["phuong-binh"], badShape, { recursive: true });
  const list = JSON.parse(await readFile(path.join(badShape, "api/exemplars.json"), "utf8")) as { exemplars: { kind: string }[] };
  (list.exemplars[0] as { kind: string }).kind = "anh-hung";
  await writeFile(path.join(badShape, "api/exemplars.json"), JSON.stringify(list));

  const servers: World["servers"] = {
    "phuong-an": await serveStatic(built["phuong-an"]),
    "phuong-binh": await serveStatic(built["phuong-binh"]),
    "hong-json": await serveStatic(badJson),
    "sai-khuon": await serveStatic(badShape),
  };
  const slow = await slowServer(5_000);
  const sourcesFile = path.join(root, "nguon.yaml");
  await writeFile(
    sourcesFile,
    `# Các nguồn của bài kiểm thử.
title: Gương sáng toàn thành phố Thử
organisation: Ban Tuyên giáo Thành ủy Thử
sample: true
sources:
  - id: phuong-an
    url: ${servers["phuong-an"]?.origin}/
  - id: phuong-binh
    name: Phường Bình (tên trong tệp nguồn)
    url: ${servers["phuong-binh"]?.origin}/
  - id: xa-cuong
    path: sites/xa-cuong
  - id: hong-json
    url: ${servers["hong-json"]?.origin}/
  - id: sai-khuon
    url: ${servers["sai-khuon"]?.origin}/
  - id: cham
    url: ${slow.origin}/
`,
  );
  return {
    root,
    built,
    servers,
    slow,
    sourcesFile,
    async close() {
      for (const s of Object.values(servers)) await s?.close();
      await slow.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface FixtureExemplar {
  site: SiteId;
  slug: string;
  kind: string;
  field: string;
  date: string;
  title: string;
}

/** Every published exemplar of the fixture trees, read from the Markdown files themselves (not from any export). */
export async function fixtureExemplars(): Promise<FixtureExemplar[]> {
  const out: FixtureExemplar[] = [];
  for (const site of SITES) {
    const base = path.join(FIXTURES, site, "exemplars");
    for (const year of await readdir(base)) {
      for (const file of await readdir(path.join(base, year))) {
        const text = await readFile(path.join(base, year, file), "utf8");
        const data = parseYaml(text.split(/^---$/m)[1] as string) as { draft?: boolean; kind: string; field: string; date: string; title: string };
        if (data.draft) continue;
        out.push({ site, slug: file.replace(/\.md$/, ""), kind: data.kind, field: data.field, date: String(data.date), title: data.title });
      }
    }
  }
  return out;
}

/** Activities per site and quarter, from the files. */
export async function fixtureActivities(): Promise<{ site: SiteId; date: string }[]> {
  const out: { site: SiteId; date: string }[] = [];
  for (const site of SITES) {
    const base = path.join(FIXTURES, site, "activities");
    const years = await readdir(base).catch(() => [] as string[]);
    for (const year of years) {
      for (const file of await readdir(path.join(base, year))) {
        const data = parseYaml((await readFile(path.join(base, year, file), "utf8")).split(/^---$/m)[1] as string) as { date: string };
        out.push({ site, date: String(data.date) });
      }
    }
  }
  return out;
}

/** "2019-Q2" for a plain date, by its month. */
export function quarterOfDate(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
