// /ban-tin/: every issue, newest first, with its theme, its lead story, what it carries and its PDF
// (the size is written in by the PDF step: see src/bulletin/pdf-size.ts).
import { issueLabel } from "../../../bulletin/issue.ts";
import { pdfSizePlaceholder } from "../../../print/pdf-size.ts";
import { draftBadge } from "../../components.ts";
import type { SiteGlobals } from "../../globals.ts";
import { html, trusted } from "../../../render/html.ts";
import { pictureHtml } from "../../images.ts";
import { layout } from "../../layout.ts";
import type { BulletinsData } from "../../sections/bulletins.ts";
import type { PortalData } from "../../sections/portal.ts";
import { formatDateVi } from "../../../vi/date.ts";
import { exemplarPath, SECTION_PATHS } from "../../../paths/paths.ts";

export const data = { permalink: SECTION_PATHS.bulletins };

/** The lead story's picture as a thumbnail beside the issue. */
const ARCHIVE_CSS = trusted(`<style>
.bulletin-archive{list-style:none;padding:0}
.bulletin-archive .card{display:flow-root}
.bulletin-archive .card-image{float:right;margin:0 0 .5rem 1rem;max-width:40%}
.bulletin-archive .card-image img{max-height:9rem;width:auto;display:block}
</style>`);

export function render({ gs }: { gs: SiteGlobals }): string {
  const b = gs.section<BulletinsData>("bulletins");
  const portal = gs.section<PortalData>("portal");
  const body = html`<h1>${b.bulletinName}</h1>
<p class="lead">Mỗi số Bản tin giới thiệu những gương sáng, mô hình hay, cách làm hiệu quả; tải bản PDF khổ A4 để in và phát hành nội bộ.</p>
${b.issues.length
  ? html`<ol class="bulletin-archive">${b.issues.map((issue) => {
      const lead = issue.exemplars[0];
      const leadView = lead && portal.bySlug.get(lead.slug);
      return html`<li class="card">
${leadView?.image ? html`<div class="card-image">${pictureHtml(leadView.image, gs.url, "(min-width: 60rem) 20rem, 100vw")}</div>` : ""}
<h2 class="card-title"><a href="${gs.url(issue.paths.page)}">${issueLabel(issue)}</a>${draftBadge(issue.draft)}</h2>
<p class="card-meta"><time datetime="${issue.date}">${formatDateVi(issue.date)}</time>${issue.title ? html` · ${issue.title}` : ""}</p>
${lead ? html`<p>Bài chính: <a href="${gs.url(leadView?.path ?? exemplarPath(lead.slug))}">${lead.data.title}</a>${issue.exemplars.length > 1 ? html` và ${issue.exemplars.length - 1} gương sáng khác` : ""}.</p>` : ""}
<p class="download"><a href="${gs.url(issue.paths.pdf)}" download>Tải PDF ${issueLabel(issue)}</a> ${pdfSizePlaceholder(issue.paths.pdf)} · <a href="${gs.url(issue.paths.docx)}" download>Word</a></p>
</li>`;
    })}</ol>`
  : html`<p>Chưa có số Bản tin nào.</p>`}`;
  return layout(gs, { title: b.bulletinName, path: SECTION_PATHS.bulletins, body, bodyClass: "page-bulletins", head: ARCHIVE_CSS });
}
