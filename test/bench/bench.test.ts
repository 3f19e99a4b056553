// Smoke run of `npm run bench` at a small N, end to end: every step runs and the JSON has its shape. No timing is asserted.
import { describe, expect, it } from "vitest";
import { main } from "../../scripts/bench.ts";
import { STEP_IDS, type BenchResult } from "../../src/bench/run.ts";

function sink() {
  let text = "";
  return { write: (s: string) => ((text += s), true), get text() { return text; } };
}

describe("npm run bench (smoke, N = 50)", () => {
  it("runs every step, including our rebuild and the PDF step, and prints one JSON line only with --json", async () => {
    const stdout = sink();
    const stderr = sink();
    const code = await main(["--count", "50", "--json", "--runs", "1", "--pdf-runs", "1", "--aggregate", "4x20"], { stdout, stderr });
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
    }
    // Each step did its work on the same corpus.
    expect(r.steps.floor!.detail.files).toBe(r.corpus.files - 1);
    expect(r.steps.validate!.detail).toMatchObject({ files: r.corpus.files, errors: 0 });
    expect(r.steps.validateWarm!.detail).toMatchObject({ files: r.corpus.files, errors: 0, cacheHits: r.corpus.files, cacheMisses: 0 });
    expect(r.steps.eleventy!.detail.files).toBe(r.corpus.files - 1);
    expect(r.steps.rebuild!.detail.changed).toMatch(/^exemplars\/\d{4}\/.+\.md$/);
    expect(Object.keys(r.steps.build!.detail.phases as object).length).toBeGreaterThan(2);
    expect(r.steps.pdf!.detail).toMatchObject({ pages: expect.any(Number), bareMs: expect.any(Number) });
    expect(r.steps.pdf!.detail.pages as number).toBeGreaterThan(150);
    expect(r.steps.aggregate!.detail).toMatchObject({ sources: 4, exemplarsPerSource: 20, read: 4 });
    expect(r.steps.aggregate!.detail.pages as number).toBeGreaterThan(10);

    for (const key of ["fullVsEleventy", "validateVsFloor", "rebuildVsFull", "pdfVsBare"] as const) expect(r.ratios[key], key).toBeGreaterThan(0);
    expect(r.targets.map((t) => t.id)).toEqual(["validateRate", "fullVsEleventy", "rebuildVsFull", "pdfVsBare", "peakRss", "aggregateTime"]);
    // The aggregate's target counts only at full size (150 × 500); the smoke run is smaller.
    for (const t of r.targets) expect(typeof t.pass, t.id).toBe(t.id === "aggregateTime" ? "object" : "boolean");
  }, 900_000);

  it("prints the table with the ratios and PASS/FAIL lines, then the JSON line", async () => {
    const { formatBench, evaluateTargets } = await import("../../src/bench/run.ts");
    const step = (id: (typeof STEP_IDS)[number], ms: number, detail: Record<string, unknown> = {}) => ({ id, ms, cpuMs: ms, peakRssBytes: 2 ** 30, runs: 1, ok: true, detail });
    const steps = {
      floor: step("floor", 1000, { files: 100, filesPerSecond: 100 }),
      validate: step("validate", 2000, { files: 20_000, filesPerSecond: 10_000 }),
      validateWarm: step("validateWarm", 500),
      validateCli: step("validateCli", 2500),
      eleventy: step("eleventy", 10_000),
      build: step("build", 16_000),
      rebuild: step("rebuild", 4000),
      pdf: null,
      aggregate: step("aggregate", 30_000, { sources: 150, exemplarsPerSource: 500, pages: 2000 }),
    };
    const { ratios, targets } = evaluateTargets(steps);
    expect(ratios).toEqual({ fullVsEleventy: 1.6, validateVsFloor: 2, rebuildVsFull: 0.25, pdfVsBare: null });
    expect(targets.map((t) => [t.id, t.pass])).toEqual([
      ["validateRate", true],
      ["fullVsEleventy", false],
      ["rebuildVsFull", true],
      ["pdfVsBare", null],
      ["peakRss", true],
      ["aggregateTime", true],
    ]);
    const text = formatBench({
      schema: "guong-sang-bench/1",
      count: 100,
      corpus: { exemplars: 100, activities: 10, bulletins: 2, images: 2, files: 113 },
      machine: { cpus: 2, node: "v20", platform: "Linux", loadavgStart: [1, 1, 1], loadavgEnd: [1, 1, 1] },
      steps,
      ratios,
      targets,
      totalMs: 1000,
    });
    expect(text).toContain("FAIL  dựng đầy đủ ≤ 1,5 × Eleventy trần: 1,60×");
    expect(text).toContain("PASS  dựng lại ≤ 0,25 × dựng đầy đủ: 0,25×");
    expect(text).toContain("N/A   PDF ≤ 1,3 × page.pdf() trần: n/a");
    expect(text).toContain("PASS  validate ≥ 10 000 tệp/giây: 10.000 tệp/s");
    expect(text).toContain("PASS  tổng hợp 150 nguồn × 500 điển hình ≤ 60 s: 30,0 s");
  });
});
