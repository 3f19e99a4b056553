// Hostile content for the property test: front matter and bodies generated from the schemas, written as YAML in every string style.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import YAML from "yaml";
import { schemaAt, type SchemaKind, type SchemaNode } from "../../src/content/schemas.ts";

export const REPO = path.resolve(import.meta.dirname, "../..");
/** The valid small tree every case starts from (test/fixtures/site-basic without its draft). */
export const BASE_FIXTURE = path.join(REPO, "test/fixtures/site-basic");

/** Name of the element and attribute a hostile string tries to smuggle into an output; it must never appear as a node. */
export const MARKER = "gsinjected";

/** Pieces that pass validation but are markup, escapes or commands in some output format. */
const MARKUP = [
  `<${MARKER}>`,
  `"><${MARKER} ${MARKER}="1">`,
  `' ${MARKER}='1`,
  `</style><${MARKER}>`,
  `</script><${MARKER}>`,
  `</title><${MARKER}>`,
  `</textarea><${MARKER}>`,
  `]]><${MARKER}/>`,
  `<![CDATA[<${MARKER}>]]>`,
  `<svg><${MARKER}/></svg>`,
  `<!--`,
  `-->`,
  `&amp;`,
  `&lt;${MARKER}&gt;`,
  `&#60;${MARKER}&#62;`,
  `&#x3C;`,
  `&nbsp;`,
  `\\`,
  `\\n`,
  `\\"`,
  `"`,
  `'`,
  `,`,
  `;`,
  `:`,
  `: `,
  `#`,
  `{{ ${MARKER} }}`,
  `{% ${MARKER} %}`,
  "${" + MARKER + "}",
  `=HYPERLINK("http://x")`,
  `+84 912`,
  `-1`,
  `@SUM(A1)`,
  `::error file=x,line=1::giả mạo`,
  `::warning::`,
  `[liên kết](javascript:alert(1))`,
  `*nghiêng* **đậm** \`mã\``,
  `| a | b |`,
  `https://example.vn/${"rat-dai-".repeat(12)}?q=1&r=2`,
  "Nghiêng".repeat(20),
  "x".repeat(200),
  `Nguyễn Văn Đức`,
  `BEGIN:VEVENT`,
  `END:VCALENDAR`,
  `__proto__`,
  `%`,
  `%2e%2e/`,
  `😀`,
];

/** Pieces validation must refuse (or the outputs must neutralise): line breaks, controls, bidi and invisible characters, noncharacters. */
const CONTROLS = [
  "\r",
  "\n",
  "\r\n",
  `\r\n${MARKER.toUpperCase()}:1\r\n`,
  `\n${MARKER.toUpperCase()};X=1:1`,
  `",${MARKER.toUpperCase()}\r\n`,
  "\t",
  "\u0000",
  "\u0001",
  "\u0007",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\u2028",
  "\u2029",
  "\u202e",
  "\u2066",
  "\u200b",
  "\u00ad",
  "\ufeff",
  "\ufffe",
  "Nguyễn".normalize("NFD"),
];

/** Pieces of Markdown validation refuses in some places (images must be files beside the entry). */
const WILD_MARKUP = [`![ảnh](http://x/y.png)`, `![ảnh](../../etc/passwd)`];

/**
 * A hostile text cut to `max` characters. Tame texts are made of pieces that pass validation, so
 * they reach the outputs; wild ones add controls, bidi, any Unicode grapheme and refused Markdown.
 */
export function hostileText(max = 150, wild = false): fc.Arbitrary<string> {
  const piece = wild
    ? fc.oneof(
        { arbitrary: fc.constantFrom(...MARKUP, ...WILD_MARKUP), weight: 8 },
        { arbitrary: fc.string({ minLength: 1, maxLength: 8 }), weight: 3 },
        { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }), weight: 2 },
        { arbitrary: fc.constantFrom(...CONTROLS), weight: 2 },
      )
    : fc.oneof({ arbitrary: fc.constantFrom(...MARKUP), weight: 3 }, { arbitrary: fc.string({ minLength: 1, maxLength: 8 }), weight: 1 });
  return fc
    .array(piece, { minLength: 1, maxLength: 5 })
    .map((parts) => {
      const chars = Array.from(`Gương ${parts.join(" ")}`);
      return chars.slice(0, max).join("");
    });
}

/** Dates at the edges: leap days, month ends, the limits of plausible years, offsets, and some that are not dates. */
const EDGE_DATES = [
  "2019-02-28",
  "2020-02-29",
  "2019-02-29",
  "2019-12-31",
  "2019-01-01",
  "2018-10-01",
  "1900-01-01",
  "2999-12-31",
  "0001-01-01",
  "2019-13-01",
  "2019-00-10",
  "2019-5-1",
  "2019-05-19T08:00:00+07:00",
  "2019-05-19T23:30:00-12:00",
  "2019-05-19T00:00:00+14:00",
  "2019-05-19T08:00:00+25:00",
  "2019-05-19T08:00:00Z",
];

