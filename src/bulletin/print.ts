// The print page of one bulletin issue: cover, table of contents, editorial, one article per
// exemplar (each on a new page), plans and activities. Pure: model in, HTML document out.
import { noindexMeta } from "../render/markers.ts";
import path from "node:path";
import type { ExemplarEntry, SiteConfig } from "../content/model.ts";
import { html, trusted, type SafeHtml } from "../render/html.ts";
import { exemplarFieldTitle, kindLabel } from "../content/labels.ts";
import { renderBodyCached, renderMarkdownInline } from "../render/markdown.ts";
import { formatDateVi } from "../vi/date.ts";
import { exemplarFacts, issueLabel, nameOf, type BulletinIssue } from "./issue.ts";
import { FILE_PATHS } from "../paths/paths.ts";
import { fontFaceCss, pageCss, printSettings, type PrintSettings } from "../print/style.ts";

/** A print-ready image of an exemplar (site path and pixel size). */
export interface PrintImage {
  src: string;
  width: number;
  height: number;
}

export interface PrintOptions {
  site: SiteConfig;
  /** Print images by exemplar slug; exemplars without one print without a picture. */
  images?: ReadonlyMap<string, PrintImage>;
}

/** A URL from the page at `fromPage` (a directory path) to the site path `to`, relative so any path prefix works. */
export function relativeUrl(fromPage: string, to: string): string {
  const rel = path.posix.relative(fromPage, path.posix.dirname(to + "x")) || ".";
  const file = to.endsWith("/") ? "" : path.posix.basename(to);
  return `${rel}/${file}`;
}

/**
 * Article headings without their ids: several articles in one print page may share a heading, and
 * ids must stay unique. (Our markdown already starts article headings at h2, below the title.)
 */
function withoutHeadingIds(body: SafeHtml): SafeHtml {
  return trusted(body.value.replace(/<(h[2-6])([^>]*)>/g, (_m, tag: string, attrs: string) => `<${tag}${attrs.replace(/\s+id="[^"]*"/g, "")}>`));
}

const norm = (s: string): string => s.replace(/\s+/g, " ").trim();
/** Articles listed on the cover below the lead story; the rest are in the table of contents. */
const COVER_LIST_MAX = 6;

export const articleId = (slug: string): string => `bai-${slug}`;

