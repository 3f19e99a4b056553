// The one entry point: loadContent(dir) reads a content tree once, validates every file and every cross-file rule, and returns the model with all findings.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { CONTENT_TYPES, type ContentModel, type ContentType, type Entry, type Finding, type SiteConfig } from "./model.ts";
import { parseFile, type FileRef, type LocalFinding, type ParsedDoc } from "./parse.ts";
import { makeContext, type SiteCatalogues, type TreeEntry } from "./rules/context.ts";
import { rules, WAITING_RULES, type Rule, type RuleContext } from "./rules/index.ts";

export interface LoadOptions {
  /** Keep drafts in the model (they are validated either way). */
  drafts?: boolean;
  /**
   * Report findings only for these files (paths relative to `cwd`, or absolute); cross-file rules still see the whole
   * tree. Checks of one document alone run only for these, so the model may then keep other files' entries that such
   * a check would have refused: use the model of a load without `files` to build.
   */
  files?: string[];
  /** Directory finding paths are relative to (default: process.cwd()). */
  cwd?: string;
  /** Parses one file (default `parseFile`); the build passes a cached one (src/build/cache.ts). Must behave exactly like `parseFile`. */
  parse?: typeof parseFile;
  /**
   * The document parsed earlier for this file when it is known not to have changed (the dev server's watcher knows);
   * returning one skips reading and parsing the file. Undefined reads and parses it as usual.
   */
  reuse?: (ref: FileRef) => ParsedDoc | undefined;
  /**
   * The tree an earlier load of the same folder walked (`LoadResult.tree`), when the caller knows that no path was
   * added, removed or renamed since (the dev server's watcher reported changes of existing files only).
   */
  tree?: readonly TreeEntry[];
}

export interface LoadResult {
  model: ContentModel;
  findings: Finding[];
  /** How many content files (site.yaml and Markdown) were checked, counting only `files` when given. */
  checked: number;
  /** Every path the load found in the folder (for `LoadOptions.tree`). */
  tree: readonly TreeEntry[];
}

const TYPE_BY_FOLDER = new Map<string, ContentType>(Object.entries(CONTENT_TYPES).map(([type, { folder }]) => [folder, type as ContentType]));
const IMAGE_RE = /\.(jpe?g|png|webp)$/i;

/** Where a path sits in the content tree. */
export function classify(rel: string): Pick<TreeEntry, "role" | "type"> {
  const parts = rel.split("/");
  const name = parts[parts.length - 1] as string;
  if (rel === "site.yaml") return { role: "site" };
  if (name === "README.md") return { role: "readme" };
  const type = TYPE_BY_FOLDER.get(parts[0] as string);
  if (!type) return { role: "unknown" };
  if (IMAGE_RE.test(name) && parts.length >= 2) return { role: "image", type };
  if (!name.endsWith(".md")) return { role: "unknown", type };
  if (type === "bulletin" ? parts.length === 2 : parts.length === 3) return { role: "content", type };
  return { role: "unknown", type };
}

/**
 * Every path under `root`, classified. Synchronous on purpose, like the reads below: for ten thousand entries one
 * readdirSync per folder is several times cheaper than a promise per entry (the dev server walks after every edit).
 */
