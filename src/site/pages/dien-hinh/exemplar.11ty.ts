// One page per exemplar: profile card (trích ngang), achievements, method, article, image, channels, related, approval.
import { approvalLine, draftBadge } from "../../components.ts";
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../html.ts";
import { pictureHtml } from "../../images.ts";
import { exemplarFieldTitle as t } from "../../labels.ts";
import { layout } from "../../layout.ts";
import { renderBodyCached, renderMarkdownInline } from "../../markdown.ts";
import type { ExemplarView, PortalData } from "../../sections/portal.ts";

export const data = {
  pagination: { data: "gs.sections.portal.exemplars", size: 1, alias: "ex" },
  permalink: (d: { ex: ExemplarView }) => d.ex.path,
};

export function render({ gs, ex }: { gs: SiteGlobals; ex: ExemplarView }): string {
  const p = gs.section<PortalData>("portal");
  const d = ex.entry.data;
  const related = ex.related.map((s) => p.bySlug.get(s)).filter((r): r is ExemplarView => Boolean(r));
  const row = (label: string, value: unknown) =>
    value === undefined || value === "" ? html`` : html`<div><dt>${label}</dt><dd>${value as string}</dd></div>`;
  const body = html`<article class="exemplar">
<header class="exemplar-head">
  <p class="kicker"><a href="${gs.url(p.facets[0]!.values.find((v) => v.id === ex.kind.id)!.path)}">${ex.kind.name}</a> · ${ex.field.name}</p>
  <h1>${ex.title}${draftBadge(ex.draft)}</h1>
  <p class="lead">${d.summary}</p>
</header>
<div class="exemplar-grid">
<section class="profile" aria-labelledby="trich-ngang">
  <h2 id="trich-ngang">Trích ngang</h2>
  <dl>
    ${row(t("subject.name"), d.subject.name)}
    ${row(t("subject.birthYear"), d.subject.birthYear)}
    ${row(t("subject.role"), d.subject.role)}
    ${row(t("kind"), ex.kind.name)}
    <div><dt>${t("unit")}</dt><dd><a href="${gs.url(`/dien-hinh/don-vi/${ex.unit.id}/`)}">${ex.unit.name}</a></dd></div>
    ${ex.ward ? html`<div><dt>${t("ward")}</dt><dd><a href="${gs.url(`/dien-hinh/phuong/${ex.ward.id}/`)}">${ex.ward.name}</a></dd></div>` : ""}
    <div><dt>${t("field")}</dt><dd><a href="${gs.url(`/dien-hinh/linh-vuc/${ex.field.id}/`)}">${ex.field.name}</a></dd></div>
    <div><dt>${t("date")}</dt><dd><time datetime="${d.date}">${ex.dateText}</time></dd></div>
  </dl>
</section>
${ex.image ? html`<figure class="exemplar-image">${pictureHtml(ex.image, gs.url)}${ex.image.credit ? html`<figcaption>${ex.image.credit}</figcaption>` : ""}</figure>` : ""}
</div>
<section aria-labelledby="ket-qua">
  <h2 id="ket-qua">${t("achievements")}</h2>
  <ul class="achievements">${d.achievements.map((a) => html`<li>${renderMarkdownInline(a)}</li>`)}</ul>
</section>
${d.method ? html`<section aria-labelledby="cach-lam"><h2 id="cach-lam">${t("method")}</h2><div class="prose">${renderBodyCached(`${ex.entry.hash}:method`, d.method)}</div></section>` : ""}
<section aria-labelledby="bai-viet">
  <h2 id="bai-viet">Bài viết</h2>
  <div class="prose">${renderBodyCached(ex.entry.hash, ex.entry.body)}</div>
</section>
<section class="channels" aria-labelledby="kenh">
  <h2 id="kenh">${t("channels")}</h2>
  <ul class="tags">${ex.channels.map((c) => html`<li>${c.name}</li>`)}</ul>
  ${d.tags?.length ? html`<p class="muted">${t("tags")}: ${d.tags.join(", ")}</p>` : ""}
</section>
${approvalLine(ex.approval)}
</article>
${related.length ? html`<section class="related" aria-labelledby="lien-quan"><h2 id="lien-quan">Điển hình liên quan</h2><ul class="plain">${related.map((r) => html`<li><a href="${gs.url(r.path)}">${r.title}</a> <span class="muted">· ${r.kind.name} · ${r.unit.name}</span></li>`)}</ul></section>` : ""}`;
  return layout(gs, {
    title: ex.title,
    path: ex.path,
    description: d.summary,
    body,
    bodyClass: "page-exemplar",
    draft: ex.draft,
    crumbs: [["Điển hình", "/dien-hinh/"]],
  });
}
