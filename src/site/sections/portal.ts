// The portal section: exemplars, facets, plans, activities, calendar and home page data, computed once per build.
import type { ActivityEntry, BulletinEntry, ContentModel, ExemplarEntry, PlanEntry } from "../../content/model.ts";
import { currentQuarter, quarterLabel, quarterOf, sameQuarter, type Quarter } from "../../vi/quarter.ts";
import { compareContentDates, formatDateVi, todayInVietnam, vietnamClock, vietnamDate, isoDate, monthDayIn } from "../../vi/date.ts";
import { compareByGivenName } from "../../vi/text.ts";
import { SortMemo, sortedWith } from "../../util/sorted.ts";
import { readApprovals, type ApprovalRecord } from "../approvals.ts";
import { makeExemplarImages, type ResponsiveImage } from "../images.ts";
import { EXEMPLAR_KINDS, exemplarFacetTitle, kindLabel } from "../../content/labels.ts";
import type { SiteContext, SiteSection } from "../section.ts";
import { activityAnchor, activityPath, activityYearPath, bulletinPaths, exemplarPath, type FacetDimension, facetPath, listPagePath, planPath, quarterReportPaths, SECTION_PATHS } from "../../paths/paths.ts";

export interface Named {
  id: string;
  name: string;
}

export interface ExemplarView {
  entry: ExemplarEntry;
  slug: string;
  path: string;
  title: string;
  kind: Named;
  unit: Named;
  ward?: Named;
  field: Named;
  year: number;
  /** "ngày 20 tháng 11 năm 2018". */
  dateText: string;
  channels: Named[];
  related: string[];
  approval?: ApprovalRecord;
  image?: ResponsiveImage;
  draft: boolean;
}

export type { FacetDimension };

/** One value of one filter, with its static page. */
export interface FacetValue {
  dimension: FacetDimension;
  id: string;
  label: string;
  path: string;
  count: number;
}

export interface FacetGroup {
  dimension: FacetDimension;
  /** "Loại điển hình", "Đơn vị đề xuất"… */
  title: string;
  values: FacetValue[];
}

/** One page of an exemplar list: the whole list or one facet value, paginated. */
export interface ListPage {
  path: string;
  title: string;
  facet?: FacetValue;
  items: ExemplarView[];
  pageNumber: number;
  pageCount: number;
  /** Paths of every page of this list, in order. */
  pagePaths: string[];
}

export interface AnniversaryView {
  id: string;
  name: string;
  /** Next occurrence on or after today, ISO date. */
  next: string;
  nextText: string;
  /** "lần thứ 89", when `since` is known. */
  ordinal?: number;
  monthDay: string;
  since?: number;
}

export interface ActivityView {
  entry: ActivityEntry;
  slug: string;
  anchor: string;
  title: string;
  dateText: string;
  /** Local time "08:00" when the activity gives one. */
  time?: string;
  type: Named;
  unit: Named;
  ward?: Named;
  channel?: Named;
  occasion?: Named;
  exemplars: { slug: string; title: string; path: string }[];
  draft: boolean;
  year: number;
  /** Its place on its year's page. */
  path: string;
}

/** One year of activities, newest first, on its own page. */
export interface ActivityYear {
  year: number;
  path: string;
  activities: ActivityView[];
}

export interface PlanView {
  entry: PlanEntry;
  slug: string;
  path: string;
  title: string;
  dateText: string;
  approval?: ApprovalRecord;
  draft: boolean;
}

export interface PortalData {
  exemplars: ExemplarView[];
  bySlug: Map<string, ExemplarView>;
  facets: FacetGroup[];
  listPages: ListPage[];
  plans: PlanView[];
  activities: ActivityView[];
  /** The activities by year, newest year first (one page each). */
  activityYears: ActivityYear[];
  anniversaries: AnniversaryView[];
  latestBulletin?: { entry: BulletinEntry; path: string; pdf: string; dateText: string; title: string };
  quarter: { q: Quarter; label: string; path: string; exemplars: number; activities: number; plans: number };
  /** Upcoming anniversaries and activities from today, for the home page. */
  upcoming: AnniversaryView[];
}

