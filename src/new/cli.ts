// `npm run new -- exemplar|plan|activity|bulletin [--title …] [--unit …]`: writes a commented file to fill in, at the right path, never over an existing one.
import { readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { CONTENT_TYPES, type ContentType } from "../content/model.ts";
import { isoDate, todayInVietnam, vietnamDate, isCalendarDate, isDateTimeWithOffset } from "../vi/date.ts";
import { slugify } from "../vi/text.ts";
import { bulletinId } from "../paths/paths.ts";
import { fieldsOf, leafFields, typeTitle, type FieldSpec } from "../render/fields.ts";
import { renderNewFile, type Values } from "../render/new-file.ts";
import { readCatalogues, type Catalogues } from "../render/catalogues.ts";
import { parseCommandArgs, PROCESS_STREAMS, UsageError, type CommandOptions, type CommandStreams } from "../util/cli.ts";
import { plainText } from "../util/terminal.ts";

export interface NewIO {
  argv: string[];
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when a person is typing: missing values are then asked for. */
  interactive: boolean;
  /** Asks one question and returns the answer (readline on a terminal; scripted in tests). */
  ask?: (question: string) => Promise<string>;
  now?: Date;
}

const TYPES = Object.keys(CONTENT_TYPES) as ContentType[];

export function usage(): string {
  const lines = [
    "Cách dùng: npm run new -- LOẠI [--content THƯ_MỤC] [--TRƯỜNG GIÁ_TRỊ ...] [--body VĂN_BẢN] [--slug TÊN_TỆP]",
    "",
    `  LOẠI: ${TYPES.map((t) => `${t} (${typeTitle(t)})`).join(", ")}`,
    "  --TRƯỜNG: tên trường trong lược đồ, ví dụ --title, --kind, --unit, --date, --subject.name;",
    "            danh sách lặp lại tùy chọn hoặc ngăn bằng dấu phẩy (--channels portal,bulletin);",
    "            mục có nhiều trường con (căn cứ, nơi nhận) viết dạng JSON.",
    "  Chạy trong cửa sổ lệnh mà thiếu trường bắt buộc thì chương trình sẽ hỏi từng trường.",
    "",
    "Ví dụ: npm run new -- exemplar --title \"Cô giáo Nguyễn Thị Mai\" --kind individual --unit dang-uy-dich-vong",
  ];
  return `${lines.join("\n")}\n`;
}

function flagOptions(fields: readonly FieldSpec[]): CommandOptions {
  const options: CommandOptions = { content: { type: "string" }, body: { type: "string" }, slug: { type: "string" } };
  for (const f of fields) {
    options[f.path] = f.kind === "boolean" ? { type: "boolean" } : f.kind.endsWith("-list") ? { type: "string", multiple: true } : { type: "string" };
  }
  return options;
}

/** Turns flag text into the value the schema wants; a wrong number or JSON is a usage error naming the field. */
function convert(field: FieldSpec, raw: unknown): unknown {
  const label = `--${field.path} (${field.title})`;
  switch (field.kind) {
    case "integer":
    case "number": {
      const n = Number(raw);
      if (String(raw).trim() === "" || !Number.isFinite(n)) throw new UsageError(`${label} phải là số, không phải "${String(raw)}".`);
      return n;
    }
    case "string-list": {
      const list = (raw as string[]).flatMap((v) => (field.catalogue ? v.split(",") : [v])).map((v) => v.trim().normalize("NFC"));
      return list.filter(Boolean);
    }
    case "object-list":
      return (raw as string[]).map((v) => {
        try {
          return JSON.parse(v) as unknown;
        } catch {
          throw new UsageError(`${label}: mỗi mục viết dạng JSON, ví dụ '{"number": "127-KH/BTGTU", "issuer": "…", "title": "…"}'.`);
        }
      });
    case "string":
      return String(raw).normalize("NFC");
    default:
      return raw;
  }
}

function listChoices(field: FieldSpec, catalogues: Catalogues): { value: string; label: string }[] | undefined {
  if (field.enum) return field.enum;
  if (field.catalogue) return (catalogues[field.catalogue] ?? []).map((c) => ({ value: c.id, label: c.name }));
  return undefined;
}

/** Asks for each required field still missing; an empty answer leaves it to fill in later. */
async function prompt(type: ContentType, fields: readonly FieldSpec[], values: Values, catalogues: Catalogues, ask: (q: string) => Promise<string>, today: string): Promise<void> {
  for (const field of fields) {
    const when = field.requiredWhen;
    const needed = field.required || (when !== undefined && values[when.path] === when.value);
    if (!needed || values[field.path] !== undefined || field.kind === "object-list") continue;
    if (type === "bulletin" && field.path === "number") continue;
    const choices = listChoices(field, catalogues);
    let question = `${field.title}${field.description ? ` (${field.description})` : ""}`;
    if (choices?.length) question += `\n${choices.map((c, i) => `  ${i + 1}. ${c.label} [${c.value}]`).join("\n")}\n${field.kind === "string-list" ? "Chọn số, ngăn bằng dấu phẩy" : "Chọn số"}`;
    if (field.kind === "boolean") question += " (c: có / k: không)";
    if (field.path === "date") question += ` [${today}]`;
    const answer = (await ask(`${question}: `)).trim().normalize("NFC");
    if (!answer) continue;
    const pick = (text: string): string => {
      const n = Number(text.trim());
      return choices && Number.isInteger(n) && n >= 1 && n <= choices.length ? (choices[n - 1] as { value: string }).value : text.trim();
    };
    if (field.kind === "boolean") values[field.path] = /^(c|có|y|yes|true)$/i.test(answer);
    else if (field.kind === "string-list") values[field.path] = (choices ? answer.split(",") : answer.split(";")).map(pick).filter(Boolean);
    else if (field.kind === "integer" || field.kind === "number") values[field.path] = Number.isFinite(Number(answer)) ? Number(answer) : answer;
    else values[field.path] = pick(answer);
  }
}

function existingSlugs(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (dir: string, rel: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) visit(path.join(dir, e.name), `${rel}${e.name}/`);
      else if (e.name.endsWith(".md")) found.set(e.name.slice(0, -3), `${rel}${e.name}`);
    }
  };
  visit(folder, "");
  return found;
}

