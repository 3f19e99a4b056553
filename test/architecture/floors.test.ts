// The floors of the house (docs/architecture.md): a room imports only from rooms on lower floors, and no module
// imports itself back through others. Read from the TypeScript sources' own import statements (static, dynamic
// and type-only alike), so an arrow that runs up or a cycle fails here before anyone reads the code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The floors, from the ground up: the only place they are written in code. A room may import from any room on a
 * lower floor, never from its own floor (except itself) or above. `schemas` is the JSON Schemas folder.
 */
export const FLOORS: readonly (readonly string[])[] = [
  ["schemas", "types", "util", "vi"],
  ["paths", "speech", "browser"],
  ["content"],
  ["render"],
  ["print", "word"],
  ["bulletin", "reports", "loudspeaker", "github", "new", "aggregate"],
  ["site"],
  ["editor"],
  ["build"],
  ["bench"],
  ["scripts"],
];

const floorOf = new Map(FLOORS.flatMap((rooms, floor) => rooms.map((room) => [room, floor] as const)));

/** `src/site/pages/x.ts` → `site`; `scripts/build.ts` → `scripts`; `schemas/a.json` → `schemas`. */
function roomOf(file: string): string {
  const parts = file.split("/");
  return parts[0] === "src" ? (parts[1] as string) : (parts[0] as string);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

interface Arrow {
  from: string;
  to: string;
  /** `import type` / `export type`: erased at run time, so it cannot make a cycle, but it still may not run up. */
  typeOnly?: boolean;
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** Every relative import of every source file under src/ and scripts/ (static, dynamic, re-exports), resolved to a repository path. */
function arrows(): Arrow[] {
  const out: Arrow[] = [];
  for (const file of [...sourceFiles("src"), ...sourceFiles("scripts")]) {
    const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
    const add = (specifier: string, typeOnly: boolean) => {
      if (!specifier.startsWith(".")) return;
      out.push({ from: file, to: path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)), ...(typeOnly ? { typeOnly } : {}) });
    };
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, isTypeOnly(node));
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        add(node.arguments[0].text, false);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** Modules that import each other through a chain (strongly connected components larger than one module). */
function cycles(edges: readonly Arrow[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("floors", () => {
  const all = arrows();

  it("reads the imports (the check is not vacuous)", () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all).toContainEqual({ from: "src/content/rules/loudspeaker-slot.ts", to: "src/content/slot.ts" });
    expect(all).toContainEqual({ from: "src/build/build.ts", to: "src/print/pdf.ts" });
    expect(all).toContainEqual({ from: "src/content/text.ts", to: "src/content/yaml.ts", typeOnly: true });
  });

  it("places every room on a floor", () => {
    const rooms = new Set(all.flatMap((a) => [roomOf(a.from), roomOf(a.to)]));
    expect([...rooms].filter((r) => !floorOf.has(r)).sort()).toEqual([]);
  });

  it("has every arrow run down, never up or sideways", () => {
    const wrong = all
      .filter(({ from, to }) => roomOf(from) !== roomOf(to))
      .filter(({ from, to }) => (floorOf.get(roomOf(from)) ?? -1) <= (floorOf.get(roomOf(to)) ?? Infinity))
      .map(({ from, to }) => `${from} → ${to}`);
    expect(wrong).toEqual([]);
  });

  it("has no import cycle", () => {
    expect(cycles(all.filter((a) => !a.typeOnly))).toEqual([]);
  });

  it("finds an arrow that runs up and a cycle when there is one", () => {
    const up: Arrow = { from: "src/content/rules/x.ts", to: "src/loudspeaker/script.ts" };
    expect((floorOf.get(roomOf(up.from)) ?? 0) <= (floorOf.get(roomOf(up.to)) ?? 0)).toBe(true);
    expect(cycles([{ from: "a.ts", to: "b.ts" }, { from: "b.ts", to: "c.ts" }, { from: "c.ts", to: "a.ts" }])).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});