/** Image paths an author might write: beside the file, outside the tree, URLs, odd characters, a file that is not an image. */
// "%" alone is kept as a fixed case (regressions.ts) until the validator reads it as a finding.
export const ODD_IMAGE_PATHS = ["anh-thu.jpg", "./anh-thu.jpg", "../anh-thu.jpg", "../../../../etc/passwd", "/etc/passwd", "http://x.vn/a.jpg", "anh thu.jpg", "anh%20thu.jpg", "anh-thu.jpg?x=1", "anh-thu.jpg#x", "không-có.jpg", "C:\\anh.jpg", "khong-phai-anh.jpg", "rong.jpg"];

/** Keys a contributor should not be able to set, or that are odd as YAML. */
const ODD_KEYS = ["__proto__", "constructor", "prototype", "permalink", "layout", "eleventyComputed", "tiêu đề", "a b", "0", "<gsinjected>"];

function isFreeText(node: SchemaNode | undefined): boolean {
  return node?.type === "string" && !node.enum && !node.pattern && !node.format && !node.const;
}

/**
 * How hostile a case is. `tame`: hostile text that passes validation, so the build runs and every
 * output is checked. `edge`: tame text, and ids, enums, dates, numbers and image paths sometimes at
 * their edges (29 February, +14:00, a file that is not an image). `wild`: controls, bidi, any
 * grapheme, odd keys too: validation's turn.
 */
export type Mode = "tame" | "edge" | "wild";

/**
 * How a value of the base file is varied, by what its schema says it is: free text becomes hostile
 * text; ids, enums, dates and numbers stay as they are in a tame case, and sometimes take edge or
 * hostile values otherwise.
 */
function varied(kind: SchemaKind, segments: readonly string[], base: unknown, mode: Mode): fc.Arbitrary<unknown> {
  const node = schemaAt(kind, segments);
  const wild = mode === "wild";
  if (Array.isArray(base)) {
    const items = base.map((v, i) => varied(kind, [...segments, String(i)], v, mode));
    const free = isFreeText(node?.items ? schemaAt(kind, [...segments, "0"]) : undefined);
    const extra = free ? fc.array(hostileText(node?.items?.maxLength ?? 100, wild), { maxLength: 2 }) : fc.constant([]);
    return fc.tuple(fc.tuple(...items), extra).map(([a, b]) => [...a, ...b]);
  }
  if (base !== null && typeof base === "object") {
    const entries = Object.entries(base as Record<string, unknown>).map(([k, v]) => [k, varied(kind, [...segments, k], v, mode)] as const);
    return fc.record(Object.fromEntries(entries));
  }
  if (typeof base === "string") {
    if (isFreeText(node)) return fc.oneof({ arbitrary: hostileText(node?.maxLength ?? 150, wild), weight: 4 }, { arbitrary: fc.constant(base), weight: 1 });
    if (mode === "tame") return fc.constant(base);
    if (node?.format === "date" || /^\d{4}-\d{2}-\d{2}/.test(base)) return fc.oneof({ arbitrary: fc.constant(base), weight: 10 }, { arbitrary: fc.constantFrom(...EDGE_DATES), weight: 1 });
    if (node?.enum) return fc.oneof({ arbitrary: fc.constant(base), weight: 4 }, { arbitrary: fc.constantFrom(...(node.enum as string[])), weight: 1 }, { arbitrary: hostileText(20), weight: wild ? 1 : 0 });
    // Ids and slugs: a wrong one is a plain finding; only wild cases try them, so edge cases can still build.
    if (mode !== "wild") return fc.constant(base);
    return fc.oneof({ arbitrary: fc.constant(base), weight: 12 }, { arbitrary: hostileText(40), weight: 1 });
  }
  if (typeof base === "number") {
    if (mode === "tame") return fc.constant(base);
    const edges = [node?.minimum, node?.maximum, (node?.minimum ?? 0) - 1, (node?.maximum ?? 0) + 1, 0].filter((n): n is number => n !== undefined);
    return fc.oneof({ arbitrary: fc.constant(base), weight: 10 }, { arbitrary: fc.constantFrom(...edges), weight: 1 });
  }
  return fc.constant(base);
}

/** One content file of the base tree, generated: front matter varied by its schema, a hostile body, odd keys now and then. */
export interface FileCase {
  /** Path inside the content tree. */
  file: string;
  data: unknown;
  body: string;
  /** YAML string style the front matter is written in. */
  style: "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE" | "BLOCK_LITERAL";
  /** Extra raw front-matter lines (`key: value`) with keys outside the schema. */
  extra: string[];
}

export interface HostileCase {
  mode: Mode;
  site: unknown;
  files: FileCase[];
}

