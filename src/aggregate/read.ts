// Reads one source: /api/site.json, then /api/exemplars.json and every quarter JSON it lists, each checked against the
// contract's schemas, into a slim snapshot. Links to a source's pages are kept only when they are http(s).
import type { ErrorObject } from "ajv";
import { exportValidators, type ExportKind } from "../content/exports.ts";
import { ReadError, type SourceReader } from "./fetch.ts";
import type { CityExemplar, QuarterExport, SiteExport, SourceSnapshot } from "./model.ts";

/** The contract major version this aggregate reads. */
export const CONTRACT_MAJOR = 1;
export const SITE_JSON = "api/site.json";

const decoder = new TextDecoder("utf-8", { fatal: true });

function why(error: ErrorObject): string {
  const at = error.instancePath || "/";
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `thiếu trường "${String(p["missingProperty"])}" ở ${at}`;
    case "additionalProperties":
    case "unevaluatedProperties":
      return `có trường lạ "${String(p["additionalProperty"] ?? p["unevaluatedProperty"])}" ở ${at}`;
    case "type":
      return `${at} sai kiểu (cần ${String(p["type"])})`;
    case "enum":
    case "const":
      return `${at} có giá trị không được phép`;
    case "pattern":
    case "format":
      return `${at} sai định dạng`;
    default:
      return `${at} không hợp lệ (${error.keyword})`;
  }
}

/** Parses and checks one export; the raw bytes are returned for the cache. */
export async function readExport(read: SourceReader, relative: string, kind: ExportKind): Promise<{ value: unknown; bytes: Uint8Array }> {
  const bytes = await read(relative);
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new ReadError(`${relative}: không phải JSON hợp lệ.`);
  }
  if (kind === "site" && value && typeof value === "object") {
    const contract = (value as { contract?: unknown }).contract;
    if (typeof contract === "string" && !contract.startsWith(`${CONTRACT_MAJOR}.`)) {
      throw new ReadError(`${relative}: khuôn dữ liệu phiên bản ${contract}, lệnh tổng hợp này đọc phiên bản ${CONTRACT_MAJOR}.x.`);
    }
  }
  const validate = exportValidators()[kind];
  if (!validate(value)) {
    const errors = validate.errors ?? [];
    const more = errors.length > 1 ? ` và ${errors.length - 1} lỗi khác` : "";
    throw new ReadError(`${relative}: không đúng khuôn dữ liệu: ${errors[0] ? why(errors[0]) : "không rõ"}${more}.`);
  }
  return { value, bytes };
}

/** An http(s) URL or nothing: a source can never make the city section link to javascript: or data:. */
export function safeLink(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The exemplar's page on the site as read: its published URL moved from the site's baseUrl onto `home` when they differ. */
export function pageLink(url: string, baseUrl: string, home: string | undefined): string | undefined {
  if (home && url.startsWith(baseUrl)) return safeLink(new URL(url.slice(baseUrl.length), home).href);
  return safeLink(url);
}

interface RawExemplar {
  slug: string;
  url: string;
  title: string;
  kind: string;
  subject: { name: string };
  unit: string;
  field: string;
  date: string;
  summary: string;
}

/**
 * Reads everything of one source. `onFile` receives each file's bytes as read (the cache keeps them); `home` is the
 * address links should point at (a url source's own address). Throws ReadError on the first problem.
 */
export async function readSnapshot(
  id: string,
  read: SourceReader,
  home: string | undefined,
  onFile: (relative: string, bytes: Uint8Array) => void,
  now: Date = new Date(),
): Promise<SourceSnapshot> {
  const siteFile = await readExport(read, SITE_JSON, "site");
  onFile(SITE_JSON, siteFile.bytes);
  const site = siteFile.value as SiteExport;
  const list = await readExport(read, site.exports.exemplars, "exemplars");
  onFile(site.exports.exemplars, list.bytes);
  const raw = list.value as { count: number; exemplars: RawExemplar[] };
  if (raw.count !== raw.exemplars.length) throw new ReadError(`${site.exports.exemplars}: count ghi ${raw.count} nhưng có ${raw.exemplars.length} điển hình.`);
  const unitNames = new Map(site.units.map((u) => [u.id, u.name]));
  const exemplars: CityExemplar[] = raw.exemplars.map((e) => {
    const link = pageLink(e.url, site.baseUrl, home);
    return {
      source: id,
      slug: e.slug,
      title: e.title,
      kind: e.kind,
      subject: e.subject.name,
      unit: e.unit,
      unitName: unitNames.get(e.unit) ?? e.unit,
      field: e.field,
      date: e.date,
      summary: e.summary,
      ...(link ? { link } : {}),
    };
  });
  const quarters: QuarterExport[] = [];
  for (const q of site.exports.quarters) {
    const file = await readExport(read, q.json, "quarter");
    const data = file.value as QuarterExport;
    if (data.period !== q.period) throw new ReadError(`${q.json}: kỳ báo cáo ghi ${data.period}, api/site.json ghi ${q.period}.`);
    onFile(q.json, file.bytes);
    quarters.push(data);
  }
  const slim: SiteExport = {
    contract: site.contract,
    title: site.title,
    name: site.name,
    ...(site.level ? { level: site.level } : {}),
    ...(site.superior ? { superior: site.superior } : {}),
    baseUrl: site.baseUrl,
    sample: site.sample,
    units: site.units.map((u) => ({ id: u.id, name: u.name })),
    fields: site.fields.map((f) => ({ id: f.id, name: f.name })),
    exports: { exemplars: site.exports.exemplars, ...(site.exports.search ? { search: site.exports.search } : {}), quarters: site.exports.quarters },
  };
  return { site: slim, exemplars, quarters, readAt: now.toISOString() };
}