function styles(settings: PrintSettings, issue: BulletinIssue, fontBase: string): string {
  const s = settings.font.size;
  return `${fontFaceCss(settings, fontBase)}
${pageCss(settings, { headerLeft: settings.bulletinName, headerRight: issueLabel(issue) })}
h1,h2,h3,h4,h5,h6{line-height:1.25;break-after:avoid;font-weight:700}
p{margin:0 0 .45em;text-align:justify;hyphens:manual;orphans:3;widows:3}
ul{margin:0 0 .8em;padding-left:1.3em}
li{margin:0 0 .3em}
.cover{height:${297 - settings.margins.top - settings.margins.bottom - 4}mm;display:flex;flex-direction:column;overflow:hidden}
.cover .issuer{display:flex;justify-content:space-between;font-size:${s * 0.8}pt;text-transform:uppercase;letter-spacing:.04em;border-bottom:.6pt solid #000;padding-bottom:2mm}
.cover .issuer b{font-weight:700}
.masthead{text-align:center;margin:9mm 0 2mm;font-size:${s * 2.5}pt;line-height:1.1;text-transform:uppercase;letter-spacing:.03em}
.cover .rule{border-top:2.4pt solid #000;border-bottom:.8pt solid #000;height:1.2mm;margin:0 0 2.5mm}
.cover .dateline{display:flex;justify-content:space-between;font-style:italic;font-size:${s * 0.9}pt;margin-bottom:7mm}
.cover .theme{text-align:center;font-size:${s * 1.15}pt;font-weight:700;text-transform:uppercase;margin:0 0 6mm}
.lead{display:contents}
.lead .label{font-size:${s * 0.75}pt;letter-spacing:.12em;text-transform:uppercase;border-top:.6pt solid #000;padding-top:2mm;margin:0 0 2mm}
.lead .title{font-size:${s * 1.65}pt;font-weight:700;line-height:1.2;text-align:left;margin:0 0 4mm}
.lead figure.photo{flex:1 1 0;min-height:25mm;display:flex;flex-direction:column;margin:0 0 3mm}
.lead figure.photo img{flex:1 1 0;min-height:0;width:100%;max-height:none;object-fit:contain}
.lead figure.photo figcaption{flex:none}
.lead .more{font-style:italic;text-align:right}
.inside{margin-top:auto;border-top:.6pt solid #000;padding-top:2mm}
.inside .label{font-size:${s * 0.75}pt;letter-spacing:.12em;text-transform:uppercase;margin:0 0 2mm}
.inside ul{list-style:none;padding:0;margin:0}
.inside li{display:flex;gap:3mm;margin:0 0 1.2mm;font-size:${s * 0.9}pt}
.inside li .t{flex:1}
.inside li .n{flex:0 0 2.5em;text-align:right}
.cover .foot{margin-top:3mm;text-align:center;font-size:${s * 0.8}pt;letter-spacing:.15em;text-transform:uppercase;border-top:.6pt solid #000;padding-top:2mm}
section.toc{break-after:page}
.toc h1,.editorial h1,.news h1{font-size:${s * 1.5}pt;text-transform:uppercase;letter-spacing:.04em;text-align:center;margin:0 0 8mm}
.toc ol{list-style:none;margin:0;padding:0}
.toc li{margin:0 0 4mm;break-inside:avoid}
.toc a{color:inherit;text-decoration:none;display:flex;align-items:baseline}
.toc .t{flex:0 1 auto}
.toc .dots{flex:1 1 2em;border-bottom:1.2pt dotted #000;margin:0 1.5mm;min-width:2em}
.toc .n{flex:0 0 2.5em;text-align:right;font-variant-numeric:tabular-nums}
.toc .meta{display:block;font-size:${s * 0.85}pt;font-style:italic;margin-top:.5mm;padding-right:3.5em}
.toc .group{font-weight:700;text-transform:uppercase;font-size:${s * 0.85}pt;letter-spacing:.08em;margin:6mm 0 3mm;border-bottom:.6pt solid #000}
.editorial{break-after:page}
.editorial .body{column-count:1}
article.exemplar{break-before:page}
.kicker{font-size:${s * 0.8}pt;text-transform:uppercase;letter-spacing:.1em;margin:0 0 2mm;text-align:left}
article.exemplar>h1{font-size:${s * 1.45}pt;margin:0 0 4mm}
.profile{border:.8pt solid #000;background:#f0f0f0;padding:2.5mm 4mm;margin:0 0 4mm;break-inside:avoid}
.profile h2{font-size:${s * 0.9}pt;text-transform:uppercase;letter-spacing:.08em;margin:0 0 2mm}
.profile dl{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:.6mm 3mm;margin:0 0 2mm;font-size:${s * 0.9}pt}
.profile dt{font-weight:700}
.profile dd{margin:0}
.profile .summary{font-style:italic;margin:0}
figure.photo{margin:0 0 5mm;break-inside:avoid}
figure.photo img{display:block;width:auto;height:auto;max-width:100%;max-height:95mm;margin:0 auto}
figure.photo figcaption{font-size:${s * 0.8}pt;font-style:italic;text-align:center;margin-top:1.5mm}
article.exemplar h2{font-size:${s * 1.05}pt;margin:4mm 0 1.5mm}
article.exemplar h3,article.exemplar h4{font-size:${s}pt;margin:4mm 0 2mm}
.method{border-left:2pt solid #000;padding-left:4mm}
.news{break-before:page}
.news h2{font-size:${s * 1.05}pt;text-transform:uppercase;letter-spacing:.06em;border-bottom:.6pt solid #000;margin:6mm 0 3mm}
.news .item{margin:0 0 4mm;break-inside:avoid}
.news .item .what{font-weight:700}
.news .item .when{font-style:italic}
.md-image{font-style:italic}`;
}

function profile(e: ExemplarEntry, site: SiteConfig): SafeHtml {
  const d = e.data;
  return html`<aside class="profile">
<h2>${exemplarFieldTitle("summary")}</h2>
<dl>${exemplarFacts(e, site).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<p class="summary">${renderMarkdownInline(d.summary)}</p>
</aside>`;
}

function photo(e: ExemplarEntry, image: PrintImage | undefined, page: string): SafeHtml {
  const img = e.data.image;
  if (!img || !image) return html``;
  const credit = img.credit ? html` Ảnh: ${img.credit}.` : "";
  return html`<figure class="photo"><img src="${relativeUrl(page, image.src)}" width="${image.width}" height="${image.height}" alt="${img.alt}"><figcaption>${img.alt}.${credit}</figcaption></figure>`;
}

function article(e: ExemplarEntry, options: PrintOptions, page: string): SafeHtml {
  const d = e.data;
  const site = options.site;
  return html`<article class="exemplar">
<p class="kicker">${kindLabel(d.kind)} · ${nameOf(site.fields, d.field)}</p>
<h1 id="${articleId(e.slug)}">${norm(d.title)}</h1>
${profile(e, site)}
${photo(e, options.images?.get(e.slug), page)}
<h2>${exemplarFieldTitle("achievements")}</h2>
<ul>${d.achievements.map((a) => html`<li>${renderMarkdownInline(a)}</li>`)}</ul>
${d.method ? html`<h2>${exemplarFieldTitle("method")}</h2><p class="method">${renderMarkdownInline(d.method)}</p>` : ""}
<div class="body">${withoutHeadingIds(renderBodyCached(e.hash, e.body))}</div>
</article>`;
}

function tocEntry(id: string, title: string, meta?: string): SafeHtml {
  return html`<li><a href="#${id}"><span class="t">${title}</span><span class="dots"></span><span class="n" data-toc-page="${id}"></span></a>${meta ? html`<span class="meta">${meta}</span>` : ""}</li>`;
}

