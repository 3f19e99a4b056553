// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by file, for docs/performance.md.
import { readFile } from "node:fs/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileRow {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: ProfileRow[];
  byFile: ProfileRow[];
}

/** Shortens a script URL to something readable: `node_modules/<pkg>/…` or the path under the repository. */
export function shortUrl(url: string): string {
  if (!url) return "(native)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) return url.slice(nm + "node_modules/".length);
  const src = url.search(/\/(src|scripts)\//);
  if (src >= 0) return url.slice(src + 1);
  return url.replace(/^file:\/\//, "");
}

/** Self time per function and per file, largest first. */
export function summariseProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    // Native frames (GC, idle, system calls) are told apart by name: one "(native)" bucket would hide them.
    const where = url ? shortUrl(url) : `(native) ${functionName || "?"}`;
    const name = url ? `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}` : where;
    fn.set(name, (fn.get(name) ?? 0) + ms);
    file.set(where, (file.get(where) ?? 0) + ms);
  }
  const rows = (m: Map<string, number>): ProfileRow[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: totalMs > 0 ? ms / totalMs : 0 }));
  return { totalMs: Math.round(totalMs), byFunction: rows(fn), byFile: rows(file) };
}

export async function summariseProfileFile(file: string, top = 15): Promise<ProfileSummary> {
  return summariseProfile(JSON.parse(await readFile(file, "utf8")) as CpuProfile, top);
}

/** A plain-text rendering: two small tables. */
export function formatProfile(summary: ProfileSummary): string {
  const line = (r: ProfileRow) => `  ${String(r.ms).padStart(7)} ms ${(r.share * 100).toFixed(1).padStart(5)} %  ${r.name}`;
  return [`Total ${summary.totalMs} ms`, "Self time by file:", ...summary.byFile.map(line), "Self time by function:", ...summary.byFunction.map(line)].join("\n");
}