function walkTree(root: string): TreeEntry[] {
  const out: TreeEntry[] = [];
  const visit = (absDir: string, relDir: string): void => {
    let dirents;
    try {
      dirents = readdirSync(absDir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of dirents) {
      if (d.name.startsWith(".")) continue; // .gitkeep, .DS_Store: tooling, not content
      const rel = relDir ? `${relDir}/${d.name}` : d.name;
      const abs = path.join(absDir, d.name);
      let isDirectory = d.isDirectory();
      let escapes = false;
      const link = d.isSymbolicLink();
      if (link) {
        try {
          const target = realpathSync(abs);
          escapes = target !== root && !target.startsWith(root + path.sep);
          isDirectory = statSync(target).isDirectory();
        } catch {
          escapes = true;
        }
      }
      const entry: TreeEntry = { file: rel, absPath: abs, isDirectory, ...classify(rel), ...(escapes ? { escapes } : {}), ...(link ? { link: true } : {}) };
      if (isDirectory) {
        entry.role = TYPE_BY_FOLDER.has(rel.split("/")[0] as string) ? "content" : "unknown";
        entry.type = TYPE_BY_FOLDER.get(rel.split("/")[0] as string);
      }
      out.push(entry);
      if (isDirectory && !escapes && !link) visit(abs, rel);
    }
  };
  visit(root, "");
  return out;
}

function catalogues(site: ParsedDoc | undefined): SiteCatalogues | undefined {
  const data = site?.data;
  if (!data) return undefined;
  const ids = (key: string): string[] => {
    const list = data[key];
    if (!Array.isArray(list)) return [];
    return list.flatMap((item) => (item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string" ? [(item as { id: string }).id] : []));
  };
  return {
    units: ids("units"),
    wards: ids("wards"),
    fields: ids("fields"),
    channels: ids("channels"),
    activityTypes: ids("activityTypes"),
    anniversaries: ids("anniversaries"),
  };
}

function slugOf(rel: string): string {
  return path.posix.basename(rel, ".md");
}

const fileSets = new WeakMap<readonly TreeEntry[], Set<string>>();

/** The files of a walk, as a set, made once per walk (a reused walk reuses it). */
function filesOf(tree: readonly TreeEntry[]): Set<string> {
  let set = fileSets.get(tree);
  if (!set) fileSets.set(tree, (set = new Set(tree.filter((e) => !e.isDirectory).map((e) => e.file))));
  return set;
}

/** One entry per parsed document: a document reused by a later load keeps its entry, so work memoised per entry stays valid. */
const entryOf = new WeakMap<ParsedDoc, Entry>();

function toEntry(doc: ParsedDoc): Entry {
  let entry = entryOf.get(doc);
  if (!entry) entryOf.set(doc, (entry = newEntry(doc)));
  return entry;
}

function newEntry(doc: ParsedDoc): Entry {
  const entry: Entry = {
    type: doc.type as ContentType,
    slug: doc.slug,
    file: doc.file,
    absPath: doc.absPath,
    data: undefined as never,
    body: "",
    bodyLine: doc.bodyLine,
    draft: doc.draft,
    hash: doc.hash,
  };
  // A document whose data and text are fetched only when asked (an unchanged file under the validator's cache:
  // src/build/parse-cache.ts) keeps them lazy in its entry too, so validating one file does not read the whole tree.
  for (const key of ["data", "body"] as const) {
    const own = Object.getOwnPropertyDescriptor(doc, key);
    if (own && !own.get) (entry as unknown as Record<string, unknown>)[key] = doc[key];
    else Object.defineProperty(entry, key, { get: () => doc[key], enumerable: true, configurable: true });
  }
  return entry;
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** The finding for a bug in the validator itself: it names the file and the step, and the other findings stand. */
function internalError(file: string, step: string, error: unknown): LocalFinding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    file,
    line: 1,
    column: 1,
    severity: "error",
    rule: "internal-error",
    message: `Lỗi nội bộ của trình kiểm tra khi ${step} (không phải lỗi của bạn): ${detail}. Các kiểm tra khác vẫn được báo; hãy gửi dòng này cho người quản trị kho.`,
  };
}

/**
 * Runs one cross-file rule. A rule that throws loses only its own findings: it is run again on each
 * file alone, only to learn which files make it throw, and each of those gets an `internal-error`
 * finding (site.yaml when no single file does).
 */
export async function runRule(rule: Rule, ctx: RuleContext): Promise<LocalFinding[]> {
  try {
    return await rule(ctx);
  } catch (error) {
    const step = `chạy quy tắc ${rule.name || "liên tệp"}`;
    const failing: LocalFinding[] = [];
    for (const doc of ctx.docs) {
      const byType = { exemplar: [], plan: [], activity: [], bulletin: [] } as Record<ContentType, ParsedDoc[]>;
      byType[doc.type as ContentType].push(doc);
      try {
        await rule({ ...ctx, docs: [doc], byType });
      } catch (own) {
        failing.push(internalError(doc.file, step, own));
      }
    }
    return failing.length > 0 ? failing : [internalError("site.yaml", step, error)];
  }
}

/** Reads and validates a content tree. Never throws on bad content; every problem is a finding. */
export async function loadContent(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const given = path.resolve(cwd, dir);
  let root = given;
  try {
    root = await realpath(given);
  } catch {
    // reported below as a missing site.yaml
  }
  const tree = options.tree ?? walkTree(root);
  const local: LocalFinding[] = [];

  const refs: FileRef[] = [];
  for (const entry of tree) {
    if (entry.isDirectory || entry.escapes) continue;
    if (entry.role === "site") refs.push({ kind: "site", slug: "site", file: entry.file, absPath: entry.absPath });
    else if (entry.role === "content" && entry.type) refs.push({ kind: entry.type, type: entry.type, slug: slugOf(entry.file), file: entry.file, absPath: entry.absPath });
  }
  refs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  // One plain loop: reading and parsing are synchronous, so promises per file would only add overhead.
  const parse = options.parse ?? parseFile;
  const docs = refs.map((ref) => {
    const earlier = options.reuse?.(ref);
    if (earlier) return earlier;
    let bytes: Uint8Array;
    try {
      // Synchronous on purpose: for many small files one readFileSync is several times cheaper than
      // fs/promises' open + fstat + read + close round trips through the thread pool (measured: docs/performance.md).
      bytes = readFileSync(ref.absPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      local.push({ file: ref.file, line: 1, column: 1, severity: "error", rule: "file-unreadable", message: `Không đọc được tệp (${code}). Hãy kiểm tra quyền đọc tệp.` });
      return undefined;
    }
    // Parsing never throws on content; an exception here is a bug, reported against this file only.
    try {
      return parse(ref, bytes);
    } catch (error) {
      local.push(internalError(ref.file, `đọc tệp`, error));
      return undefined;
    }
  });

  const site = docs.find((d) => d?.kind === "site");
  const contentDocs = docs.filter((d): d is ParsedDoc => d !== undefined && d.kind !== "site");
  if (!site) {
    local.push({
      file: "site.yaml",
      line: 1,
      column: 1,
      severity: "error",
      rule: "site-missing",
      message: "Không tìm thấy tệp site.yaml trong thư mục nội dung. Hãy kiểm tra đường dẫn --content hoặc tạo lại tệp site.yaml.",
    });
  }
  for (const d of docs) if (d && d.problems.length > 0) local.push(...d.problems);

  const byType: Record<ContentType, ParsedDoc[]> = { exemplar: [], plan: [], activity: [], bulletin: [] };
  for (const d of contentDocs) byType[d.type as ContentType].push(d);

  // `files` as paths in the tree, through the folder named or its real path. Checks that concern one document alone
  // run for those documents only (their findings would be dropped anyway); cross-file rules still read every document.
  const only = options.files
    ? new Set(
        options.files.flatMap((f) => {
          const abs = path.resolve(cwd, f);
          return [path.relative(given, abs), path.relative(root, abs)].map((r) => r.split(path.sep).join("/"));
        }),
      )
    : undefined;
  const ctx = makeContext({
    ...(only ? { only } : {}),
    dir: root,
    site,
    catalogues: site?.schemaValid ? catalogues(site) : undefined,
    docs: contentDocs,
    byType,
    tree,
    files: filesOf(tree),
  });
  // Rules that wait on the file system (image decoding, on the thread pool) come first in the list, and while one of
  // them still waits the event loop turns between rules, so its reads and decodes run on another core while this thread
  // checks text. Once none waits (the dev server's memoised images settle at once), rules run back to back.
  const started: Promise<LocalFinding[]>[] = [];
  let waiting = 0;
  for (const rule of rules) {
    const run = runRule(rule, ctx);
    started.push(run);
    if (WAITING_RULES.has(rule)) {
      waiting++;
      void run.finally(() => waiting--);
    }
    if (waiting > 0) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const found of await Promise.all(started)) local.push(...found);

  const errorFiles = new Set(local.filter((f) => f.severity === "error").map((f) => f.file));
  const keep = (d: ParsedDoc): boolean => d.schemaValid && !errorFiles.has(d.file) && (options.drafts === true || !d.draft);
  const entries = (type: ContentType) => byType[type].filter(keep).map(toEntry);
  const model: ContentModel = {
    dir: root,
    site: (site?.data ?? {}) as unknown as SiteConfig,
    exemplars: entries("exemplar") as ContentModel["exemplars"],
    plans: entries("plan") as ContentModel["plans"],
    activities: entries("activity") as ContentModel["activities"],
    bulletins: entries("bulletin") as ContentModel["bulletins"],
  };

  // Paths the author sees are relative to the working directory, through the folder they named.
  const shownPath = (rel: string): string => path.relative(cwd, path.join(given, rel)).split(path.sep).join("/");
  const findings: Finding[] = local
    .filter((f) => {
      if (!only) return true;
      if (f.file === "site.yaml" && f.severity === "error") return true; // a broken site.yaml breaks every file
      return only.has(f.file);
    })
    .map((f) => ({ file: shownPath(f.file), line: f.line, column: f.column, severity: f.severity, rule: f.rule, message: f.message }));
  findings.sort(compareFindings);
  const checked = only ? refs.filter((r) => only.has(r.file)).length : refs.length;
  return { model, findings, checked, tree };
}
