// A quarter's figures as files: JSON in the contract's shape and key order, CSV rows for spreadsheets.
import type { SiteConfig } from "../content/model.ts";
import type { PeriodData } from "./figures.ts";
import { exemplarKinds, fieldTitle, reportLabels, typeTitle } from "./labels.ts";
import { type CsvCell, toCsv } from "./csv.ts";

/** A count map with exactly `ids`, in that order (site.yaml's order), zeros included. */
function ordered(map: Record<string, number>, ids: readonly { id: string }[] | readonly string[]): Record<string, number> {
  return Object.fromEntries(ids.map((x) => (typeof x === "string" ? x : x.id)).map((id) => [id, map[id] ?? 0]));
}

/** The contract's keys in the contract's order. */
function shape(site: SiteConfig, d: PeriodData): PeriodData {
  return {
    period: d.period,
    from: d.from,
    to: d.to,
    exemplars: {
      total: d.exemplars.total,
      byKind: ordered(d.exemplars.byKind, exemplarKinds()),
      byUnit: ordered(d.exemplars.byUnit, site.units),
      byWard: ordered(d.exemplars.byWard, site.wards),
      byField: ordered(d.exemplars.byField, site.fields),
      slugs: [...d.exemplars.slugs],
    },
    activities: {
      total: d.activities.total,
      byType: ordered(d.activities.byType, site.activityTypes),
      byChannel: ordered(d.activities.byChannel, site.channels),
      slugs: [...d.activities.slugs],
    },
    plans: { total: d.plans.total, slugs: [...d.plans.slugs] },
    bulletins: { total: d.bulletins.total, ids: [...d.bulletins.ids] },
    unitsWithoutExemplars: [...d.unitsWithoutExemplars],
  };
}

/** The JSON file: the contract's keys in the contract's order, two-space indented, final newline. */
export function quarterJson(site: SiteConfig, d: PeriodData): string {
  return `${JSON.stringify(shape(site, d), null, 2)}\n`;
}

/** `/bao-cao/<yyyy>.json`: the year in the quarter's shape, then its four quarters (Q1 to Q4, zeros included) in `quarters`. */
export function yearJson(site: SiteConfig, year: PeriodData, quarters: readonly PeriodData[]): string {
  return `${JSON.stringify({ ...shape(site, year), quarters: quarters.map((q) => shape(site, q)) }, null, 2)}\n`;
}

/** The CSV header row, in Vietnamese. */
export const CSV_HEADER = ["Kỳ báo cáo", "Nhóm", "Phân loại", "Mã", "Tên", "Số lượng"] as const;
export const CSV_TOTAL = "Tổng số";
export const CSV_FOLLOW_UP = "Đơn vị cần đôn đốc";

/** One row per total, per id of every `by…` map (zeros included) and per unit to follow up. */
export function quarterCsvRows(site: SiteConfig, d: PeriodData): CsvCell[][] {
  const labels = reportLabels(site);
  const rows: CsvCell[][] = [[...CSV_HEADER]];
  const group = (name: string, total: number, dims: [string, Record<string, number>, Record<string, string>][]) => {
    rows.push([d.period, name, CSV_TOTAL, "", "", total]);
    for (const [dimension, counts, names] of dims) {
      for (const [id, n] of Object.entries(counts)) rows.push([d.period, name, dimension, id, names[id] ?? id, n]);
    }
  };
  group(typeTitle("exemplar"), d.exemplars.total, [
    [fieldTitle("exemplar", "kind"), d.exemplars.byKind, labels.kinds],
    [fieldTitle("exemplar", "unit"), d.exemplars.byUnit, labels.units],
    [fieldTitle("exemplar", "ward"), d.exemplars.byWard, labels.wards],
    [fieldTitle("exemplar", "field"), d.exemplars.byField, labels.fields],
  ]);
  group(typeTitle("activity"), d.activities.total, [
    [fieldTitle("activity", "type"), d.activities.byType, labels.activityTypes],
    [fieldTitle("activity", "channel"), d.activities.byChannel, labels.channels],
  ]);
  group(typeTitle("plan"), d.plans.total, []);
  group(typeTitle("bulletin"), d.bulletins.total, []);
  for (const id of d.unitsWithoutExemplars) rows.push([d.period, CSV_FOLLOW_UP, fieldTitle("exemplar", "unit"), id, labels.units[id] ?? id, 0]);
  return rows;
}

export function quarterCsv(site: SiteConfig, d: PeriodData): string {
  return toCsv(quarterCsvRows(site, d));
}

/** `/bao-cao/<yyyy>.csv`: the year's rows, then each quarter's (the first column tells them apart), under one header. */
export function yearCsv(site: SiteConfig, year: PeriodData, quarters: readonly PeriodData[]): string {
  return toCsv([...quarterCsvRows(site, year), ...quarters.flatMap((q) => quarterCsvRows(site, q).slice(1))]);
}
