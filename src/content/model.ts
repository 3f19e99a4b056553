// The validated content model: what every part of the pipeline (site, bulletin, reports, loudspeaker) reads.
import type { Activity, Bulletin, Exemplar, Plan, SiteConfig } from "../types/generated.ts";

export type { Activity, Bulletin, Exemplar, Plan, SiteConfig };

/** The content types, each with its folder under the content tree and its schema. */
export const CONTENT_TYPES = {
  exemplar: { folder: "exemplars", schema: "exemplar.schema.json" },
  plan: { folder: "plans", schema: "plan.schema.json" },
  activity: { folder: "activities", schema: "activity.schema.json" },
  bulletin: { folder: "bulletins", schema: "bulletin.schema.json" },
} as const;

export type ContentType = keyof typeof CONTENT_TYPES;

export interface DataByType {
  exemplar: Exemplar;
  plan: Plan;
  activity: Activity;
  bulletin: Bulletin;
}

/** One content file after parsing and validation. */
export interface Entry<T extends ContentType = ContentType> {
  type: T;
  /** File name without `.md`; for bulletins `<yyyy>-<nn>`. Unique within its type. */
  slug: string;
  /** Path relative to the content directory, with forward slashes, e.g. `exemplars/2019/ten-tep.md`. */
  file: string;
  /** Absolute path on disk. */
  absPath: string;
  /** Front matter, NFC-normalised, shaped by the schema. */
  data: DataByType[T];
  /** Markdown body (NFC), without the front matter. */
  body: string;
  /** 1-based line number of the first body line in the file, for messages. */
  bodyLine: number;
  /** True when `data.draft` is true. */
  draft: boolean;
  /** Hex SHA-256 of the raw file bytes, for caches. */
  hash: string;
}

export type ExemplarEntry = Entry<"exemplar">;
export type PlanEntry = Entry<"plan">;
export type ActivityEntry = Entry<"activity">;
export type BulletinEntry = Entry<"bulletin">;

/** Everything loaded from one content tree. */
export interface ContentModel {
  /** Absolute path of the content directory. */
  dir: string;
  site: SiteConfig;
  exemplars: ExemplarEntry[];
  plans: PlanEntry[];
  activities: ActivityEntry[];
  bulletins: BulletinEntry[];
}

export type Severity = "error" | "warning";

/** One validation finding, as printed `file:line:column: severity: message (rule)`. */
export interface Finding {
  /** Path as shown to the author: relative to the working directory. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable rule id, e.g. `date-invalid`, `unit-unknown`. */
  rule: string;
  /** Vietnamese message that says what is wrong and how to fix it. */
  message: string;
}
