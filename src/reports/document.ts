// The printable quarter report, laid out as a Party report (BÁO CÁO), every name taken from site.yaml and the plan it implements.
import { fontFaceCss, pageCss, printSettings, PRINT_FONT_PATH } from "../print/style.ts";
import type { ContentModel, PlanEntry, SiteConfig } from "../content/model.ts";
import { html, type SafeHtml, trusted } from "../render/html.ts";
import { compareContentDates, formatDateShort, formatDateVi } from "../vi/date.ts";
import { figureTable } from "./chart.ts";
import type { QuarterReport } from "./figures.ts";
import { fieldTitle, type ReportLabels, typeTitle } from "./labels.ts";
import { addQuarters, type Quarter, quarterEnd } from "../vi/quarter.ts";
import { anniversaryText, changeText, periodLabel, quarterInSentence } from "./view.ts";

/** The texts of the document that come from content: the plan being reported on and who receives the report. */
export interface ReportHead {
  /** The plan this report gives results of (the newest the organisation issued by the quarter's end). */
  plan?: PlanEntry;
  /** "Kết quả tuyên truyền điển hình tiêu biểu … quý IV năm 2018". */
  subject: string;
  /** Nơi nhận, the last one being the archive ("Lưu …"). */
  recipients: string[];
}

/** Lower-cases the first letter unless the first word is an acronym ("Tuyên truyền" → "tuyên truyền", "UBND" stays). */
function lowerFirst(text: string): string {
  const [first = "", second = ""] = [...text];
  return second && second === second.toLocaleLowerCase("vi") ? first.toLocaleLowerCase("vi") + text.slice(first.length) : text;
}

/** Upper case as Party document headers are printed ("Đảng bộ Quận Cầu Giấy" → "ĐẢNG BỘ QUẬN CẦU GIẤY"). */
function upper(text: string): string {
  return text.toLocaleUpperCase("vi");
}

/**
 * The plan a quarter's report answers to, its subject line and its recipients: site.yaml's
 * `reports.recipients` when given, otherwise the plan's "Để báo cáo" group (the bodies the plan reports to) and its archive line, so nothing about a district is
 * written in code. Without a plan the subject falls back on the site title and only "Lưu" remains.
 */
export function reportHead(model: ContentModel, quarter: Quarter): ReportHead {
  const end = quarterEnd(quarter);
  const candidates = model.plans
    .filter((p) => !p.draft && compareContentDates(p.data.date, end) <= 0)
    .sort((a, b) => compareContentDates(b.data.date, a.data.date));
  const plan = candidates.find((p) => p.data.issuer === model.site.organisation.name) ?? candidates[0];
  const when = quarterInSentence(quarter);
  const configured = model.site.reports?.recipients;
  if (!plan) return { subject: `Kết quả tuyên truyền ${lowerFirst(model.site.title)} ${when}`, recipients: configured ?? ["Lưu"] };
  if (configured) return { plan, subject: `Kết quả ${lowerFirst(plan.data.title)} ${when}`, recipients: configured };
  const reportTo = plan.data.recipients.filter((g) => g.purpose?.toLocaleLowerCase("vi").includes("báo cáo")).flatMap((g) => g.names);
  const archive = plan.data.recipients.flatMap((g) => g.names).find((n) => /^Lưu\b/u.test(n)) ?? "Lưu";
  return { plan, subject: `Kết quả ${lowerFirst(plan.data.title)} ${when}`, recipients: [...reportTo, archive] };
}

/** "a cá nhân, b tập thể" for the non-zero counts, in catalogue order. */
function countList(counts: Record<string, number>, names: Record<string, string>, lower = true): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${n} ${lower ? lowerFirst(names[id] ?? id) : (names[id] ?? id)}`)
    .join(", ");
}

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
  const css = [fontFaceCss(settings, `../../..${PRINT_FONT_PATH}`), pageCss(settings), REPORT_CSS].join("\n");
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

/** The whole print page (`/bao-cao/<yyyy>-q<n>/in/`), printed to `/bao-cao/<yyyy>-q<n>.pdf`. */
export function quarterDocument(model: ContentModel, labels: ReportLabels, r: QuarterReport): string {
  const { site } = model;
  const org = site.organisation;
  const head = reportHead(model, r.quarter);
  const when = quarterInSentence(r.quarter);
  const next = addQuarters(r.quarter, 1);
  const d = r.data;
  const ex = d.exemplars;
  const act = d.activities;
  const unitsWith = Object.values(ex.byUnit).filter((n) => n > 0).length;
  const submitting = site.units.filter((u) => u.submits !== false).length;
  const unitName = (id: string) => labels.units[id] ?? id;
  const leader = org.leader;
  const plan = head.plan?.data;
  let tables = 0;
  const tableNo = () => ++tables;

  const body = html`<header class="doc-header">
