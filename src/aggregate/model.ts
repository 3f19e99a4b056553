// What the aggregate holds of each source after reading and checking it: slim records, never a source's raw markup.

/** The shape of one `/bao-cao/<yyyy>-q<n>.json` (schemas/exports/quarter.schema.json). */
export interface QuarterExport {
  period: string;
  from: string;
  to: string;
  exemplars: { total: number; byKind: Record<string, number>; byUnit: Record<string, number>; byWard: Record<string, number>; byField: Record<string, number>; slugs: string[] };
  activities: { total: number; byType: Record<string, number>; byChannel: Record<string, number>; slugs: string[] };
  plans: { total: number; slugs: string[] };
  bulletins: { total: number; ids: string[] };
  unitsWithoutExemplars: string[];
}

/** What the aggregate keeps of `/api/site.json` (schemas/exports/site.schema.json). */
export interface SiteExport {
  contract: string;
  title: string;
  name: string;
  level?: string;
  superior?: string;
  baseUrl: string;
  sample: boolean;
  units: { id: string; name: string }[];
  fields: { id: string; name: string }[];
  exports: { exemplars: string; search?: string; quarters: { period: string; json: string }[] };
}

/** One exemplar as the city section lists it. Every string came from a source: untrusted, escaped when written. */
export interface CityExemplar {
  source: string;
  slug: string;
  title: string;
  kind: string;
  subject: string;
  /** The proposing unit's id and name in the source's own roster. */
  unit: string;
  unitName: string;
  field: string;
  date: string;
  summary: string;
  /** The exemplar's page on the source's site (http or https only), when it has one. */
  link?: string;
}

export interface SourceSnapshot {
  site: SiteExport;
  exemplars: CityExemplar[];
  quarters: QuarterExport[];
  /** When this copy was read (ISO 8601). */
  readAt: string;
}

/** One source after the run: read now, or its last good copy, or nothing. */
export interface SourceOutcome {
  id: string;
  /** The name shown: the sources file's, else the source's own, else its id. */
  name: string;
  /** Where it is read from (a URL or a folder), for the page. */
  location: string;
  /** The site's address readers can visit (the `url` source, or the folder's published baseUrl). */
  home?: string;
  /** Read and valid now. */
  ok: boolean;
  /** Why it could not be read now (Vietnamese). */
  why?: string;
  /** The data used: fresh, or the last good copy when `ok` is false. */
  snapshot?: SourceSnapshot;
}
