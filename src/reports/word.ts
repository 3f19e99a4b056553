// The quarter's and the year's report as a Word file in Party format, from the same outline as the PDF.
import type { ContentModel } from "../content/model.ts";
import { BLANK, partyDocument } from "../word/party.ts";
import { wordSettings } from "../word/settings.ts";
import type { QuarterReport, YearReport } from "./figures.ts";
import type { ReportLabels } from "./labels.ts";
import { reportOutline } from "./outline.ts";

/** `/bao-cao/<yyyy>-q<n>.docx` or `/bao-cao/<yyyy>.docx`: the number, day and month left blank for the office, as on the PDF. */
export async function reportDocx(model: ContentModel, labels: ReportLabels, r: QuarterReport | YearReport): Promise<Uint8Array> {
  const o = reportOutline(model, labels, r);
  return partyDocument({
    settings: wordSettings(model.site),
    properties: { title: o.title, subject: o.head.subject, creator: o.issuer, keywords: `báo cáo, điển hình tiêu biểu, ${o.title}`, date: o.date },
    header: {
      parent: o.parent,
      issuer: o.issuer,
      number: o.number,
      blank: true,
      partyHeader: o.partyHeader,
      placeDate: `${o.place}, ngày${BLANK}tháng${BLANK}năm ${o.year}`,
    },
    kind: "BÁO CÁO",
    title: o.head.subject,
    ...(o.note ? { note: o.note } : {}),
    body: o.blocks,
    recipients: [{ lines: o.recipients }],
    ...(o.signer ? { signer: o.signer } : {}),
  });
}
