// /api/site.json: the unit (name, level, superior body, roster, baseUrl), the contract version and where its exports are.
import type { SiteGlobals } from "../../globals.ts";
import type { ReportsData } from "../../sections/reports.ts";
import { CONTRACT_VERSION } from "../../../content/exports.ts";
import { FILE_PATHS, quarterReportPaths, type ReportPaths, yearReportPaths } from "../../../paths/paths.ts";

export const data = { permalink: FILE_PATHS.siteApi, eleventyExcludeFromCollections: true };

/** A site path as the export gives it: relative to baseUrl. */
const relative = (sitePath: string): string => sitePath.replace(/^\/+/, "");

/** A period's published files (the PDF is listed as the report pages link it; a `--no-pdf` build is a preview). */
function files(p: ReportPaths): { json: string; csv: string; pdf: string; docx: string } {
  return { json: relative(p.json), csv: relative(p.csv), pdf: relative(p.pdf), docx: relative(p.docx) };
}

export function render({ gs }: { gs: SiteGlobals }): string {
  const site = gs.site;
  const org = site.organisation;
  const reports = gs.section<ReportsData>("reports");
  const out = {
    contract: CONTRACT_VERSION,
    generated: gs.now.toISOString(),
    title: site.title,
    name: org.name,
    ...(org.shortName ? { shortName: org.shortName } : {}),
    ...(org.level ? { level: org.level } : {}),
    ...(org.superior ? { superior: org.superior } : {}),
    parent: org.parent,
    baseUrl: site.baseUrl,
    sample: site.sample,
    units: site.units.map((u) => ({
      id: u.id,
      name: u.name,
      ...(u.shortName ? { shortName: u.shortName } : {}),
      group: u.group,
      ...(u.ward ? { ward: u.ward } : {}),
      submits: u.submits !== false,
    })),
    wards: site.wards.map((w) => ({ id: w.id, name: w.name })),
    fields: site.fields.map((f) => ({ id: f.id, name: f.name })),
    exports: {
      exemplars: "api/exemplars.json",
      schemas: "api/schemas/",
      search: "pagefind/",
      quarters: reports.quarters.map((q) => ({ period: q.data.period, ...files(quarterReportPaths(q.quarter)) })),
      years: reports.years.map((y) => ({ period: String(y.year), ...files(yearReportPaths(y.year)) })),
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
