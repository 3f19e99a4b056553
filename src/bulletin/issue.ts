// A bulletin issue with its references resolved: the exemplars in the order the issue lists them,
// the plans and activities it reports, and the site paths of its page, print page and PDF.
import type { ActivityEntry, BulletinEntry, ContentModel, ExemplarEntry, PlanEntry, SiteConfig } from "../content/model.ts";
import { exemplarFieldTitle } from "../content/labels.ts";
import { compareContentDates, formatDateShort } from "../vi/date.ts";
import { bulletinPaths } from "../paths/paths.ts";

export interface BulletinIssue {
  /** `<yyyy>-<nn>`, the file name. */
  id: string;
  year: number;
  number: number;
  date: string;
  title?: string;
  entry: BulletinEntry;
  /** In the issue's order; the first is the lead story. */
  exemplars: ExemplarEntry[];
  plans: PlanEntry[];
  activities: ActivityEntry[];
  draft: boolean;
  paths: { page: string; print: string; pdf: string; docx: string };
}

/** Entries by slug, made once per list (a model's lists are not changed after validation). */
const bySlugCache = new WeakMap<readonly { slug: string }[], Map<string, { slug: string }>>();
function slugMap<T extends { slug: string }>(all: readonly T[]): Map<string, T> {
  let map = bySlugCache.get(all);
  if (!map) bySlugCache.set(all, (map = new Map(all.map((e) => [e.slug, e]))));
  return map as Map<string, T>;
}

function pick<T extends { slug: string }>(all: readonly T[], slugs: readonly string[] | undefined, what: string, file: string): T[] {
  const bySlug = slugMap(all);
  return (slugs ?? []).map((slug) => {
    const hit = bySlug.get(slug);
    // Validation reports dangling references (exemplar-unknown, slug-draft); reaching here is a bug.
    if (!hit) throw new Error(`${file}: ${what} "${slug}" not in the model; validation should have reported it`);
    return hit;
  });
}

/** Resolves one issue against the model. */
export function resolveIssue(model: ContentModel, entry: BulletinEntry): BulletinIssue {
  const d = entry.data;
  return {
    id: entry.slug,
    year: Number(entry.slug.slice(0, 4)),
    number: d.number,
    date: d.date,
    title: d.title,
    entry,
    exemplars: pick(model.exemplars, d.exemplars, "exemplar", entry.file),
    plans: pick(model.plans, d.plans, "plan", entry.file),
    activities: pick(model.activities, d.activities, "activity", entry.file),
    draft: entry.draft,
    paths: bulletinPaths(entry.slug),
  };
}

/** Every issue, newest first. */
export function resolveIssues(model: ContentModel): BulletinIssue[] {
  return model.bulletins
    .map((b) => resolveIssue(model, b))
    .sort((a, b) => compareContentDates(b.date, a.date) || b.id.localeCompare(a.id));
}

/** "Số 1/2019": the issue as the header and the archive name it. */
export function issueLabel(issue: Pick<BulletinIssue, "number" | "year">): string {
  return `Số ${issue.number}/${issue.year}`;
}

/** The name of a site.yaml item (unit, ward, field) by id; the id itself when the list has no such item. */
export function nameOf(list: ReadonlyArray<{ id: string; name: string }>, id: string | undefined): string | undefined {
  return id === undefined ? undefined : (list.find((x) => x.id === id)?.name ?? id);
}

/** An exemplar's profile in the bulletin (PDF and Word alike): [field title, value], only the fields it gives. */
export function exemplarFacts(e: ExemplarEntry, site: SiteConfig): [string, string | number][] {
  const d = e.data;
  const facts: [string, string | number | undefined][] = [
    [exemplarFieldTitle("subject.name"), d.subject.name],
    [exemplarFieldTitle("subject.birthYear"), d.subject.birthYear],
    [exemplarFieldTitle("subject.role"), d.subject.role],
    [exemplarFieldTitle("unit"), nameOf(site.units, d.unit)],
    [exemplarFieldTitle("ward"), nameOf(site.wards, d.ward)],
    [exemplarFieldTitle("field"), nameOf(site.fields, d.field)],
    [exemplarFieldTitle("date"), formatDateShort(d.date)],
  ];
  return facts.filter((f): f is [string, string | number] => f[1] !== undefined && f[1] !== "");
}
