// Runs one benchmark step in a child process and measures wall time, CPU time and peak memory of its whole process tree.
import { spawn } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { performance } from "node:perf_hooks";

export interface ChildMeasure {
  /** Wall time seen by the parent, from spawn to exit. */
  wallMs: number;
  /** User + system CPU of the tree, sampled from /proc (approximate: the last sample before exit). */
  cpuMs: number;
  /**
   * Peak resident memory: the larger of the highest single-process high-water mark (VmHWM) and the highest
   * sum of the tree's resident sets seen at one sample. Exact for one process, a close lower bound for a tree.
   */
  peakRssBytes: number;
  exitCode: number;
  /** Set when the tree was ended by `timeoutMs` or `killAboveRssBytes`. */
  killed?: "timeout" | "memory";
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Sampling interval of /proc, in milliseconds. */
  intervalMs?: number;
  /** Kill the tree after this long. */
  timeoutMs?: number;
  /** Kill the tree when its resident memory passes this many bytes (protects a shared machine). */
  killAboveRssBytes?: number;
}

const CLK_TCK = 100; // Linux reports /proc/<pid>/stat times in clock ticks of 1/100 s on every mainstream kernel.

interface ProcSample {
  rss: number;
  hwm: number;
  cpuTicks: number;
}

async function readProc(pid: number): Promise<ProcSample | undefined> {
  try {
    const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, "utf8"), readFile(`/proc/${pid}/stat`, "utf8")]);
    const kb = (key: string): number => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status);
      return m ? Number(m[1]) * 1024 : 0;
    };
    // Fields after the command name (which may hold spaces) start at state; utime is field 14, stime 15.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cpuTicks = Number(rest[11]) + Number(rest[12]);
    return { rss: kb("VmRSS"), hwm: kb("VmHWM"), cpuTicks };
  } catch {
    return undefined; // gone between listing and reading
  }
}

async function childrenOf(pid: number): Promise<number[]> {
  try {
    const tasks = await readdir(`/proc/${pid}/task`);
    const lists = await Promise.all(tasks.map((t) => readFile(`/proc/${pid}/task/${t}/children`, "utf8").catch(() => "")));
    return lists.flatMap((l) => l.split(" ").filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

async function treeOf(root: number): Promise<number[]> {
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(await childrenOf(pid)));
  }
  return out;
}

/** Runs `command args` and watches its process tree until it exits. Never throws for a non-zero exit. */
export function runMeasured(command: string, args: readonly string[], options: RunOptions = {}): Promise<ChildMeasure> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so a timeout can end the whole tree
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => stdout.push(b));
    child.stderr.on("data", (b: Buffer) => stderr.push(b));
    let peakHwm = 0;
    let peakSum = 0;
    const cpuByPid = new Map<number, number>();
    let sampling = false;
    const sample = async (): Promise<void> => {
      if (sampling || child.pid === undefined) return;
      sampling = true;
      try {
        const pids = await treeOf(child.pid);
        const samples = await Promise.all(pids.map(readProc));
        let sum = 0;
        samples.forEach((s, i) => {
          if (!s) return;
          sum += s.rss;
          peakHwm = Math.max(peakHwm, s.hwm);
          cpuByPid.set(pids[i] as number, s.cpuTicks);
        });
        peakSum = Math.max(peakSum, sum);
        if (options.killAboveRssBytes !== undefined && sum > options.killAboveRssBytes) kill("memory");
      } finally {
        sampling = false;
      }
    };
    let killed: ChildMeasure["killed"];
    function kill(why: NonNullable<ChildMeasure["killed"]>): void {
      killed ??= why;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    const timer = setInterval(() => void sample(), options.intervalMs ?? 50);
    const killer = options.timeoutMs === undefined ? undefined : setTimeout(() => kill("timeout"), options.timeoutMs);
    child.on("error", (error) => {
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      let cpuTicks = 0;
      for (const t of cpuByPid.values()) cpuTicks += t;
      resolve({
        wallMs,
        cpuMs: (cpuTicks * 1000) / CLK_TCK,
        peakRssBytes: Math.max(peakHwm, peakSum),
        exitCode: code ?? (signal ? 128 : 1),
        ...(killed ? { killed } : {}),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}

/** The marker a step child prints before its JSON result line. */
export const RESULT_MARK = "GUONG_SANG_BENCH_RESULT ";

/** What an in-process step reports about itself (see child.ts). */
export interface StepReport {
  /** Time of the measured work only, without module loading. */
  ms: number;
  cpuMs: number;
  /** process.resourceUsage().maxRSS of the child, in bytes. */
  maxRssBytes: number;
  [key: string]: unknown;
}

/** Finds the child's own report in its output. */
export function parseStepReport(stdout: string): StepReport | undefined {
  const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARK));
  return line ? (JSON.parse(line.slice(RESULT_MARK.length)) as StepReport) : undefined;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