/** Where the new file goes: `<folder>/<yyyy>/<slug>.md`, or `bulletins/<yyyy>-<nn>.md`. */
function targetOf(type: ContentType, values: Values, slugFlag: string | undefined, contentDir: string): { rel: string; slug: string } {
  const year = vietnamDate(String(values.date)).year;
  const folder = CONTENT_TYPES[type].folder;
  const existing = existingSlugs(path.join(contentDir, folder));
  if (type === "bulletin") {
    let number = typeof values.number === "number" ? values.number : undefined;
    if (number === undefined) {
      number = 1;
      while (existing.has(bulletinId(year, number))) number++;
      values.number = number;
    }
    const slug = bulletinId(year, number);
    return { rel: `${folder}/${slug}.md`, slug };
  }
  const source = slugFlag ?? (type === "plan" && typeof values.number === "string" ? values.number : values.title);
  const slug = slugify(String(source ?? ""));
  if (!slug) throw new UsageError(`Cần tiêu đề (--title) để đặt tên tệp${type === "plan" ? ", hoặc --number" : ""}.`);
  if (slug.length > 100) throw new UsageError(`Tên tệp "${slug}" dài quá 100 ký tự: đặt tên ngắn hơn bằng --slug.`);
  const clash = existing.get(slug);
  if (clash) throw new UsageError(`Đã có tệp ${folder}/${clash} cùng tên "${slug}": không ghi đè. Chọn tiêu đề khác hoặc đặt tên tệp bằng --slug.`, false);
  return { rel: `${folder}/${year}/${slug}.md`, slug };
}

export async function runNew(io: NewIO): Promise<number> {
  try {
    const [typeArg, ...rest] = io.argv;
    // Options before the type: only --help (or --content) makes sense there.
    if (typeArg === undefined || typeArg.startsWith("-")) {
      if (parseCommandArgs(io.argv, { content: { type: "string" } }).values.help) {
        io.stdout(usage());
        return 0;
      }
      throw new UsageError("Cần loại nội dung.");
    }
    if (!TYPES.includes(typeArg as ContentType)) throw new UsageError(`Không có loại nội dung "${typeArg}".`);
    const type = typeArg as ContentType;
    const leaves = leafFields(fieldsOf(type));
    const flags = parseCommandArgs(rest, flagOptions(leaves)).values as Record<string, unknown>;
    if (flags.help) {
      io.stdout(usage());
      return 0;
    }
    const contentDir = path.resolve(io.cwd, typeof flags.content === "string" ? flags.content : "content");
    const catalogues = readCatalogues(contentDir);
    const values: Values = {};
    for (const field of leaves) {
      const raw = flags[field.path];
      if (raw !== undefined) values[field.path] = convert(field, raw);
    }
    const today = isoDate(todayInVietnam(io.now));
    if (io.interactive && io.ask) await prompt(type, leaves, values, catalogues, io.ask, today);
    const date = values.date ?? today;
    if (typeof date !== "string" || !(isCalendarDate(date) || isDateTimeWithOffset(date))) {
      throw new UsageError(`--date phải là ngày có thật dạng YYYY-MM-DD, không phải "${String(date)}".`);
    }
    values.date = date;
    const { rel } = targetOf(type, values, flags.slug as string | undefined, contentDir);
    const abs = path.join(contentDir, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    try {
      // "wx": never overwrite, even if a file appeared since we looked.
      await writeFile(abs, renderNewFile(type, values, catalogues, typeof flags.body === "string" ? flags.body : ""), { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`Đã có tệp ${rel}: không ghi đè.`, false);
      throw error;
    }
    const shown = path.relative(io.cwd, abs).split(path.sep).join("/");
    io.stdout(`Đã tạo ${shown}.\nMở tệp, điền các trường còn trống và viết bài dưới dòng --- thứ hai, rồi kiểm tra:\n  npm run validate -- ${shown}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.showUsage ? `${plainText(error.message)}\n\n${usage()}` : `${plainText(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

/** The terminal: interactive when stdin is a TTY. */
export function terminalIO(argv: string[], streams: CommandStreams = PROCESS_STREAMS): NewIO & { close(): void } {
  const interactive = Boolean(process.stdin.isTTY) && streams === PROCESS_STREAMS;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  return {
    argv,
    cwd: process.cwd(),
    stdout: (t) => streams.stdout.write(t),
    stderr: (t) => streams.stderr.write(t),
    interactive,
    ...(rl ? { ask: (q: string) => rl.question(q) } : {}),
    close: () => rl?.close(),
  };
}
