// The property: for every hostile case, validate and build keep their invariants (see invariants.ts). Shared by the test and `npm run fuzz`.
import fc from "fast-check";
import { hostileCase, type HostileCase } from "./hostile.ts";
import { runCase } from "./invariants.ts";

export interface FuzzStats {
  runs: number;
  validated: number;
  built: number;
}

/** The property over hostile cases; `stats` counts how many cases got as far as a build. */
export function hostileProperty(stats: FuzzStats = { runs: 0, validated: 0, built: 0 }, log?: (line: string) => void): fc.IAsyncPropertyWithHooks<[HostileCase]> {
  return fc.asyncProperty(hostileCase(), async (c) => {
    const started = Date.now();
    const result = await runCase(c);
    log?.(`case ${stats.runs + 1}: ${c.mode}, validate ${result.validateCode}, ${result.built ? "built" : "not built"}, ${result.problems.length} problems, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    stats.runs++;
    if (result.validateCode === 0) stats.validated++;
    if (result.built) stats.built++;
    if (result.problems.length > 0) throw new Error(result.problems.join("\n"));
  });
}

export interface FuzzOptions {
  runs: number;
  seed?: number;
  /** Replays one failure: the `path` fast-check printed with its seed. */
  path?: string;
  log?: (line: string) => void;
}

/** Runs the property and returns fast-check's report (failed, seed, path, counterexample) with the counts. */
export async function fuzz(options: FuzzOptions): Promise<{ details: fc.RunDetails<[HostileCase]>; stats: FuzzStats }> {
  const stats: FuzzStats = { runs: 0, validated: 0, built: 0 };
  const details = await fc.check(hostileProperty(stats, options.log), {
    numRuns: options.runs,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.path !== undefined ? { path: options.path } : {}),
    // Every case is a whole build: shrinking would take hours. The failing case is printed whole instead.
    endOnFailure: true,
  });
  return { details, stats };
}