/** Exemplars per list page. */
export const LIST_PAGE_SIZE = 40;

/** The exemplar field each filter groups by; its title (or `x-facet-title`) in the schema is the filter's title. */
const FACET_FIELDS: Record<FacetDimension, string> = { kind: "kind", unit: "unit", ward: "ward", field: "field", year: "date" };
const FACET_TITLES = Object.fromEntries(
  Object.entries(FACET_FIELDS).map(([dimension, field]) => [dimension, exemplarFacetTitle(field)]),
) as Record<FacetDimension, string>;

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

function named(map: Map<string, { id: string; name: string }>, id: string): Named {
  const item = map.get(id);
  return { id, name: item?.name ?? id };
}

/** Newest first, then by title. */
/** Newest first, then by title; two entries of the same day and title in file order (the loader's), so the order is total. */
function newestFirst<T extends { data: { date: string; title?: string }; file: string }>(a: T, b: T): number {
  return compareContentDates(b.data.date, a.data.date) || titleCollator.compare(a.data.title ?? "", b.data.title ?? "") || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/** People by given name (Intl.Collator('vi')), namesakes newest first. */
function byGivenName(a: ExemplarEntry, b: ExemplarEntry): number {
  return compareByGivenName(a.data.subject.name, b.data.subject.name) || newestFirst(a, b);
}

// The last order of each list, so that after one edit only the changed entries are placed again (src/util/sorted.ts).
const exemplarOrder = new SortMemo<ExemplarEntry>();
const individualOrder = new SortMemo<ExemplarEntry>();

/** `localeCompare(…, "vi")`'s order, with one collator instead of one per comparison. */
const titleCollator = new Intl.Collator("vi");

function paginate(base: string, title: string, items: ExemplarView[], facet?: FacetValue): ListPage[] {
  const pageCount = Math.max(1, Math.ceil(items.length / LIST_PAGE_SIZE));
  const pagePaths = Array.from({ length: pageCount }, (_, i) => listPagePath(base, i + 1));
  return pagePaths.map((path, i) => ({
    path,
    title,
    facet,
    items: items.slice(i * LIST_PAGE_SIZE, (i + 1) * LIST_PAGE_SIZE),
    pageNumber: i + 1,
    pageCount,
    pagePaths,
  }));
}

/** Next occurrence of an MM-DD anniversary on or after `today` (29 February: on the 28th in other years). */
export function nextOccurrence(monthDay: string, today: string): string {
  const year = Number(today.slice(0, 4));
  const candidate = isoDate(monthDayIn(monthDay, year));
  return candidate >= today ? candidate : isoDate(monthDayIn(monthDay, year + 1));
}

interface Extras {
  approvals: Map<string, ApprovalRecord>;
  images: Map<string, ResponsiveImage>;
  now: Date;
}

type BaseView = Omit<ExemplarView, "related" | "approval" | "image">;
const baseViews = new WeakMap<object, WeakMap<object, BaseView>>();

/** Pure derivation of the portal's data from the model (git and images passed in). */
export function derivePortal(model: ContentModel, extras: Extras): PortalData {
  const site = model.site;
  const units = byId(site.units);
  const wards = byId(site.wards);
  const fields = byId(site.fields);
  const channels = byId(site.channels);
  const types = byId(site.activityTypes);
  const anniversaries = byId(site.anniversaries);

  const sorted = sortedWith(exemplarOrder, model.exemplars, newestFirst);
  // What a view takes from its entry and site.yaml alone is kept per settings and entry object: the dev server's next
  // load reuses unchanged entries (and an unchanged site.yaml), so only the changed exemplar is worked out again.
  let bases = baseViews.get(site);
  if (!bases) baseViews.set(site, (bases = new WeakMap()));
  const known = bases;
  const exemplars: ExemplarView[] = sorted.map((entry) => {
    let base = known.get(entry);
    if (!base) {
      const d = entry.data;
      const ward = d.ward ?? units.get(d.unit)?.ward;
      base = {
        entry,
        slug: entry.slug,
        path: exemplarPath(entry.slug),
        title: d.title,
        kind: { id: d.kind, name: kindLabel(d.kind) },
        unit: named(units, d.unit),
        ward: ward ? named(wards, ward) : undefined,
        field: named(fields, d.field),
        year: vietnamDate(d.date).year,
        dateText: formatDateVi(d.date),
        channels: d.channels.map((c) => named(channels, c)),
        draft: entry.draft,
      };
      known.set(entry, base);
    }
    // Written out rather than spread: ten thousand of these per derivation, and a literal of fixed shape is cheaper.
    const b: BaseView = base;
    return {
      entry: b.entry,
      slug: b.slug,
      path: b.path,
      title: b.title,
      kind: b.kind,
      unit: b.unit,
      ward: b.ward,
      field: b.field,
      year: b.year,
      dateText: b.dateText,
      channels: b.channels,
      draft: b.draft,
      related: [],
      approval: extras.approvals.get(entry.file),
      image: extras.images.get(entry.slug),
    };
  });
  const bySlug = new Map(exemplars.map((e) => [e.slug, e]));

  // Indexes per facet value, built in one pass (lists stay newest first).
  const index: Record<FacetDimension, Map<string, ExemplarView[]>> = {
    kind: new Map(),
    unit: new Map(),
    ward: new Map(),
    field: new Map(),
    year: new Map(),
  };
  const push = (dim: FacetDimension, id: string, e: ExemplarView) => {
    let list = index[dim].get(id);
    if (!list) index[dim].set(id, (list = []));
    list.push(e);
  };
  for (const e of exemplars) {
    push("kind", e.kind.id, e);
    push("unit", e.unit.id, e);
    if (e.ward) push("ward", e.ward.id, e);
    push("field", e.field.id, e);
    push("year", String(e.year), e);
  }

  // A list of people reads in Vietnamese order: by given name, then full name (Intl.Collator('vi')).
  const individuals = index.kind.get("individual");
  if (individuals) {
    const viewOf = new Map(individuals.map((e) => [e.entry, e]));
    index.kind.set("individual", sortedWith(individualOrder, [...viewOf.keys()], byGivenName).map((entry) => viewOf.get(entry) as ExemplarView));
  }

  // Related: same field first, then same unit, newest first, at most 3; constant work per exemplar.
  // Fall back to the newest exemplars; stop after a few so a huge list is never walked.
  const newest = exemplars.slice(0, 8);
  for (const e of exemplars) {
    const picks: string[] = [];
    for (const list of [index.field.get(e.field.id), index.unit.get(e.unit.id), index.kind.get(e.kind.id), newest]) {
      for (const other of list ?? []) {
        if (picks.length >= 3) break;
        if (other !== e && !picks.includes(other.slug)) picks.push(other.slug);
      }
      if (picks.length >= 3) break;
    }
    e.related = picks;
  }

  const years = [...index.year.keys()].sort((a, b) => Number(b) - Number(a));
  const values: Record<FacetDimension, Named[]> = {
    kind: EXEMPLAR_KINDS.map((k) => ({ id: k.id, name: k.name })),
    unit: site.units.map((u) => ({ id: u.id, name: u.name })),
    ward: site.wards.map((w) => ({ id: w.id, name: w.name })),
    field: site.fields.map((f) => ({ id: f.id, name: f.name })),
    year: years.map((y) => ({ id: y, name: `${FACET_TITLES.year} ${y}` })),
  };
  const facets: FacetGroup[] = (Object.keys(values) as FacetDimension[]).map((dimension) => ({
    dimension,
    title: FACET_TITLES[dimension],
    values: values[dimension].map((v) => ({
      dimension,
      id: v.id,
      label: v.name,
      path: facetPath(dimension, v.id, v.name),
      count: index[dimension].get(v.id)?.length ?? 0,
    })),
  }));

  const listPages = [
    ...paginate(SECTION_PATHS.exemplars, "Điển hình tiêu biểu", exemplars),
    ...facets.flatMap((g) =>
      g.values.map((v) => paginate(v.path, `${g.title}: ${v.label}`, index[g.dimension].get(v.id) ?? [], v)).flat(),
    ),
  ];

  const plans: PlanView[] = [...model.plans].sort(newestFirst).map((entry) => ({
    entry,
    slug: entry.slug,
    path: planPath(entry.slug),
    title: entry.data.title,
    dateText: formatDateVi(entry.data.date),
    approval: extras.approvals.get(entry.file),
    draft: entry.draft,
  }));

  const activities: ActivityView[] = [...model.activities].sort(newestFirst).map((entry) => {
    const d = entry.data;
    return {
      entry,
      slug: entry.slug,
      anchor: activityAnchor(entry.slug),
      title: d.title,
      dateText: formatDateVi(d.date),
      time: vietnamClock(d.date),
      type: named(types, d.type),
      unit: named(units, d.unit),
      ward: d.ward ? named(wards, d.ward) : undefined,
      channel: d.channel ? named(channels, d.channel) : undefined,
      occasion: d.occasion ? named(anniversaries, d.occasion) : undefined,
      exemplars: (d.exemplars ?? [])
        .map((s) => bySlug.get(s))
        .filter((e): e is ExemplarView => Boolean(e))
        .map((e) => ({ slug: e.slug, title: e.title, path: e.path })),
      draft: entry.draft,
      year: vietnamDate(d.date).year,
      path: activityPath(entry.slug, vietnamDate(d.date).year),
    };
  });
  const activityYears: ActivityYear[] = [];
  for (const a of activities) {
    const last = activityYears[activityYears.length - 1];
    if (last?.year === a.year) last.activities.push(a);
    else activityYears.push({ year: a.year, path: activityYearPath(a.year), activities: [a] });
  }

  const today = isoDate(todayInVietnam(extras.now));
  const anniversaryViews: AnniversaryView[] = site.anniversaries
    .map((a) => {
      const next = nextOccurrence(a.date, today);
      const ordinal = a.since ? Number(next.slice(0, 4)) - a.since : undefined;
      return { id: a.id, name: a.name, next, nextText: formatDateVi(next), ordinal, monthDay: a.date, since: a.since };
    })
    .sort((a, b) => (a.next < b.next ? -1 : a.next > b.next ? 1 : 0));

  const bulletins = [...model.bulletins].sort(newestFirst);
  const latest = bulletins.find((b) => !b.draft) ?? bulletins[0];
  const q = currentQuarter(extras.now);
  const inQuarter = (date: string) => sameQuarter(quarterOf(date), q);

  return {
    exemplars,
    bySlug,
    facets,
    listPages,
    plans,
    activities,
    activityYears,
    anniversaries: anniversaryViews,
    latestBulletin: latest
      ? {
          entry: latest,
          path: bulletinPaths(latest.slug).page,
          pdf: bulletinPaths(latest.slug).pdf,
          dateText: formatDateVi(latest.data.date),
          title: latest.data.title ?? `${site.document.bulletinName} số ${latest.data.number}`,
        }
      : undefined,
    quarter: {
      q,
      label: quarterLabel(q),
      path: quarterReportPaths(q).page,
      exemplars: exemplars.filter((e) => inQuarter(e.entry.data.date)).length,
      activities: activities.filter((a) => inQuarter(a.entry.data.date)).length,
      plans: plans.filter((p) => inQuarter(p.entry.data.date)).length,
    },
    upcoming: anniversaryViews.slice(0, 4),
  };
}

export const portalSection: SiteSection = {
  id: "portal",
  async prepare(ctx: SiteContext) {
    const [approvals, images] = await Promise.all([readApprovals(ctx.model.dir), makeExemplarImages(ctx.model.exemplars, ctx.outputDir, ctx.cacheDir)]);
    return { approvals, images };
  },
  data(ctx: SiteContext, { approvals, images }: Pick<Extras, "approvals" | "images">): PortalData {
    return derivePortal(ctx.model, { approvals, images, now: ctx.now });
  },
};
