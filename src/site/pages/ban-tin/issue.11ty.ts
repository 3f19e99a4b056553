// /ban-tin/<yyyy>-<nn>/: one issue on the web: its theme, the PDF to print, the editorial and what it carries.
import { activityPath } from "../../../paths/paths.ts";
import { vietnamDate } from "../../../vi/date.ts";
import type { BulletinIssue } from "../../../bulletin/issue.ts";
import { issueLabel } from "../../../bulletin/issue.ts";
import { pdfSizePlaceholder } from "../../../print/pdf-size.ts";
import { draftBadge } from "../../components.ts";
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../../render/html.ts";
import { kindLabel } from "../../../content/labels.ts";
import { layout } from "../../layout.ts";
import { renderBodyCached, renderMarkdownInline } from "../../../render/markdown.ts";
import type { BulletinsData } from "../../sections/bulletins.ts";
import type { PortalData } from "../../sections/portal.ts";
import { formatDateVi } from "../../../vi/date.ts";
import { exemplarPath, planPath, SECTION_PATHS } from "../../../paths/paths.ts";

export const data = {
  pagination: { data: "gs.sections.bulletins.issues", size: 1, alias: "issue" },
  permalink: (d: { issue: BulletinIssue }) => d.issue.paths.page,
};

export function render({ gs, issue }: { gs: SiteGlobals; issue: BulletinIssue }): string {
  const b = gs.section<BulletinsData>("bulletins");
  const portal = gs.section<PortalData>("portal");
  const title = `${b.bulletinName} ${issueLabel(issue).toLowerCase()}`;
  const unitName = (id: string) => gs.site.units.find((u) => u.id === id)?.name ?? id;
  const body = html`<article class="bulletin-issue">
<h1>${title}${draftBadge(issue.draft)}</h1>
<p class="lead">${issue.title ? html`<strong>${issue.title}</strong><br>` : ""}Phát hành ${formatDateVi(issue.date)}</p>
<p class="download"><a href="${gs.url(issue.paths.pdf)}" download>Tải bản in (PDF, khổ A4)</a> ${pdfSizePlaceholder(issue.paths.pdf)}</p>
<p class="download"><a href="${gs.url(issue.paths.docx)}" download>Tải bài vở để dàn trang (Word)</a></p>
<section aria-labelledby="loi-toa-soan"><h2 id="loi-toa-soan">Lời tòa soạn</h2>
<div class="prose">${renderBodyCached(issue.entry.hash, issue.entry.body, { under: 2 })}</div></section>
<section aria-labelledby="guong-sang"><h2 id="guong-sang">Gương sáng trong số này</h2>
<ol class="issue-exemplars">${issue.exemplars.map(
    (e) => html`<li><h3><a href="${gs.url(portal.bySlug.get(e.slug)?.path ?? exemplarPath(e.slug))}">${e.data.title}</a></h3>
<p class="card-meta">${kindLabel(e.data.kind)} · ${e.data.subject.name} · ${unitName(e.data.unit)}</p>
<p>${renderMarkdownInline(e.data.summary)}</p></li>`,
  )}</ol></section>
${issue.plans.length ? html`<section aria-labelledby="ke-hoach"><h2 id="ke-hoach">Kế hoạch</h2><ul>${issue.plans.map(
    (p) => html`<li><a href="${gs.url(planPath(p.slug))}">${p.data.title}</a> (số ${p.data.number}, ${formatDateVi(p.data.date)})</li>`,
  )}</ul></section>` : ""}
${issue.activities.length ? html`<section aria-labelledby="hoat-dong"><h2 id="hoat-dong">Hoạt động</h2><ul>${issue.activities.map(
    (a) => html`<li><a href="${gs.url(activityPath(a.slug, vietnamDate(a.data.date).year))}">${a.data.title}</a> (${formatDateVi(a.data.date)})</li>`,
  )}</ul></section>` : ""}
</article>`;
  return layout(gs, {
    title,
    path: issue.paths.page,
    description: issue.title,
    body,
    bodyClass: "page-bulletin",
    draft: issue.draft,
    searchable: true,
    crumbs: [["Bản tin", SECTION_PATHS.bulletins]],
  });
}