interface BaseFile {
  file: string;
  kind: SchemaKind;
  data: unknown;
  body: string;
}

function readBase(file: string, kind: SchemaKind): BaseFile {
  const text = readFileSync(path.join(BASE_FIXTURE, file), "utf8");
  const [, yaml = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { file, kind, data: YAML.parse(yaml), body };
}

const BASE_FILES: BaseFile[] = [
  readBase("exemplars/2019/co-giao-nguyen-thi-mai.md", "exemplar"),
  readBase("exemplars/2019/tram-y-te-phuong-hai.md", "exemplar"),
  readBase("activities/2019/giao-luu-sinh-nhat-bac.md", "activity"),
  readBase("plans/2019/05-kh-btg.md", "plan"),
  readBase("bulletins/2019-01.md", "bulletin"),
];

/** A Markdown body: hostile text in paragraphs, headings, lists, tables and code. */
function hostileBody(wild: boolean): fc.Arbitrary<string> {
  const text = (max: number) => hostileText(max, wild);
  const block = fc.oneof(
    text(300),
    text(80).map((t) => `## ${t}`),
    text(80).map((t) => `#### ${t}`),
    text(80).map((t) => `- ${t}\n- ${t}`),
    fc.tuple(text(40), text(40)).map(([a, b]) => `| ${a.replace(/[|\r\n]/g, " ")} | b |\n| --- | --- |\n| ${b.replace(/[|\r\n]/g, " ")} | 2 |`),
    text(80).map((t) => `\`\`\`\n${t}\n\`\`\``),
    text(80).map((t) => `[${t}](https://example.vn/${encodeURIComponent(t)})`),
  );
  return fc.array(block, { minLength: 1, maxLength: 4 }).map((blocks) => `Nội dung bài viết.\n\n${blocks.join("\n\n")}\n`);
}

function fileCase(base: BaseFile, mode: Mode): fc.Arbitrary<FileCase> {
  const wild = mode === "wild";
  const data = varied(base.kind, [], base.data, mode).chain((d) =>
    mode !== "tame" && base.file.includes("co-giao") ? fc.oneof(fc.constant("anh-thu.jpg"), fc.constantFrom(...ODD_IMAGE_PATHS)).map((src) => ({ ...(d as Record<string, unknown>), image: { ...((d as { image: object }).image ?? {}), src } })) : fc.constant(d),
  );
  return fc.record({
    file: fc.constant(base.file),
    data,
    body: hostileBody(wild),
    style: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL"),
    extra: wild ? fc.array(fc.constantFrom(...ODD_KEYS).map((k) => `${JSON.stringify(k)}: {title: x}`), { maxLength: 1 }) : fc.constant([] as string[]),
  });
}

function siteBase(): unknown {
  return YAML.parse(readFileSync(path.join(BASE_FIXTURE, "site.yaml"), "utf8"));
}

/** A whole hostile case: site.yaml's texts and every content file of the base tree; half the cases tame, a quarter edge, a quarter wild. */
export function hostileCase(): fc.Arbitrary<HostileCase> {
  return fc.oneof({ arbitrary: fc.constant<Mode>("tame"), weight: 2 }, { arbitrary: fc.constant<Mode>("edge"), weight: 1 }, { arbitrary: fc.constant<Mode>("wild"), weight: 1 }).chain((mode) =>
    fc.record({
      mode: fc.constant(mode),
      site: varied("site", [], siteBase(), "tame"),
      files: fc.tuple(...BASE_FILES.map((b) => fileCase(b, mode))),
    }),
  );
}

/** The text of a content file: front matter in the case's YAML style, then the body. */
export function fileText(c: FileCase): string {
  const yaml = YAML.stringify(c.data, { defaultStringType: c.style, defaultKeyType: "PLAIN", lineWidth: 0 });
  return `---\n${yaml}${c.extra.map((l) => `${l}\n`).join("")}---\n${c.body}`;
}

export function siteText(site: unknown): string {
  return YAML.stringify(site, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 });
}

/**
 * The base tree as a case (nothing hostile yet), for fixed cases: `edit` changes the site (parsed
 * site.yaml) and the files (parsed front matter and body, by path in the content tree).
 */
export function fixedCase(edit: (site: Record<string, any>, files: Record<string, { data: Record<string, any>; body: string; extra: string[]; style: FileCase["style"] }>) => void): HostileCase {
  const site = structuredClone(siteBase()) as Record<string, any>;
  const files = Object.fromEntries(BASE_FILES.map((b) => [b.file, { data: structuredClone(b.data) as Record<string, any>, body: b.body, extra: [] as string[], style: "QUOTE_DOUBLE" as FileCase["style"] }]));
  edit(site, files);
  return { mode: "tame", site, files: Object.entries(files).map(([file, f]) => ({ file, ...f })) };
}
