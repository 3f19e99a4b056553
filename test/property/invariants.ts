// Runs `validate` and `build --no-pdf` on one hostile case and lists every broken invariant (empty list: all held).
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import ICAL from "ical.js";
import { parse as parseHtml } from "parse5";
import { SaxesParser } from "saxes";
import { runBuild } from "../../src/build/cli.ts";
import { runValidate } from "../../src/content/cli.ts";
import { BASE_FIXTURE, fileText, MARKER, siteText, type HostileCase } from "./hostile.ts";

/** A fixed clock inside the base tree's year, so reports and calendars have something in them. */
const NOW = new Date("2019-06-01T03:00:00Z");
/** A JavaScript stack frame line, as a stack trace prints it. */
const STACK_FRAME = /^\s+at .+(\(|\s)(file:|node:|\/).+:\d+(:\d+)?\)?$/m;

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

function io(cwd: string) {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, cwd, env: {} as Record<string, string | undefined> },
  };
}

/** Writes the case as a content tree (the base fixture with every generated file replaced). */
export async function writeCase(c: HostileCase, contentDir: string): Promise<void> {
  await cp(BASE_FIXTURE, contentDir, { recursive: true });
  await rm(path.join(contentDir, "exemplars/2019/ban-nhap-chua-duyet.md"), { force: true });
  await writeFile(path.join(contentDir, "exemplars/2019/khong-phai-anh.jpg"), "đây không phải là ảnh");
  await writeFile(path.join(contentDir, "exemplars/2019/rong.jpg"), "");
  await writeFile(path.join(contentDir, "site.yaml"), siteText(c.site));
  for (const f of c.files) await writeFile(path.join(contentDir, f.file), fileText(f));
}

function commandProblems(name: string, r: Captured): string[] {
  const problems: string[] = [];
  if (r.code !== 0 && r.code !== 1) problems.push(`${name} exited ${r.code}: ${(r.stderr || r.stdout).slice(0, 500)}`);
  const all = `${r.stdout}\n${r.stderr}`;
  if (STACK_FRAME.test(all)) problems.push(`${name} printed a stack trace: ${all.slice(0, 800)}`);
  if (/Lỗi nội bộ/.test(all)) problems.push(`${name} reported an internal error: ${(/.*Lỗi nội bộ.*/.exec(all) ?? [""])[0].slice(0, 500)}`);
  return problems;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

interface Node5 {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string }[];
  childNodes?: Node5[];
  content?: Node5;
}

function htmlProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const doc = parseHtml(text, { onParseError: (e) => problems.push(`${file}:${e.startLine}: HTML parse error ${e.code}`) }) as unknown as Node5;
  const walk = (n: Node5): void => {
    if (n.tagName?.includes(MARKER)) problems.push(`${file}: injected element <${n.tagName}>`);
    for (const a of n.attrs ?? []) if (a.name.includes(MARKER)) problems.push(`${file}: injected attribute ${a.name} on <${n.tagName}>`);
    for (const c of n.childNodes ?? []) walk(c);
    if (n.content) walk(n.content);
  };
  walk(doc);
  return problems.slice(0, 5);
}

function xmlProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => {
    problems.push(`${file}: not well-formed XML: ${e.message}`);
    throw e;
  });
  parser.on("opentag", (tag) => {
    if (tag.name.includes(MARKER)) problems.push(`${file}: injected element <${tag.name}>`);
    for (const name of Object.keys(tag.attributes)) if (name.includes(MARKER)) problems.push(`${file}: injected attribute ${name}`);
  });
  try {
    parser.write(text).close();
  } catch {
    // reported by the error handler
  }
  return problems;
}

function icsProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const lines = text.split("\r\n");
  if (lines.pop() !== "") problems.push(`${file}: does not end with CRLF`);
  for (const [i, line] of lines.entries()) {
    if (/[\r\n]/.test(line)) problems.push(`${file}:${i + 1}: bare CR or LF`);
    if (Buffer.byteLength(line, "utf8") > 75) problems.push(`${file}:${i + 1}: line longer than 75 octets`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(line)) problems.push(`${file}:${i + 1}: control character`);
  }
  try {
    const root = new ICAL.Component(ICAL.parse(text));
    const walk = (c: ICAL.Component): void => {
      for (const p of c.getAllProperties()) if (p.name.includes(MARKER)) problems.push(`${file}: injected property ${p.name.toUpperCase()}`);
      for (const s of c.getAllSubcomponents()) walk(s);
    };
    walk(root);
  } catch (error) {
    problems.push(`${file}: iCalendar parse error: ${String(error)}`);
  }
  return problems.slice(0, 5);
}

