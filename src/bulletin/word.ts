// One bulletin issue as a Word file for the editors who lay out the printed issue elsewhere: the
// masthead lines, the editorial, then every article in the issue's order, then its plans and activities.
import type { ExemplarEntry, SiteConfig } from "../content/model.ts";
import { exemplarFieldTitle, kindLabel } from "../content/labels.ts";
import { markdownInlineTokens, markdownTokens } from "../render/markdown.ts";
import { formatDateVi } from "../vi/date.ts";
import { type Block, type Inline, markdownBlocks, markdownInline, text } from "../word/blocks.ts";
import { blocksToWord, wordFile } from "../word/party.ts";
import { cachedDocument } from "../word/cache.ts";
import { wordSettings } from "../word/settings.ts";
import { type BulletinIssue, exemplarFacts, issueLabel, nameOf } from "./issue.ts";
import { issueSubject } from "./print.ts";
import { printSettings } from "../print/style.ts";

const inline = (source: string): Inline[] => markdownInline(markdownInlineTokens(source));
const centred = (value: string, style: Omit<Inline, "text"> = {}): Block => ({ type: "paragraph", text: text(value, style), align: "center" });

function article(e: ExemplarEntry, site: SiteConfig): Block[] {
  const d = e.data;
  return [
    { type: "pageBreak" },
    { type: "paragraph", text: text(`${kindLabel(d.kind)} · ${nameOf(site.fields, d.field) ?? ""}`, { italic: true }), plain: true },
    { type: "heading", level: 1, text: text(d.title.replace(/\s+/g, " ").trim()) },
    ...exemplarFacts(e, site).map(([k, v]): Block => ({ type: "paragraph", plain: true, text: [{ text: `${k}: `, bold: true }, { text: String(v) }] })),
    { type: "paragraph", text: inline(d.summary).map((r) => ({ ...r, italic: true })) },
    ...(d.image ? [{ type: "paragraph", plain: true, text: text(`[Ảnh: ${d.image.alt}${d.image.credit ? `. Ảnh: ${d.image.credit}` : ""}]`, { italic: true }) } as Block] : []),
    { type: "heading", level: 2, text: text(exemplarFieldTitle("achievements")) },
    { type: "list", ordered: false, items: d.achievements.map(inline) },
    ...(d.method ? [{ type: "heading", level: 2, text: text(exemplarFieldTitle("method")) } as Block, { type: "paragraph", text: inline(d.method) } as Block] : []),
    ...markdownBlocks(markdownTokens(e.body)).map((b) => (b.type === "heading" ? { ...b, level: Math.min(3, b.level + 1) as 2 | 3 } : b)),
  ];
}

/**
 * The issue as a Word file (`/ban-tin/<yyyy>-<nn>.docx`). A pure function of site.yaml and the issue's entries, so it is kept in the build's Word
 * store under those (src/word/cache.ts): a rebuild makes only the issues whose entries changed.
 */
export async function bulletinDocx(site: SiteConfig, issue: BulletinIssue): Promise<Uint8Array> {
  // Where the files lie on this machine is not part of what the document shows.
  const entry = <T extends { absPath: string }>({ absPath: _where, ...rest }: T) => rest;
  const spec = {
    site,
    issue: { ...issue, entry: entry(issue.entry), exemplars: issue.exemplars.map(entry), plans: issue.plans.map(entry), activities: issue.activities.map(entry) },
  };
  return cachedDocument("bulletin", spec, () => makeBulletinDocx(site, issue));
}

async function makeBulletinDocx(site: SiteConfig, issue: BulletinIssue): Promise<Uint8Array> {
  const name = printSettings(site).bulletinName;
  const org = site.organisation;
  const label = issueLabel(issue);
  const news: Block[] = [];
  if (issue.plans.length + issue.activities.length) {
    news.push({ type: "pageBreak" }, { type: "heading", level: 1, text: text("Kế hoạch và hoạt động") });
    if (issue.plans.length) news.push({ type: "heading", level: 2, text: text("Kế hoạch") });
    for (const p of issue.plans) {
      news.push({ type: "paragraph", plain: true, text: [{ text: p.data.title, bold: true }, { text: `Số ${p.data.number}, ${p.data.place}, ${formatDateVi(p.data.date)}; ${p.data.issuer}`, italic: true, breakBefore: true }] });
      if (p.data.summary) news.push({ type: "paragraph", text: inline(p.data.summary) });
    }
    if (issue.activities.length) news.push({ type: "heading", level: 2, text: text("Hoạt động") });
    for (const a of issue.activities) {
      news.push({ type: "paragraph", plain: true, text: [{ text: a.data.title, bold: true }, { text: `${formatDateVi(a.data.date)} · ${nameOf(site.units, a.data.unit) ?? ""}`, italic: true, breakBefore: true }] });
      if (a.data.summary) news.push({ type: "paragraph", text: inline(a.data.summary) });
    }
  }
  const blocks: Block[] = [
    centred(`${org.parent.toLocaleUpperCase("vi")} · ${org.name.toLocaleUpperCase("vi")}`),
    centred(name.toLocaleUpperCase("vi"), { bold: true }),
    centred(`${label} · ${org.place}, ${formatDateVi(issue.date)}`, { italic: true }),
    ...(issue.title ? [centred(issue.title, { bold: true })] : []),
    ...(site.sample ? [centred("Dữ liệu minh họa", { italic: true })] : []),
    { type: "heading", level: 1, text: text("Lời tòa soạn") },
    ...markdownBlocks(markdownTokens(issue.entry.body)).map((b) => (b.type === "heading" ? { ...b, level: Math.min(3, b.level + 1) as 2 | 3 } : b)),
    ...issue.exemplars.flatMap((e) => article(e, site)),
    ...news,
  ];
  const settings = wordSettings(site);
  return wordFile({
    settings,
    properties: {
      title: `${name} ${label.toLowerCase()}`,
      subject: issueSubject(issue),
      creator: org.name,
      keywords: [name, ...new Set(issue.exemplars.flatMap((e) => e.data.tags ?? []))].join(", "),
      date: issue.date.slice(0, 10),
    },
    children: blocksToWord(blocks, settings),
  });
}
