// An independent count of the sample content for the report tests: reads the raw files with the yaml
// package and works out Hà Nội dates by plain arithmetic (UTC+7, no daylight saving since 1975),
// without calling anything in src/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

type Data = Record<string, unknown>;
export interface RawEntry {
  type: "exemplars" | "activities" | "plans" | "bulletins";
  slug: string;
  data: Data;
  /** "2019-Q1". */
  period: string;
}

function frontMatter(text: string): Data {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const end = lines.indexOf("---", 1);
  return parse(lines.slice(1, end).join("\n"), { version: "1.2" }) as Data;
}

/** The quarter in Hà Nội of `YYYY-MM-DD` or a date-time with an offset. */
export function rawPeriod(date: string): string {
  let year: number;
  let month: number;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    year = Number(date.slice(0, 4));
    month = Number(date.slice(5, 7));
  } else {
    const hanoi = new Date(Date.parse(date) + 7 * 3600 * 1000);
    year = hanoi.getUTCFullYear();
    month = hanoi.getUTCMonth() + 1;
  }
  return `${year}-Q${Math.ceil(month / 3)}`;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith(".md") ? [path.join(dir, d.name)] : [],
  );
}

/** Every published (non-draft) entry of a content tree, and site.yaml. */
export function rawContent(contentDir: string): { site: Data; entries: RawEntry[] } {
  const site = parse(readFileSync(path.join(contentDir, "site.yaml"), "utf8")) as Data;
  const entries: RawEntry[] = [];
  for (const type of ["exemplars", "activities", "plans", "bulletins"] as const) {
    for (const file of files(path.join(contentDir, type))) {
      const data = frontMatter(readFileSync(file, "utf8"));
      if (data.draft === true) continue;
      entries.push({ type, slug: path.basename(file, ".md"), data, period: rawPeriod(String(data.date)) });
    }
  }
  return { site, entries };
}

export interface RawFigures {
  exemplars: { total: number; byKind: Record<string, number>; byUnit: Record<string, number>; byWard: Record<string, number>; byField: Record<string, number>; slugs: string[] };
  activities: { total: number; byType: Record<string, number>; byChannel: Record<string, number>; slugs: string[] };
  plans: string[];
  bulletins: string[];
  unitsWithoutExemplars: string[];
}

const ids = (list: unknown): string[] => (list as { id: string }[]).map((x) => x.id);
const zero = (keys: string[]): Record<string, number> => Object.fromEntries(keys.map((k) => [k, 0]));

/** The figures of one period, counted the simple way. Slug lists are sorted alphabetically. */
export function rawFigures(content: { site: Data; entries: RawEntry[] }, period: string, kinds: string[]): RawFigures {
  const { site } = content;
  const units = site.units as { id: string; ward?: string; submits?: boolean }[];
  // A quarter ("2019-Q1") or a whole year ("2019").
  const inPeriod = content.entries.filter((e) => e.period === period || e.period.startsWith(`${period}-Q`));
  const of = (type: RawEntry["type"]) => inPeriod.filter((e) => e.type === type);
  const f: RawFigures = {
    exemplars: { total: 0, byKind: zero(kinds), byUnit: zero(ids(units)), byWard: zero(ids(site.wards)), byField: zero(ids(site.fields)), slugs: [] },
    activities: { total: 0, byType: zero(ids(site.activityTypes)), byChannel: zero(ids(site.channels)), slugs: [] },
    plans: of("plans").map((e) => e.slug).sort(),
    bulletins: of("bulletins").map((e) => e.slug).sort(),
    unitsWithoutExemplars: [],
  };
  for (const e of of("exemplars")) {
    const d = e.data as { kind: string; unit: string; ward?: string; field: string };
    f.exemplars.total++;
    f.exemplars.byKind[d.kind]!++;
    f.exemplars.byUnit[d.unit]!++;
    const ward = d.ward ?? units.find((u) => u.id === d.unit)?.ward;
    if (ward) f.exemplars.byWard[ward]!++;
    f.exemplars.byField[d.field]!++;
    f.exemplars.slugs.push(e.slug);
  }
  for (const e of of("activities")) {
    const d = e.data as { type: string; channel?: string };
    f.activities.total++;
    f.activities.byType[d.type]!++;
    if (d.channel) f.activities.byChannel[d.channel]!++;
    f.activities.slugs.push(e.slug);
  }
  f.exemplars.slugs.sort();
  f.activities.slugs.sort();
  f.unitsWithoutExemplars = units.filter((u) => u.submits !== false && f.exemplars.byUnit[u.id] === 0).map((u) => u.id);
  return f;
}