function csvProblems(file: string, text: string): string[] {
  try {
    const rows = parseCsv(text, { bom: true, relax_quotes: false, relax_column_count: false }) as string[][];
    const problems: string[] = [];
    for (const [i, row] of rows.entries()) {
      for (const cell of row) {
        if (/^\s*[=+@\uFF1D\uFF0B\uFF20]|^[\t\r\n]/.test(cell) || (/^\s*-/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell))) problems.push(`${file}:${i + 1}: cell starts like a formula: ${JSON.stringify(cell.slice(0, 40))}`);
      }
    }
    return problems.slice(0, 5);
  } catch (error) {
    return [`${file}: CSV parse error: ${String(error)}`];
  }
}

function jsonProblems(file: string, text: string): string[] {
  try {
    JSON.parse(text);
    return text.includes(`"${MARKER}"`) ? [`${file}: injected key`] : [];
  } catch (error) {
    return [`${file}: JSON parse error: ${String(error)}`];
  }
}

/** Every output file parsed by a real parser of its format, with no node our templates did not make. */
export async function outputProblems(outDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await filesUnder(outDir)) {
    if (file.startsWith("pagefind/")) continue;
    const ext = path.extname(file);
    if (ext === ".docx") {
      // A Word file is a zip of XML parts: each must be well-formed XML with no injected node.
      const parts = unzipSync(new Uint8Array(await readFile(path.join(outDir, file))));
      for (const [name, bytes] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) problems.push(...xmlProblems(`${file}!${name}`, strFromU8(bytes)));
      continue;
    }
    if (![".html", ".xml", ".ics", ".csv", ".json"].includes(ext)) continue;
    const text = await readFile(path.join(outDir, file), "utf8");
    if (ext === ".html") problems.push(...htmlProblems(file, text));
    else if (ext === ".xml") problems.push(...xmlProblems(file, text));
    else if (ext === ".ics") problems.push(...icsProblems(file, text));
    else if (ext === ".csv") problems.push(...csvProblems(file, text));
    else problems.push(...jsonProblems(file, text));
  }
  return problems;
}

export interface CaseResult {
  problems: string[];
  validateCode: number;
  built: boolean;
}

/** Writes the case, runs both commands and checks every invariant. The work folder is removed afterwards. */
export async function runCase(c: HostileCase): Promise<CaseResult> {
  const root = await mkdtemp(path.join(tmpdir(), "gs-hostile-"));
  try {
    const content = path.join(root, "content");
    await writeCase(c, content);
    const v = io(root);
    const validateCode = await runValidate(["--content", "content", "--format", "json"], v.io);
    const problems = commandProblems("validate", { code: validateCode, ...v.out });
    if (validateCode === 0 || validateCode === 1) {
      try {
        const findings = JSON.parse(v.out.stdout) as { file?: unknown; line?: unknown }[];
        for (const f of findings) {
          if (typeof f.file !== "string" || f.file === "" || !Number.isInteger(f.line) || (f.line as number) < 1) problems.push(`validate: a finding without file and line: ${JSON.stringify(f).slice(0, 300)}`);
        }
      } catch {
        problems.push(`validate --format json printed no JSON: ${v.out.stdout.slice(0, 300)}`);
      }
    }
    if (validateCode !== 0) return { problems, validateCode, built: false };
    const b = io(root);
    const buildCode = await runBuild(["--content", "content", "--out", "_site", "--no-pdf"], b.io, { now: NOW, cacheDir: null });
    problems.push(...commandProblems("build", { code: buildCode, ...b.out }));
    if (buildCode === 1) problems.push(`build found errors validate did not: ${b.out.stdout.slice(0, 500)}`);
    if (buildCode === 0) problems.push(...(await outputProblems(path.join(root, "_site"))));
    return { problems, validateCode, built: buildCode === 0 };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
