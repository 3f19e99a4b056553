// /loa/<yyyy>-q<n>/<ward>/ (and …/<ward>/<activity>/): one broadcast script, large type, with timings against the slot.
import { draftBadge } from "../../components.ts";
import type { SiteGlobals } from "../../globals.ts";
import { html, scrollable } from "../../../render/html.ts";
import { layout } from "../../layout.ts";
import type { Script, SpokenText } from "../../../loudspeaker/script.ts";
import { quarterLabel } from "../../../vi/quarter.ts";
import { slotVerdict } from "../../../loudspeaker/text.ts";
import { formatDuration } from "../../../speech/timing.ts";
import { ONE_PER_PAGE_ID, loudspeakerStyle } from "./style.ts";
import { pagination, permalink, type PageFamily } from "../../family.ts";
import { exemplarPath, loudspeakerQuarterPath, SECTION_PATHS } from "../../../paths/paths.ts";

function paragraphs(text: SpokenText) {
  return text.paragraphs.map((p) => html`<p>${p}</p>`);
}

function timingTable(script: Script) {
  const row = (label: string, seconds: number) => html`<tr><td>${label}</td><td class="num">${formatDuration(seconds)}</td></tr>`;
  return scrollable("Thời gian đọc ước tính", html`<table class="loa-timing">
  <caption>Thời gian đọc ước tính</caption>
  <thead><tr><th scope="col">Phần</th><th scope="col" class="num">Thời gian</th></tr></thead>
  <tbody>
    ${script.opening ? row("Lời mở đầu", script.opening.seconds) : ""}
    ${script.items.map((item, i) => row(`Bài ${i + 1}. ${item.title}`, item.seconds))}
    ${script.closing ? row("Lời kết", script.closing.seconds) : ""}
  </tbody>
  <tfoot>
    <tr><th scope="row">Tổng cộng</th><td class="num">${formatDuration(script.seconds)}</td></tr>
    <tr><th scope="row">Thời lượng một buổi phát</th><td class="num">${formatDuration(script.slotSeconds)}</td></tr>
  </tfoot>
</table>`);
}

export function render({ gs, script }: { gs: SiteGlobals; script: Script }): string {
  const quarterPath = loudspeakerQuarterPath(script.quarter);
  const body = html`<div class="loa-page">
<h1>${script.title}</h1>
${script.activity ? html`<p class="lead">${script.activity.title}</p>` : ""}
<p class="${script.fits ? "loa-status-ok" : "loa-status-over"}" role="status">${script.fits ? "" : html`<strong>Vượt thời lượng.</strong> `}${slotVerdict(script)}</p>
${timingTable(script)}
${script.unknownAbbreviations.length
  ? html`<p class="loa-screen-only">Chữ viết tắt chưa có cách đọc: ${script.unknownAbbreviations.join(", ")}. Phát thanh viên cần đọc đầy đủ; để lần sau tự động, hãy thêm vào mục loudspeaker.abbreviations trong content/site.yaml.</p>`
  : ""}
<p class="loa-controls"><a href="${gs.url(script.textUrl)}" download>Tải bản văn bản thuần (.txt) cho phát thanh viên</a> · <a href="${gs.url(quarterPath)}">Các phường khác</a></p>
<input type="checkbox" id="${ONE_PER_PAGE_ID}" class="loa-toggle"><label for="${ONE_PER_PAGE_ID}" class="loa-toggle-label">Khi in, mỗi bài một trang</label>
<div class="loa-script">
${script.opening ? html`<section class="loa-part loa-frame loa-opening" aria-labelledby="mo-dau"><h2 id="mo-dau">Lời mở đầu <span class="loa-time">(${formatDuration(script.opening.seconds)})</span></h2>${paragraphs(script.opening)}</section>` : ""}
${script.items.map(
  (item, i) => html`<section class="loa-part loa-item" aria-labelledby="bai-${i + 1}">
<h2 id="bai-${i + 1}">Bài ${i + 1}. <a href="${gs.url(exemplarPath(item.slug))}">${item.title}</a>${draftBadge(item.draft)} <span class="loa-time">(${formatDuration(item.seconds)})</span></h2>
${paragraphs(item)}
</section>`,
)}
${script.closing ? html`<section class="loa-part loa-frame loa-closing" aria-labelledby="loi-ket"><h2 id="loi-ket">Lời kết <span class="loa-time">(${formatDuration(script.closing.seconds)})</span></h2>${paragraphs(script.closing)}</section>` : ""}
</div>
</div>`;
  return layout(gs, {
    title: script.title,
    path: script.url,
    description: `Kịch bản phát thanh trên loa: ${script.title}.`,
    body,
    bodyClass: "page-loudspeaker-script",
    head: loudspeakerStyle(),
    crumbs: [
      ["Loa truyền thanh", SECTION_PATHS.loudspeaker],
      [quarterLabel(script.quarter), quarterPath],
    ],
    draft: script.items.some((i) => i.draft),
  });
}

/** One script page per ward and quarter or broadcast (always rendered). */
export const family: PageFamily<Script> = {
  id: "loudspeaker-script",
  data: "gs.sections.loudspeaker.scripts",
  alias: "script",
  collections: false,
  items: (gs) => gs.section<{ scripts: Script[] }>("loudspeaker").scripts,
  key: (script) => script.url,
  page: (gs, script) => ({ path: script.url, render: () => render({ gs, script }) }),
};

export const data = {
  pagination: pagination(family),
  permalink: permalink(family),
};
