// The printable report of a quarter or a year (the print page printed to PDF), laid out as a Party report from its outline.
import { FILE_PATHS } from "../paths/paths.ts";
import { fontFaceCss, pageCss, printSettings } from "../print/style.ts";
import type { ContentModel, SiteConfig } from "../content/model.ts";
import { html, type SafeHtml, trusted } from "../render/html.ts";
import type { Block, Inline } from "../word/blocks.ts";
import { issuerHeading } from "../word/party.ts";
import type { QuarterReport, YearReport } from "./figures.ts";
import type { ReportLabels } from "./labels.ts";
import { reportOutline, upper } from "./outline.ts";

const REPORT_CSS = `
.party-report{hyphens:manual}
.doc-header{display:flex;justify-content:space-between;align-items:flex-start;gap:8mm;margin-bottom:6mm}
.doc-header p{margin:0;text-align:center}
.issuer{flex:0 0 45%}
.national{flex:0 0 52%}
.issuer .parent{font-size:0.95em}
.issuer .org,.national .party-header{font-weight:700}
.national .party-header{text-decoration:underline;text-underline-offset:3pt}
.issuer .star{line-height:1}
.place-date{margin-top:5mm !important;font-style:italic;white-space:nowrap}
.blank{display:inline-block;width:12mm}
.sample-note{text-align:center;font-size:0.8em;font-style:italic;margin:0 0 4mm}
h1{text-align:center;font-size:1.25em;margin:4mm 0 0;font-weight:700}
h1 .subtitle{display:block;font-size:0.85em;margin-top:1mm}
.rule{text-align:center;margin:0 0 5mm}
h2{font-size:1em;margin:5mm 0 2mm;font-weight:700;break-after:avoid}
h3{font-size:1em;margin:3mm 0 1mm;font-weight:700;font-style:italic;break-after:avoid}
p{margin:0 0 2mm;text-align:justify;text-indent:1cm}
ol,ul{margin:0 0 2mm;padding-left:1.6cm}
li{margin:0 0 1mm}
table{border-collapse:collapse;margin:2mm 0 4mm;width:100%;font-size:0.9em;break-inside:auto}
caption{caption-side:top;text-align:left;font-style:italic;margin-bottom:1mm}
th,td{border:0.5pt solid #000;padding:1mm 2mm;text-align:left;vertical-align:top}
thead th{text-align:center}
tr{break-inside:avoid}
.num{text-align:right;white-space:nowrap}
tr.total th,tr.total td{font-weight:700}
.doc-footer{display:flex;justify-content:space-between;gap:8mm;margin-top:8mm;break-inside:avoid}
.recipients{flex:0 0 48%;font-size:0.85em}
.recipients p{text-indent:0;margin:0}
.recipients ul{list-style:none;padding:0;margin:0}
.recipients li{margin:0}
.signature{flex:0 0 45%;text-align:center}
.signature p{text-indent:0;text-align:center;margin:0;font-weight:700}
.signature .sign-space{height:25mm}
`;

function doc(title: string, site: SiteConfig, subject: string, body: SafeHtml): string {
  const settings = printSettings(site);
  // The print page is /bao-cao/<slug>/in/: the fonts are three folders up, whatever the path prefix.
  const css = [fontFaceCss(settings, `../../..${FILE_PATHS.printFonts}`), pageCss(settings), REPORT_CSS].join("\n");
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta name="author" content="${site.organisation.name}">
<meta name="subject" content="${subject}">
<meta name="keywords" content="báo cáo, điển hình tiêu biểu, ${title}">
<style>${trusted(css)}</style>
</head>
<body class="party-report">
${body}
</body>
</html>
`.toString();
}

function inline(runs: readonly Inline[]): SafeHtml {
  return html`${runs.map((r) => {
    const t = html`${r.breakBefore ? html`<br>` : ""}${r.text}`;
    const b = r.bold ? html`<strong>${t}</strong>` : t;
    return r.italic ? html`<em>${b}</em>` : b;
  })}`;
}

/** Blocks as print HTML: level-1 headings are <h2> below the document's <h1>; the first cell of a table row names the row. */
export function blocksHtml(blocks: readonly Block[]): SafeHtml {
  return html`${blocks.map((b) => {
    switch (b.type) {
      case "heading":
        return b.level === 1 ? html`<h2>${inline(b.text)}</h2>\n` : html`<h3>${inline(b.text)}</h3>\n`;
      case "paragraph":
        return html`<p>${inline(b.text)}</p>\n`;
      case "list":
        return b.ordered
          ? html`<ol${b.start && b.start > 1 ? html` start="${b.start}"` : ""}>${b.items.map((i) => html`<li>${inline(i)}</li>`)}</ol>\n`
          : html`<ul>${b.items.map((i) => html`<li>- ${inline(i)}</li>`)}</ul>\n`;
      case "table":
        return html`<table>
${b.caption ? html`<caption>${b.caption}</caption>` : ""}
<thead><tr>${b.columns.map((c) => html`<th scope="col">${c.title}</th>`)}</tr></thead>
<tbody>
${b.rows.map((r) => html`<tr${r.total ? html` class="total"` : ""}>${r.cells.map((v, i) => (i === 0 ? html`<th scope="row">${v}</th>` : html`<td${b.columns[i]?.numeric ? html` class="num"` : ""}>${v}</td>`))}</tr>\n`)}
</tbody>
</table>\n`;
      case "pageBreak":
        return html`<div style="break-after:page"></div>`;
    }
  })}`;
}

/** The whole print page (`/bao-cao/<yyyy>-q<n>/in/` or `/bao-cao/<yyyy>/in/`), printed to the period's PDF. */
export function reportDocument(model: ContentModel, labels: ReportLabels, r: QuarterReport | YearReport): string {
  const o = reportOutline(model, labels, r);
  const body = html`<header class="doc-header">
<div class="issuer">
<p class="parent">${upper(o.parent)}</p>
<p class="org">${issuerHeading(o.issuer)}</p>
<p class="star">*</p>
<p class="number">Số <span class="blank"></span>${o.number}</p>
</div>
<div class="national">
<p class="party-header">${o.partyHeader}</p>
<p class="place-date">${o.place}, ngày&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;tháng&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;năm ${o.year}</p>
</div>
</header>
${o.note ? html`<p class="sample-note">${o.note}</p>` : ""}
<h1>BÁO CÁO<span class="subtitle">${o.head.subject}</span></h1>
<p class="rule">-----</p>
${blocksHtml(o.blocks)}
<footer class="doc-footer">
<div class="recipients">
<p><strong><em>Nơi nhận:</em></strong></p>
<ul>${o.recipients.map((line) => html`<li>- ${line}</li>`)}</ul>
</div>
<div class="signature">
${o.signer ? html`<p class="signer-title">${upper(o.signer.title)}</p><p class="sign-space"></p><p class="signer-name">${o.signer.name}</p>` : ""}
</div>
</footer>`;
  return doc(o.title, model.site, o.head.subject, body);
}
