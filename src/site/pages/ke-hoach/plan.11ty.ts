// One plan laid out as a Party document (thể thức văn bản của Đảng): header block, title, body, "Nơi nhận" and signature.
import { approvalLine, draftBadge } from "../../components.ts";
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../../render/html.ts";
import { layout } from "../../layout.ts";
import { renderBodyCached } from "../../../render/markdown.ts";
import type { PlanView } from "../../sections/portal.ts";
import { formatDateVi } from "../../../vi/date.ts";
import { recipientGroups } from "../../plan-word.ts";
import { issuerHeading } from "../../../word/party.ts";
import { planPaths, SECTION_PATHS } from "../../../paths/paths.ts";

export const data = {
  pagination: { data: "gs.sections.portal.plans", size: 1, alias: "plan" },
  permalink: (d: { plan: PlanView }) => d.plan.path,
};

export function render({ gs, plan }: { gs: SiteGlobals; plan: PlanView }): string {
  const d = plan.entry.data;
  const parent = d.issuerParent ?? gs.site.organisation.parent;
  const body = html`<article class="party-doc">
<div class="doc-header">
  <div class="doc-issuer">
    <p class="doc-parent">${parent.toLocaleUpperCase("vi")}</p>
    <p class="doc-issuer-name">${issuerHeading(d.issuer)}</p>
    <p class="doc-star" aria-hidden="true">*</p>
    <p class="doc-number">Số ${d.number}</p>
  </div>
  <div class="doc-national">
    <p class="doc-party">${gs.site.organisation.partyHeader}</p>
    <p class="doc-place-date">${d.place}, ${formatDateVi(d.date)}</p>
  </div>
</div>
<h1 class="doc-title"><span class="doc-kind">KẾ HOẠCH</span> <span class="doc-subject">${d.title}</span>${draftBadge(plan.draft)}</h1>
<p class="doc-rule" aria-hidden="true">-----</p>
<div class="doc-body prose">${renderBodyCached(plan.entry.hash, plan.entry.body)}</div>
<div class="doc-footer">
  <div class="doc-recipients">
    <p class="doc-recipients-title">Nơi nhận:</p>
    <table class="recipients">
      <caption class="visually-hidden">Nơi nhận văn bản và mục đích gửi</caption>
      <tbody>${recipientGroups(plan.entry).map((g) =>
        g.lines.map(
          (line, i) => html`<tr><td>- ${line}</td>${i === 0 ? html`<td rowspan="${g.lines.length}" class="purpose">${g.purpose ?? ""}</td>` : ""}</tr>`,
        ),
      )}</tbody>
    </table>
  </div>
  <div class="doc-signature">
    <p class="doc-signer-role">${d.signer.title}</p>
    ${d.signer.signed ? html`<p class="doc-signed">(Đã ký)</p>` : html`<p class="doc-sign-space" aria-hidden="true"></p>`}
    <p class="doc-signer-name">${d.signer.name}</p>
  </div>
</div>
</article>
<p class="doc-download"><a href="${gs.url(planPaths(plan.slug).docx)}" download>Tải văn bản Word (.docx) để in, chỉnh sửa</a></p>
<section class="doc-meta" aria-labelledby="can-cu">
  <h2 id="can-cu">Văn bản căn cứ</h2>
  <ul class="plain">${d.basis.map(
    (b) => html`<li>${b.number}${b.date ? html` ${formatDateVi(b.date)}` : ""} của ${b.issuer}: ${b.title}</li>`,
  )}</ul>
</section>
${approvalLine(plan.approval)}`;
  return layout(gs, {
    title: `Kế hoạch số ${d.number}`,
    path: plan.path,
    description: d.summary ?? d.title,
    body,
    bodyClass: "page-plan",
    draft: plan.draft,
    crumbs: [["Kế hoạch", SECTION_PATHS.plans]],
  });
}
