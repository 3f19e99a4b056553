// @ts-check
// `node scripts/launch.mjs <script> [args…]` runs scripts/<script>.ts from one precompiled file instead of through
// tsx's module hooks: `npm run validate` on a pull request pays Node's start-up, not a TypeScript loader's
// (docs/performance.md). Plain JavaScript on purpose, since it runs before any TypeScript can.
//
// The bundle is esbuild's (a dependency already), kept in node_modules/.cache/guong-sang-launch/ with the list of
// its inputs' sizes and times; any change to an input (or to package-lock.json) builds it again, in about 0.1 s.
// Every module keeps its own `import.meta.url`, so paths it resolves (schemas/, templates) are the same as under
// tsx, and the script sees itself as the entry (`process.argv[1]`), so it runs exactly as `tsx scripts/<script>.ts`.
// When the bundle cannot be made (no esbuild, a read-only folder) the script runs through tsx in this process.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "guong-sang-launch");
const LOCK = path.join(ROOT, "package-lock.json");

/** @param {string} file */
function stampOf(file) {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return "-";
  }
}

/**
 * The bundle of scripts/<name>.ts when it is still current: every input and the lock file unchanged since it was built.
 * @param {string} name @returns {string | undefined}
 */
export function currentBundle(name) {
  const bundle = path.join(CACHE, `${name}.mjs`);
  try {
    const manifest = JSON.parse(readFileSync(path.join(CACHE, `${name}.json`), "utf8"));
    if (manifest.format !== 1 || manifest.lock !== stampOf(LOCK) || manifest.bundle !== stampOf(bundle)) return undefined;
    for (const [file, stamp] of Object.entries(manifest.inputs)) if (stampOf(path.join(ROOT, file)) !== stamp) return undefined;
    return bundle;
  } catch {
    return undefined;
  }
}

/**
 * Bundles scripts/<name>.ts into the cache, with its manifest. Packages stay outside (resolved from node_modules).
 * @param {string} name @returns {Promise<string>}
 */
export async function buildBundle(name) {
  const esbuild = await import("esbuild");
  const entry = path.join(ROOT, "scripts", `${name}.ts`);
  /** @type {import("esbuild").Plugin} */
  const ownUrl = {
    name: "own-import-meta-url",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        const url = JSON.stringify(pathToFileURL(args.path).href);
        return { contents: source.replaceAll("import.meta.url", url), loader: "ts" };
      });
    },
  };
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    metafile: true,
    absWorkingDir: ROOT,
    logLevel: "silent",
    plugins: [ownUrl],
    outfile: path.join(CACHE, `${name}.mjs`),
  });
  const out = result.outputFiles.find((f) => f.path.endsWith(".mjs"));
  if (!out) throw new Error("esbuild wrote no bundle");
  mkdirSync(CACHE, { recursive: true });
  /** Written whole or not at all, whatever another launch does meanwhile. @param {string} file @param {string | Uint8Array} data */
  const writeAtomic = (file, data) => {
    writeFileSync(`${file}.${process.pid}.tmp`, data);
    renameSync(`${file}.${process.pid}.tmp`, file);
  };
  const bundle = path.join(CACHE, `${name}.mjs`);
  writeAtomic(bundle, out.contents);
  /** @type {Record<string, string>} */
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) inputs[file] = stampOf(path.join(ROOT, file));
  writeAtomic(path.join(CACHE, `${name}.json`), JSON.stringify({ format: 1, lock: stampOf(LOCK), bundle: stampOf(bundle), inputs }));
  return bundle;
}

/** Set to `tsx` to run the TypeScript sources through tsx instead of the bundle (stack traces then name .ts lines). */
export const LAUNCH_ENV = "GUONG_SANG_LAUNCH";

/** Runs scripts/<name>.ts with `argv`, from its bundle, or through tsx when there cannot be one. @param {string} name */
export async function launch(name) {
  const script = path.join(ROOT, "scripts", `${name}.ts`);
  let bundle;
  if (process.env[LAUNCH_ENV] !== "tsx") bundle = currentBundle(name) ?? (await buildBundle(name).catch(() => undefined));
  process.argv[1] = script; // the script's own "am I the entry?" check
  if (bundle) {
    await import(pathToFileURL(bundle).href);
    return;
  }
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(script).href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const name = process.argv[2] ?? "";
  if (!/^[a-z][a-z-]*$/.test(name) || stampOf(path.join(ROOT, "scripts", `${name}.ts`)) === "-") {
    process.stderr.write(`Không có lệnh "${name}" trong scripts/. Dùng: node scripts/launch.mjs validate [tùy chọn]\n`);
    process.exit(2);
  }
  process.argv.splice(2, 1);
  await launch(name);
}
