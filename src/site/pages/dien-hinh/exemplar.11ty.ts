// One page per exemplar: profile card (trích ngang), achievements, method, article, image, channels, related, approval.
//
// Split in two on purpose: `exemplarPageView` gathers everything the page shows into one plain, JSON-able view model,
// and `renderExemplarPage` reads only that view and the page shell. The incremental build keys each page by the hash
// of exactly these two (src/site/stream.ts), so a page can only be reused when nothing it shows has changed.
import type { ApprovalRecord } from "../../approvals.ts";
import { approvalLine, draftBadge } from "../../components.ts";
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../../render/html.ts";
import { pictureHtml, type ResponsiveImage } from "../../picture.ts";
import { exemplarFieldTitle as t } from "../../../content/labels.ts";
import { layout, type PageShell } from "../../layout.ts";
import { renderBodyCached, renderMarkdownInline } from "../../../render/markdown.ts";
import type { ExemplarView, Named, PortalData } from "../../sections/portal.ts";
import type { ExemplarEntry } from "../../../content/model.ts";
import { pagination, permalink, type PageFamily } from "../../family.ts";
import { facetPath, SECTION_PATHS } from "../../../paths/paths.ts";

/** Everything an exemplar page shows, and nothing else. */
export interface ExemplarPageView {
  path: string;
  title: string;
  kind: Named;
  /** The kind's list page (`/dien-hinh/loai/ca-nhan/`). */
  kindPath: string;
  unit: Named;
  ward?: Named;
  field: Named;
  dateText: string;
  channels: Named[];
  draft: boolean;
  /** Front matter, the Markdown body and its hash (the rendered-Markdown memo key). */
  data: ExemplarEntry["data"];
  body: string;
  hash: string;
  approval?: ApprovalRecord;
  image?: ResponsiveImage;
  related: { path: string; title: string; kind: string; unit: string }[];
}

export function exemplarPageView(gs: SiteGlobals, ex: ExemplarView): ExemplarPageView {
  const p = gs.section<PortalData>("portal");
  const kindPath = p.facets[0]!.values.find((v) => v.id === ex.kind.id)!.path;
  const related = ex.related
    .map((s) => p.bySlug.get(s))
    .filter((r): r is ExemplarView => Boolean(r))
    .map((r) => ({ path: r.path, title: r.title, kind: r.kind.name, unit: r.unit.name }));
  return {
    path: ex.path,
    title: ex.title,
    kind: ex.kind,
    kindPath,
    unit: ex.unit,
    ...(ex.ward ? { ward: ex.ward } : {}),
    field: ex.field,
    dateText: ex.dateText,
    channels: ex.channels,
    draft: ex.draft,
    data: ex.entry.data,
    body: ex.entry.body,
    hash: ex.entry.hash,
    ...(ex.approval ? { approval: ex.approval } : {}),
    ...(ex.image ? { image: ex.image } : {}),
    related,
  };
}

export function renderExemplarPage(gs: PageShell, v: ExemplarPageView): string {
  const d = v.data;
  const row = (label: string, value: unknown) =>
    value === undefined || value === "" ? html`` : html`<div><dt>${label}</dt><dd>${value as string}</dd></div>`;
  const body = html`<article class="exemplar">
<header class="exemplar-head">
  <p class="kicker"><a href="${gs.url(v.kindPath)}">${v.kind.name}</a> · ${v.field.name}</p>
  <h1>${v.title}${draftBadge(v.draft)}</h1>
  <p class="lead">${d.summary}</p>
</header>
<div class="exemplar-grid">
<section class="profile" aria-labelledby="trich-ngang">
  <h2 id="trich-ngang">Trích ngang</h2>
  <dl>
    ${row(t("subject.name"), d.subject.name)}
    ${row(t("subject.birthYear"), d.subject.birthYear)}
    ${row(t("subject.role"), d.subject.role)}
    ${row(t("kind"), v.kind.name)}
    <div><dt>${t("unit")}</dt><dd><a href="${gs.url(facetPath("unit", v.unit.id, v.unit.name))}">${v.unit.name}</a></dd></div>
    ${v.ward ? html`<div><dt>${t("ward")}</dt><dd><a href="${gs.url(facetPath("ward", v.ward.id, v.ward.name))}">${v.ward.name}</a></dd></div>` : ""}
    <div><dt>${t("field")}</dt><dd><a href="${gs.url(facetPath("field", v.field.id, v.field.name))}">${v.field.name}</a></dd></div>
    <div><dt>${t("date")}</dt><dd><time datetime="${d.date}">${v.dateText}</time></dd></div>
  </dl>
</section>
${v.image ? html`<figure class="exemplar-image">${pictureHtml(v.image, gs.url)}${v.image.credit ? html`<figcaption>${v.image.credit}</figcaption>` : ""}</figure>` : ""}
</div>
<section aria-labelledby="ket-qua">
  <h2 id="ket-qua">${t("achievements")}</h2>
  <ul class="achievements">${d.achievements.map((a) => html`<li>${renderMarkdownInline(a)}</li>`)}</ul>
</section>
${d.method ? html`<section aria-labelledby="cach-lam"><h2 id="cach-lam">${t("method")}</h2><div class="prose">${renderBodyCached(`${v.hash}:method`, d.method, { under: 2 })}</div></section>` : ""}
<section aria-labelledby="bai-viet">
  <h2 id="bai-viet">Bài viết</h2>
  <div class="prose">${renderBodyCached(v.hash, v.body, { under: 2 })}</div>
</section>
<section class="channels" aria-labelledby="kenh">
  <h2 id="kenh">${t("channels")}</h2>
  <ul class="tags">${v.channels.map((c) => html`<li>${c.name}</li>`)}</ul>
  ${d.tags?.length ? html`<p class="muted">${t("tags")}: ${d.tags.join(", ")}</p>` : ""}
</section>
${approvalLine(v.approval)}
</article>
${v.related.length ? html`<section class="related" aria-labelledby="lien-quan"><h2 id="lien-quan">Điển hình liên quan</h2><ul class="plain">${v.related.map((r) => html`<li><a href="${gs.url(r.path)}">${r.title}</a> <span class="muted">· ${r.kind} · ${r.unit}</span></li>`)}</ul></section>` : ""}`;
  return layout(gs, {
    title: v.title,
    path: v.path,
    description: d.summary,
    body,
    bodyClass: "page-exemplar",
    draft: v.draft,
    crumbs: [["Điển hình", SECTION_PATHS.exemplars]],
  });
}

export function render({ gs, ex }: { gs: SiteGlobals; ex: ExemplarView }): string {
  return renderExemplarPage(gs, exemplarPageView(gs, ex));
}

/** One page per exemplar, keyed by its view. */
export const family: PageFamily<ExemplarView> = {
  id: "exemplar",
  data: "gs.sections.portal.exemplars",
  alias: "ex",
  items: (gs) => gs.section<PortalData>("portal").exemplars,
  key: (ex) => ex.path,
  page(gs, ex) {
    const view = exemplarPageView(gs, ex);
    // The front matter and the body are the file's, whose bytes `hash` names: the key need not hash them again.
    const { data: _data, body: _body, ...identity } = view;
    return { path: ex.path, view, identity, render: () => renderExemplarPage(gs, view), source: ex.entry.absPath };
  },
};

export const data = {
  pagination: pagination(family),
  permalink: permalink(family),
};
