// What a reviewer needs to know about each changed entry: its validation result and what readers will see once merged.
import path from "node:path";
import type { ContentModel, ContentType, Entry, Finding, SiteConfig } from "../content/model.ts";
import { schemaAt, schemaSet } from "../content/schemas.ts";
import { quarterLabel, quarterOf } from "../vi/quarter.ts";
import { isCalendarDate, isDateTimeWithOffset } from "../vi/date.ts";
import { changePages, type ChangeStatus, type EntryChange } from "./changed.ts";

export type RowResult = "ok" | "warning" | "error" | "removed";

/** One finding as shown under the table. */
export interface RowMessage {
  line: number;
  column: number;
  severity: "error" | "warning";
  rule: string;
  message: string;
}

/** One changed entry, as a reviewer sees it. Every field is plain text (escaped when rendered). */
export interface SummaryRow {
  type: ContentType;
  /** The content type's Vietnamese name, from its schema title ("Điển hình"). */
  typeLabel: string;
  status: ChangeStatus;
  /** Path relative to the repository root. */
  file: string;
  oldFile?: string;
  title: string;
  /** Kind of exemplar, activity type, plan number or bulletin number, as readers see it. */
  kind: string;
  unit: string;
  /** "Quý IV năm 2018". */
  quarter: string;
  channels: string[];
  /** Site path of the page readers will open, e.g. `/dien-hinh/ten-tep/`; for removals, the page that disappears. */
  pagePath: string;
  /** The page that disappears when an entry is renamed. */
  oldPagePath?: string;
  draft: boolean;
  result: RowResult;
  errors: number;
  warnings: number;
  messages: RowMessage[];
}

export interface PrSummary {
  version: 1;
  pr: number;
  headSha: string;
  baseSha: string;
  rows: SummaryRow[];
  /** Other changed files in the content folder (site.yaml, images). */
  otherFiles: string[];
  /** Findings in files that are not rows (site.yaml, or everything when the whole tree was validated). */
  otherFindings: number;
}

/** Messages kept per row: enough to act on, small enough for a PR comment. */
export const MAX_MESSAGES_PER_ROW = 20;

function typeLabel(type: ContentType): string {
  return schemaSet().root(type).title ?? type;
}

function enumLabel(type: ContentType, field: string, value: string): string {
  return schemaAt(type, [field])?.["x-labels"]?.[value] ?? value;
}

function nameIn(list: readonly { id: string; name: string }[] | undefined, id: string | undefined): string {
  if (id === undefined) return "";
  return list?.find((item) => item.id === id)?.name ?? id;
}

function quarterText(date: unknown): string {
  if (typeof date !== "string" || !(isCalendarDate(date) || isDateTimeWithOffset(date))) return "";
  return quarterLabel(quarterOf(date));
}

/** What readers will see of one entry: title, kind, unit, quarter, channels. */
export function readerView(entry: Entry, site: SiteConfig): Pick<SummaryRow, "title" | "kind" | "unit" | "quarter" | "channels"> {
  switch (entry.type) {
    case "exemplar": {
      const d = (entry as Entry<"exemplar">).data;
      return {
        title: d.title,
        kind: enumLabel("exemplar", "kind", d.kind),
        unit: nameIn(site.units, d.unit),
        quarter: quarterText(d.date),
        channels: d.channels.map((id) => nameIn(site.channels, id)),
      };
    }
    case "activity": {
      const d = (entry as Entry<"activity">).data;
      return {
        title: d.title,
        kind: nameIn(site.activityTypes, d.type),
        unit: nameIn(site.units, d.unit),
        quarter: quarterText(d.date),
        channels: d.channel ? [nameIn(site.channels, d.channel)] : [],
      };
    }
    case "plan": {
      const d = (entry as Entry<"plan">).data;
      return {
        title: d.title,
        kind: `${typeLabel("plan")} số ${d.number}`,
        unit: d.unit ? nameIn(site.units, d.unit) : d.issuer,
        quarter: quarterText(d.date),
        channels: [],
      };
    }
    case "bulletin": {
      const d = (entry as Entry<"bulletin">).data;
      return {
        title: d.title ?? `${site.document.bulletinName} số ${d.number}`,
        kind: `${site.document.bulletinName} số ${d.number}`,
        unit: site.organisation.name,
        quarter: quarterText(d.date),
        channels: [site.document.bulletinName],
      };
    }
  }
}

function entriesOf(model: ContentModel): Entry[] {
  return [...model.exemplars, ...model.plans, ...model.activities, ...model.bulletins];
}

export interface BuildSummaryInput {
  pr: number;
  headSha: string;
  baseSha: string;
  changes: readonly EntryChange[];
  otherFiles: readonly string[];
  /** Loaded with drafts, so drafts get a row too. */
  model: ContentModel | undefined;
  findings: readonly Finding[];
  /** Repository root: changed paths and finding paths are resolved against it. */
  cwd: string;
}

/** Builds the summary rows: one per changed entry, with its findings and what readers will see. */
export function buildSummary(input: BuildSummaryInput): PrSummary {
  const byAbsPath = new Map<string, Entry>();
  if (input.model) for (const entry of entriesOf(input.model)) byAbsPath.set(path.resolve(entry.absPath), entry);
  const findingsByFile = new Map<string, Finding[]>();
  for (const finding of input.findings) {
    const key = path.resolve(input.cwd, finding.file);
    findingsByFile.set(key, [...(findingsByFile.get(key) ?? []), finding]);
  }
  const used = new Set<string>();
  const rows = input.changes.map((change): SummaryRow => {
    const abs = path.resolve(input.cwd, change.path);
    const base = {
      type: change.type,
      typeLabel: typeLabel(change.type),
      status: change.status,
      file: change.path,
      ...(change.oldPath !== undefined ? { oldFile: change.oldPath } : {}),
      ...changePages(change),
    };
    if (change.status === "deleted") {
      return { ...base, title: "", kind: "", unit: "", quarter: "", channels: [], draft: false, result: "removed", errors: 0, warnings: 0, messages: [] };
    }
    used.add(abs);
    const findings = findingsByFile.get(abs) ?? [];
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.length - errors;
    const entry = byAbsPath.get(abs);
    const view = entry && input.model ? readerView(entry, input.model.site) : { title: "", kind: "", unit: "", quarter: "", channels: [] };
    return {
      ...base,
      ...view,
      draft: entry?.draft ?? false,
      result: errors > 0 ? "error" : warnings > 0 ? "warning" : "ok",
      errors,
      warnings,
      messages: findings.slice(0, MAX_MESSAGES_PER_ROW).map((f) => ({
        line: f.line,
        column: f.column,
        severity: f.severity,
        rule: f.rule,
        message: f.message,
      })),
    };
  });
  let otherFindings = 0;
  for (const [file, list] of findingsByFile) if (!used.has(file)) otherFindings += list.length;
  return {
    version: 1,
    pr: input.pr,
    headSha: input.headSha,
    baseSha: input.baseSha,
    rows,
    otherFiles: [...input.otherFiles],
    otherFindings,
  };
}