/** Subject line of the issue's PDF (metadata): the theme, or the lead story's title. */
export function issueSubject(issue: BulletinIssue): string {
  return issue.title ?? issue.exemplars[0]?.data.title ?? "";
}

/** The complete print HTML document of an issue. */
export function renderBulletinPrint(issue: BulletinIssue, options: PrintOptions): string {
  const site = options.site;
  const settings = printSettings(site);
  const page = issue.paths.print;
  const org = site.organisation;
  const lead = issue.exemplars[0];
  const name = settings.bulletinName;
  const label = issueLabel(issue);
  const keywords = [
    name,
    ...new Set([...issue.exemplars.map((e) => nameOf(site.fields, e.data.field) ?? ""), ...issue.exemplars.flatMap((e) => e.data.tags ?? [])]),
  ].filter(Boolean);
  const newsItems = issue.plans.length + issue.activities.length;

  const doc = html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${name} ${label.toLowerCase()}</title>
<meta name="author" content="${org.name}">
<meta name="description" content="${issueSubject(issue)}">
<meta name="keywords" content="${keywords.join(", ")}">
${noindexMeta(true)}
<link rel="icon" href="data:,">
<style>${trusted(styles(settings, issue, relativeUrl(page, FILE_PATHS.printFonts)))}</style>
</head>
<body data-pagefind-ignore="all">
<section class="cover">
<div class="issuer"><span>${org.parent}<br><b>${org.name}</b></span><span>${label}</span></div>
<h1 class="masthead">${name}</h1>
<div class="rule"></div>
<p class="dateline"><span>${label}</span><span>${org.place}, ${formatDateVi(issue.date)}</span></p>
${issue.title ? html`<p class="theme">${issue.title}</p>` : ""}
${
  lead
    ? html`<div class="lead">
<p class="label">Gương sáng số này</p>
<p class="title">${norm(lead.data.title)}</p>
${photo(lead, options.images?.get(lead.slug), page)}
<p class="summary">${renderMarkdownInline(lead.data.summary)}</p>
<p class="more">Đọc tiếp trang <span data-toc-page="${articleId(lead.slug)}"></span></p>
</div>
${
  issue.exemplars.length > 1
    ? html`<div class="inside"><p class="label">Trong số này</p><ul>${issue.exemplars
        .slice(1, 1 + COVER_LIST_MAX)
        .map((e) => html`<li><span class="t">${norm(e.data.title)}</span><span class="n" data-toc-page="${articleId(e.slug)}"></span></li>`)}${
        issue.exemplars.length > 1 + COVER_LIST_MAX ? html`<li><span class="t">… và ${issue.exemplars.length - 1 - COVER_LIST_MAX} bài khác (xem Mục lục)</span></li>` : ""
      }</ul></div>`
    : ""
}`
    : ""
}
<p class="foot">Lưu hành nội bộ</p>
</section>
<section class="toc">
<h1 id="muc-luc">Mục lục</h1>
<ol>
${tocEntry("loi-toa-soan", "Lời tòa soạn")}
<li class="group">Gương sáng</li>
${issue.exemplars.map((e) =>
  tocEntry(articleId(e.slug), norm(e.data.title), `${kindLabel(e.data.kind)} · ${e.data.subject.name} · ${nameOf(site.units, e.data.unit)}`),
)}
${newsItems ? tocEntry("tin-hoat-dong", "Kế hoạch và hoạt động") : ""}
</ol>
</section>
<section class="editorial">
<h1 id="loi-toa-soan">Lời tòa soạn</h1>
<div class="body">${withoutHeadingIds(renderBodyCached(issue.entry.hash, issue.entry.body))}</div>
</section>
${issue.exemplars.map((e) => article(e, options, page))}
${
  newsItems
    ? html`<section class="news">
<h1 id="tin-hoat-dong">Kế hoạch và hoạt động</h1>
${
  issue.plans.length
    ? html`<h2>Kế hoạch</h2>${issue.plans.map(
        (p) => html`<div class="item"><p><span class="what">${p.data.title}</span><br><span class="when">Số ${p.data.number}, ${p.data.place}, ${formatDateVi(p.data.date)}; ${p.data.issuer}</span></p>${p.data.summary ? html`<p>${renderMarkdownInline(p.data.summary)}</p>` : ""}</div>`,
      )}`
    : ""
}
${
  issue.activities.length
    ? html`<h2>Hoạt động</h2>${issue.activities.map(
        (a) => html`<div class="item"><p><span class="what">${a.data.title}</span><br><span class="when">${formatDateVi(a.data.date)} · ${nameOf(site.units, a.data.unit)}</span></p>${a.data.summary ? html`<p>${renderMarkdownInline(a.data.summary)}</p>` : ""}</div>`,
      )}`
    : ""
}
</section>`
    : ""
}
</body>
</html>
`;
  return doc.value;
}
