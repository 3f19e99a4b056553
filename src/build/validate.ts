// `npm run validate` with the build cache: an unchanged file is not parsed again (src/build/parse-cache.ts), so
// checking one changed file in a large tree costs reading the tree, not parsing it. The command itself is the
// validator's (src/content/cli.ts); this room only lends it the cache, which lives above it.
import path from "node:path";
import { parseArgs, runValidate, type ValidateIO } from "../content/cli.ts";
import { prepareCacheDir } from "../util/output-dir.ts";
import { resolveCacheDir } from "./cache.ts";
import { openParseCache, openStampCache, stampedParse } from "./parse-cache.ts";

export async function runValidateCached(argv: readonly string[], io: ValidateIO): Promise<number> {
  const cacheDir = resolveCacheDir(io.cwd, io.env);
  let content: string;
  try {
    const args = parseArgs(argv, io.env);
    if (args.help) return runValidate(argv, io);
    content = path.resolve(io.cwd, args.content);
  } catch {
    return runValidate(argv, io); // it explains the usage error
  }
  if (!cacheDir) return runValidate(argv, io);
  // The cache only ever saves work: a folder that cannot be used leaves the command as it was.
  const stores = await prepareCacheDir(cacheDir, { cwd: io.cwd, contentDir: content, isDefault: cacheDir === resolveCacheDir(io.cwd, {}) })
    .then(() => Promise.all([openParseCache(cacheDir), openStampCache(cacheDir)]))
    .catch(() => undefined);
  if (!stores) return runValidate(argv, io);
  const [store, stamps] = stores;
  const { parse, reuse } = stampedParse(stamps, store);
  const done = () => Promise.all([store.save(), stamps.save()]).then(() => {}, () => {});
  return runValidate(argv, { ...io, parser: { parse, reuse, done } });
}