<div class="issuer">
<p class="parent">${upper(org.parent)}</p>
<p class="org">${upper(org.name)}</p>
<p class="star">*</p>
<p class="number">Số: <span class="blank"></span>-BC${org.symbol ? `/${org.symbol}` : ""}</p>
</div>
<div class="national">
<p class="party-header">${org.partyHeader}</p>
<p class="place-date">${org.place}, ngày&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;tháng&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;năm ${quarterEnd(r.quarter).slice(0, 4)}</p>
</div>
</header>
${site.sample ? html`<p class="sample-note">Dữ liệu minh họa</p>` : ""}
<h1>BÁO CÁO<span class="subtitle">${head.subject}</span></h1>
<p class="rule">-----</p>
<p class="intro">${plan ? `Thực hiện Kế hoạch số ${plan.number} ngày ${formatDateShort(plan.date)} của ${plan.issuer} về ${lowerFirst(plan.title)}, ` : ""}${org.name} báo cáo kết quả ${when} (${periodText(d.from, d.to)}) như sau:</p>

<h2>I. KẾT QUẢ</h2>
<h3>1. ${typeTitle("exemplar")} tiêu biểu được giới thiệu</h3>
${ex.total
  ? html`<p>Trong quý, ${unitsWith} đơn vị đã đề xuất, giới thiệu ${ex.total} điển hình tiêu biểu, gồm: ${countList(ex.byKind, labels.kinds)}.</p>
<ol>${r.entries.exemplars.map((e) => html`<li>${e.data.subject.name} (${lowerFirst(labels.kinds[e.data.kind] ?? e.data.kind)}, ${unitName(e.data.unit)}): ${e.data.title}.</li>`)}</ol>
${figureTable({ title: `Bảng ${tableNo()}. ${typeTitle("exemplar")} theo ${fieldTitle("exemplar", "field").toLowerCase()}`, dimension: fieldTitle("exemplar", "field"), rows: Object.entries(ex.byField).map(([id, value]) => ({ label: labels.fields[id] ?? id, value })), total: ex.total }, false)}
${figureTable({ title: `Bảng ${tableNo()}. ${typeTitle("exemplar")} theo ${fieldTitle("exemplar", "unit").toLowerCase()} (đơn vị có điển hình)`, dimension: fieldTitle("exemplar", "unit"), rows: Object.entries(ex.byUnit).filter(([, n]) => n > 0).map(([id, value]) => ({ label: unitName(id), value })), total: ex.total }, false)}`
  : html`<p>Trong quý, chưa có đơn vị nào đề xuất điển hình tiêu biểu.</p>`}
<h3>2. Hoạt động tuyên truyền</h3>
${act.total
  ? html`<p>Tổ chức ${act.total} hoạt động${countList(act.byType, labels.activityTypes) ? `: ${countList(act.byType, labels.activityTypes)}` : ""}.${countList(act.byChannel, labels.channels, false) ? ` Theo kênh tuyên truyền: ${countList(act.byChannel, labels.channels, false)}.` : ""}</p>
${figureTable({ title: `Bảng ${tableNo()}. ${typeTitle("activity")} theo ${fieldTitle("activity", "type").toLowerCase()}`, dimension: fieldTitle("activity", "type"), rows: Object.entries(act.byType).map(([id, value]) => ({ label: labels.activityTypes[id] ?? id, value })), total: act.total }, false)}
${wardTable(site, r, tableNo)}`
  : html`<p>Trong quý, chưa có hoạt động tuyên truyền nào được ghi nhận.</p>`}
${r.occasions.length
  ? html`<p>Giao lưu, tọa đàm nhân các ngày kỷ niệm:</p>
<ul>${r.occasions.map((o) => html`<li>- ${o.title} (${formatDateShort(o.date)}, ${unitName(o.unit)}${o.participants !== undefined ? `, ${o.participants} người tham dự` : ""}), nhân ${labels.anniversaries[o.anniversary] ?? o.anniversary}.</li>`)}</ul>`
  : ""}
<h3>3. ${typeTitle("plan")} và ${typeTitle("bulletin")}</h3>
<p>${d.plans.total ? `Ban hành ${d.plans.total} kế hoạch: ${r.entries.plans.map((p) => `Kế hoạch số ${p.data.number} ngày ${formatDateShort(p.data.date)} về ${lowerFirst(p.data.title)}`).join("; ")}.` : "Trong quý không ban hành kế hoạch mới."} ${d.bulletins.total ? `Phát hành ${d.bulletins.total} số ${site.document.bulletinName} (${r.entries.bulletins.map((b) => `số ${b.data.number}/${b.slug.slice(0, 4)}`).join(", ")}).` : `Trong quý không phát hành số ${site.document.bulletinName} nào.`}</p>

