// Smoke run of `npm run bench` at a small N, end to end: every step runs and the JSON has its shape. No timing is asserted.
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { main } from "../../scripts/bench.ts";
import { generateCorpus } from "../../src/bench/corpus.ts";
import { STEP_IDS, type BenchResult } from "../../src/bench/run.ts";
import type { SiteConfig } from "../../src/content/model.ts";

const REPO = path.resolve(import.meta.dirname, "../..");

function sink() {
  let text = "";
  return { write: (s: string) => ((text += s), true), get text() { return text; } };
}

describe("npm run bench (smoke, N = 50)", () => {
  it("runs every step, including our rebuilds, the dev server's edits and the PDF step, and prints one JSON line only with --json", async () => {
    const stdout = sink();
    const stderr = sink();
    const keep = await mkdtemp(path.join(tmpdir(), "gs-bench-test-"));
    const code = await main(["--count", "50", "--json", "--runs", "1", "--pdf-runs", "1", "--aggregate", "4x20", "--keep", keep], { stdout, stderr });
    const lines = stdout.text.trim().split("\n");
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]!) as BenchResult;
    const failed = Object.values(r.steps).filter((s) => s && !s.ok).map((s) => `${s!.id}: ${s!.error}`);
    expect(failed).toEqual([]);
    expect(code).toBe(0);

    expect(r.schema).toBe("guong-sang-bench/1");
    expect(r.count).toBe(50);
    expect(r.corpus.exemplars).toBe(50);
    expect(Object.keys(r.steps).sort()).toEqual([...STEP_IDS].sort());
    for (const id of STEP_IDS) {
      const step = r.steps[id];
      expect(step, id).not.toBeNull();
      expect(step!.ok, id).toBe(true);
      expect(step!.ms, id).toBeGreaterThan(0);
      expect(step!.peakRssBytes, id).toBeGreaterThan(10 * 2 ** 20);
      expect(step!.loadavg, id).toEqual({ start: expect.any(Number), end: expect.any(Number) });
    }
    // Each step did its work on the same corpus.
    expect(r.steps.floor!.detail.files).toBe(r.corpus.files - 1);
    expect(r.steps.validate!.detail).toMatchObject({ files: r.corpus.files, errors: 0 });
    expect(r.steps.validateWarm!.detail).toMatchObject({ files: r.corpus.files, errors: 0, cacheHits: r.corpus.files, cacheMisses: 0 });
    expect(r.steps.eleventy!.detail.files).toBe(r.corpus.files - 1);
    expect(r.steps.rebuild!.detail.changed).toMatch(/^exemplars\/\d{4}\/.+\.md$/);
    expect(Object.keys(r.steps.build!.detail.phases as object).length).toBeGreaterThan(2);
    // Nothing changed between the build and this rebuild: it validates and stops, writing nothing.
    expect(Object.keys(r.steps.rebuildNoChange!.detail.phases as object)).toEqual(["Kiểm tra nội dung", "Tổng"]);
    expect(r.steps.validateFile!.detail).toMatchObject({ findings: 0, file: expect.stringMatching(/^exemplars\/\d{4}\/.+\.md$/) });

    // The dev server row: 10 edits of three kinds on 10 different exemplars, each seen on the exemplar's page.
    const dev = r.steps.devEdit!;
    const edits = dev.detail.edits as { kind: string; file: string; path: string; ms: number; expected: string; polls: number }[];
    expect(edits).toHaveLength(10);
    expect(dev.runs).toBe(10);
    expect(edits.map((e) => e.kind)).toEqual(["body", "title", "unit", "body", "title", "unit", "body", "title", "unit", "body"]);
    expect(new Set(edits.map((e) => e.file)).size).toBe(10);
    for (const e of edits) {
      expect(e.path).toBe(`/dien-hinh/${path.basename(e.file, ".md")}/`);
      expect(e.ms, e.file).toBeGreaterThan(0);
      expect(e.polls, e.file).toBeGreaterThanOrEqual(1);
    }
    const site = parse(await readFile(path.join(REPO, "content/site.yaml"), "utf8")) as SiteConfig;
    for (const e of edits.filter((x) => x.kind === "unit")) expect(site.units.map((u) => u.name)).toContain(e.expected);
    expect(new Set(edits.filter((x) => x.kind !== "unit").map((e) => e.expected)).size).toBe(7);
    expect(dev.detail.medianMs).toBe(dev.ms);
    expect(dev.ms).toBeGreaterThan(0);
    expect(dev.detail.maxMs as number).toBeGreaterThanOrEqual(dev.ms);
    expect(dev.detail.startupMs as number).toBeGreaterThan(0);
    expect(dev.detail.exemplars).toBe(50);
    // Memory stays flat over the edits: what the server keeps after each (a full collection later) stays near what it
    // kept after start-up; a server holding on to each edit's model or pages would grow by far more.
    const heapStart = dev.detail.heapStartBytes as number;
    expect(heapStart).toBeGreaterThan(10 * 2 ** 20);
    for (const e of edits as unknown as { heapBytes: number; file: string }[]) expect(e.heapBytes, e.file).toBeLessThan(heapStart + 64 * 2 ** 20);

    // Every edited file was put back: the kept corpus equals a fresh one of the same seed but for the rebuild's sentence.
    const fresh = path.join(keep, "fresh");
    await generateCorpus({ count: 50, out: fresh, site });
    const md = async (d: string) => ((await readdir(d, { recursive: true })) as string[]).filter((f) => f.endsWith(".md")).sort();
    const files = await md(fresh);
    expect(await md(path.join(keep, "content"))).toEqual(files);
    const differing: string[] = [];
    for (const f of files) if ((await readFile(path.join(fresh, f), "utf8")) !== (await readFile(path.join(keep, "content", f), "utf8"))) differing.push(f.split(path.sep).join("/"));
    expect(differing).toEqual([r.steps.rebuild!.detail.changed]);
    await rm(keep, { recursive: true, force: true });
    expect(r.steps.pdf!.detail).toMatchObject({ pages: expect.any(Number), bareMs: expect.any(Number) });
    expect(r.steps.pdf!.detail.pages as number).toBeGreaterThan(150);
    expect(r.steps.aggregate!.detail).toMatchObject({ sources: 4, exemplarsPerSource: 20, read: 4 });
    expect(r.steps.aggregate!.detail.pages as number).toBeGreaterThan(10);

    for (const key of ["fullVsEleventy", "validateVsFloor", "rebuildVsFull", "noChangeVsFull", "pdfVsBare"] as const) expect(r.ratios[key], key).toBeGreaterThan(0);
    expect(r.targets.map((t) => t.id)).toEqual(["fullVsEleventy", "validateVsFloor", "rebuildVsFull", "noChangeVsFull", "devEdit", "validateFile", "pdfVsBare", "peakRss", "aggregateTime"]);
    // The aggregate's target counts only at full size (150 × 500), the dev server's and one-file validation's from
    // 10,000 exemplars; the smoke run is smaller.
    for (const t of r.targets) expect(typeof t.pass, t.id).toBe(["aggregateTime", "devEdit", "validateFile"].includes(t.id) ? "object" : "boolean");
  }, 900_000);

  it("prints the table with the ratios and PASS/FAIL lines, then the JSON line", async () => {
    const { formatBench, evaluateTargets } = await import("../../src/bench/run.ts");
    const step = (id: (typeof STEP_IDS)[number], ms: number, detail: Record<string, unknown> = {}) => ({ id, ms, cpuMs: ms, peakRssBytes: 2 ** 30, runs: 1, ok: true, detail });
    const steps = {
      floor: step("floor", 1000, { files: 100, filesPerSecond: 100 }),
      validate: step("validate", 2000, { files: 20_000, filesPerSecond: 10_000 }),
      validateWarm: step("validateWarm", 500),
      validateCli: step("validateCli", 2500),
      validateFile: step("validateFile", 1400, { file: "exemplars/2019/a.md" }),
      eleventy: step("eleventy", 10_000),
      build: step("build", 16_000),
      rebuildNoChange: step("rebuildNoChange", 1600),
      rebuild: step("rebuild", 4000),
      devEdit: step("devEdit", 350, { maxMs: 900, startupMs: 12_000, heapStartBytes: 500 * 2 ** 20, edits: [{ heapBytes: 530 * 2 ** 20 }, { heapBytes: 510 * 2 ** 20 }] }),
      pdf: null,
      aggregate: step("aggregate", 30_000, { sources: 150, exemplarsPerSource: 500, pages: 2000 }),
    };
    const { ratios, targets } = evaluateTargets(steps, 10_000);
    expect(ratios).toEqual({ fullVsEleventy: 1.6, validateVsFloor: 2, rebuildVsFull: 0.25, noChangeVsFull: 0.1, pdfVsBare: null });
    expect(targets.map((t) => [t.id, t.pass])).toEqual([
      ["fullVsEleventy", false],
      ["validateVsFloor", false],
      ["rebuildVsFull", false],
      ["noChangeVsFull", true],
      ["devEdit", false],
      ["validateFile", true],
      ["pdfVsBare", null],
      ["peakRss", true],
      ["aggregateTime", true],
    ]);
    // Below 10,000 exemplars the dev server's and one-file validation's targets are not counted.
    const small = evaluateTargets(steps, 9999).targets;
    expect(small.filter((t) => t.pass === null).map((t) => t.id)).toEqual(["devEdit", "validateFile", "pdfVsBare"]);
    const text = formatBench({
      schema: "guong-sang-bench/1",
      count: 10_000,
      corpus: { exemplars: 100, activities: 10, bulletins: 2, images: 2, files: 113 },
      machine: { cpus: 2, node: "v20", platform: "Linux", loadavgStart: [1, 1, 1], loadavgEnd: [1, 1, 1] },
      steps,
      ratios,
      targets,
      totalMs: 1000,
    });
    expect(text).toContain("FAIL  dựng đầy đủ ≤ 1,5 × Eleventy trần: 1,60×");
    expect(text).toContain("FAIL  dựng lại sau khi sửa 1 điển hình ≤ 0,1 × dựng đầy đủ: 0,25×");
    expect(text).toContain("PASS  dựng lại khi không có gì thay đổi ≤ 0,1 × dựng đầy đủ: 0,10×");
    expect(text).toContain("FAIL  validate ≤ 1,1 × sàn: 2,00×");
    expect(text).toContain("FAIL  sửa một điển hình → trang mới ≤ 0,3 s (trung vị, từ 10 000 điển hình): 0,35 s");
    expect(text).toContain("PASS  npm run validate -- TỆP ≤ 1,5 s (bộ đệm, cả khởi động, từ 10 000 điển hình): 1,40 s");
    expect(text).toContain("N/A   PDF ≤ 1,3 × page.pdf() trần: n/a");
    expect(text).not.toContain("tệp/giây");
    // Every ratio and the two absolute figures, in one block.
    for (const line of ["dựng đầy đủ / Eleventy trần:            1,60×", "validate / sàn:                         2,00×", "dựng lại (sửa 1 điển hình) / đầy đủ:    0,25×", "dựng lại (không thay đổi) / đầy đủ:     0,10×", "npm start, sửa 1 điển hình (trung vị):  0,35 s", "npm run validate -- TỆP:                1,40 s", "PDF / page.pdf() trần:                  n/a"]) expect(text).toContain(line);
    expect(text).toMatch(/npm start: sửa 1 điển hình → trang mới \(trung vị\) +0,35 +0,35 +1\.024 +[^\n]*tối đa 0,90 s; khởi động 12,0 s; heap 500 → 510 MiB sau 2 lần sửa;/);
    expect(text).toContain("PASS  tổng hợp 150 nguồn × 500 điển hình ≤ 60 s: 30,0 s");
  });
});
