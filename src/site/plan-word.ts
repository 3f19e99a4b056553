// A plan as the issued Party document: the header block, number, place and date, title, numbered
// sections, "Nơi nhận" beside the signer; shared names with the plan page, and its Word file.
import type { PlanEntry, SiteConfig } from "../content/model.ts";
import { formatDateVi } from "../vi/date.ts";
import { markdownBlocks } from "../word/blocks.ts";
import { issuerHeading, partyDocument, type RecipientGroup } from "../word/party.ts";
import { wordSettings } from "../word/settings.ts";
import { markdownTokens } from "../render/markdown.ts";

/**
 * "Nơi nhận" as printed: ";" after each name, "," after the last name of a group with a purpose,
 * "." after the very last name.
 */
export function recipientGroups(plan: PlanEntry): RecipientGroup[] {
  const groups = plan.data.recipients;
  const lastGroup = groups.length - 1;
  return groups.map((g, gi) => ({
    lines: g.names.map((name, i) => `${name}${gi === lastGroup && i === g.names.length - 1 ? "." : g.purpose && i === g.names.length - 1 ? "," : ";"}`),
    ...(g.purpose ? { purpose: g.purpose } : {}),
  }));
}

/** `/ke-hoach/<slug>.docx`. */
export async function planDocx(site: SiteConfig, plan: PlanEntry): Promise<Uint8Array> {
  const d = plan.data;
  return partyDocument({
    settings: wordSettings(site),
    properties: {
      title: `Kế hoạch số ${d.number}`,
      subject: d.title,
      creator: d.issuer,
      keywords: ["kế hoạch", d.number, ...(d.tags ?? [])].join(", "),
      ...(d.summary ? { description: d.summary } : {}),
      date: d.date,
    },
    header: {
      parent: d.issuerParent ?? site.organisation.parent,
      issuer: issuerHeading(d.issuer),
      number: d.number,
      partyHeader: site.organisation.partyHeader,
      placeDate: `${d.place}, ${formatDateVi(d.date)}`,
    },
    kind: "KẾ HOẠCH",
    title: d.title,
    ...(plan.draft ? { note: "Bản nháp" } : {}),
    body: markdownBlocks(markdownTokens(plan.body)),
    recipients: recipientGroups(plan),
    signer: { title: d.signer.title, name: d.signer.name, ...(d.signer.signed ? { signed: true } : {}) },
  });
}