<h2>II. ĐÁNH GIÁ</h2>
<h3>1. So với quý trước và cùng kỳ năm trước</h3>
<p>So với ${lowerFirst(periodLabel(r.previous.period))}, số điển hình ${changeText(r.previous.change.exemplars)}, số hoạt động ${changeText(r.previous.change.activities)}${r.yearAgo ? `; so với cùng kỳ năm trước (${lowerFirst(periodLabel(r.yearAgo.period))}), số điển hình ${changeText(r.yearAgo.change.exemplars)}, số hoạt động ${changeText(r.yearAgo.change.activities)}` : ""}.</p>
<table>
<caption>Bảng ${tableNo()}. So sánh với các kỳ trước</caption>
<thead><tr><th scope="col">Chỉ tiêu</th><th scope="col">${periodLabel(d.period)}</th><th scope="col">${periodLabel(r.previous.period)}</th>${r.yearAgo ? html`<th scope="col">${periodLabel(r.yearAgo.period)}</th>` : ""}</tr></thead>
<tbody>
${(["exemplars", "activities", "plans", "bulletins"] as const).map(
  (k) => html`<tr><th scope="row">${typeTitle(({ exemplars: "exemplar", activities: "activity", plans: "plan", bulletins: "bulletin" } as const)[k])}</th><td class="num">${{ exemplars: ex.total, activities: act.total, plans: d.plans.total, bulletins: d.bulletins.total }[k]}</td><td class="num">${r.previous.totals[k]}</td>${r.yearAgo ? html`<td class="num">${r.yearAgo.totals[k]}</td>` : ""}</tr>`,
)}
</tbody>
</table>
<h3>2. Đơn vị cần đôn đốc</h3>
${d.unitsWithoutExemplars.length
  ? html`<p>Còn ${d.unitsWithoutExemplars.length}/${submitting} đơn vị thuộc diện gửi điển hình chưa đề xuất điển hình trong quý:</p>
<ul>${r.followUp.map((u) => html`<li>- ${unitName(u.unit)}${u.lastExemplar ? ` (điển hình gần nhất ${formatDateShort(u.lastExemplar)})` : " (chưa đề xuất điển hình nào)"};</li>`)}</ul>`
  : html`<p>Tất cả các đơn vị đều đã đề xuất điển hình trong quý.</p>`}

<h2>III. PHƯƠNG HƯỚNG ${upper(quarterInSentence(next))}</h2>
<ul>
${r.nextAnniversaries.length ? html`<li>- Tổ chức giao lưu điển hình tiêu biểu, trao đổi kinh nghiệm nhân dịp: ${r.nextAnniversaries.map(anniversaryText).join("; ")}.</li>` : ""}
${d.unitsWithoutExemplars.length ? html`<li>- Đôn đốc ${d.unitsWithoutExemplars.length} đơn vị chưa đề xuất điển hình gửi trích ngang, kết quả đạt được, cách làm hiệu quả về ${org.name}.</li>` : ""}
<li>- Tiếp tục tuyên truyền điển hình tiêu biểu trên ${site.channels.map((c) => c.name).join(", ")}.</li>
</ul>
<p>Trên đây là báo cáo ${lowerFirst(head.subject)} của ${org.name}./.</p>

<footer class="doc-footer">
<div class="recipients">
<p><strong><em>Nơi nhận:</em></strong></p>
<ul>${head.recipients.map((name, i) => html`<li>- ${name}${i === head.recipients.length - 1 ? "." : ","}</li>`)}</ul>
</div>
<div class="signature">
${leader ? html`<p class="signer-title">${upper(leader.title)}</p><p class="sign-space"></p><p class="signer-name">${leader.name}</p>` : ""}
</div>
</footer>`;
  return doc(`Báo cáo ${when}`, site, head.subject, body);
}

function periodText(from: string, to: string): string {
  return `từ ${formatDateVi(from)} đến ${formatDateVi(to)}`;
}

/** Activities per ward on each channel (the loudspeaker broadcasts per ward among them). */
function wardTable(site: SiteConfig, r: QuarterReport, tableNo: () => number): SafeHtml {
  const channels = site.channels.filter((c) => (r.data.activities.byChannel[c.id] ?? 0) > 0);
  if (channels.length === 0) return html``;
  return html`<table>
<caption>Bảng ${tableNo()}. ${typeTitle("activity")} theo ${fieldTitle("activity", "ward").toLowerCase()} và ${fieldTitle("activity", "channel").toLowerCase()}</caption>
<thead><tr><th scope="col">${fieldTitle("activity", "ward")}</th>${channels.map((c) => html`<th scope="col">${c.name}</th>`)}</tr></thead>
<tbody>
${site.wards.map((w) => html`<tr><th scope="row">${w.name}</th>${channels.map((c) => html`<td class="num">${r.activitiesByChannelAndWard[c.id]?.[w.id] ?? 0}</td>`)}</tr>`)}
<tr><th scope="row">Không ghi ${fieldTitle("activity", "ward").toLowerCase()}</th>${channels.map((c) => html`<td class="num">${r.activitiesWithoutWard[c.id] ?? 0}</td>`)}</tr>
</tbody>
</table>`;
}
