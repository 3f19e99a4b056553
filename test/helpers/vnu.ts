// The W3C Nu HTML Checker (the `vnu-jar` npm package, run with the machine's Java) over many HTML files in one run.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** Path of vnu.jar inside node_modules (the package's main export is that path). */
export const VNU_JAR = String(require("vnu-jar") as object);

export interface VnuMessage {
  /** The file, relative to the folder given. */
  file: string;
  line?: number;
  type: string;
  message: string;
  extract?: string;
}

/** Runs the checker once over every file (errors only) and returns its messages; throws when Java or the checker cannot run. */
export function checkHtml(dir: string, files: readonly string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      "java",
      ["-Xss16m", "-jar", VNU_JAR, "--errors-only", "--exit-zero-always", "--format", "json", ...files],
      { cwd: dir, maxBuffer: 256 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error) return reject(new Error(`vnu.jar could not run (Java 11 or later is needed): ${error.message}\n${stderr}`));
        try {
          const out = JSON.parse(stderr) as { messages: { url?: string; lastLine?: number; type: string; subType?: string; message: string; extract?: string }[] };
          resolve(
            out.messages
              .filter((m) => m.type === "error" || m.subType === "fatal" || m.type === "non-document-error")
              .map((m) => ({
                file: m.url?.startsWith("file:") ? relative(dir, fileURLToPath(m.url)) : (m.url ?? ""),
                line: m.lastLine,
                type: m.subType ?? m.type,
                message: m.message,
                extract: m.extract,
              })),
          );
        } catch {
          reject(new Error(`vnu.jar gave no JSON report:\n${stderr.slice(0, 2000)}`));
        }
      },
    );
  });
}
