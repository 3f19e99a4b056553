// /loa/<yyyy>-q<n>/: the quarter's scripts, one per ward, and the scheduled broadcasts, with totals against the slot.
import type { SiteGlobals } from "../../globals.ts";
import { html, scrollable } from "../../../render/html.ts";
import { layout } from "../../layout.ts";
import type { QuarterScripts, Script } from "../../../loudspeaker/script.ts";
import { formatDuration } from "../../../speech/timing.ts";
import { formatDateVi } from "../../../vi/date.ts";
import { loudspeakerStyle } from "./style.ts";
import { SECTION_PATHS } from "../../../paths/paths.ts";

export const data = {
  pagination: { data: "gs.sections.loudspeaker.quarters", size: 1, alias: "quarter", addAllPagesToCollections: false },
  permalink: (d: { quarter: QuarterScripts }) => d.quarter.url,
};

function status(script: Script) {
  return script.fits
    ? html`<span class="loa-status-ok">vừa buổi phát</span>`
    : html`<span class="loa-status-over">vượt ${formatDuration(script.seconds - script.slotSeconds)}, chia ${script.parts.length} buổi</span>`;
}

function table(gs: SiteGlobals, scripts: readonly Script[], caption: string, broadcast: boolean) {
  return scrollable(caption, html`<table class="loa-timing">
  <caption>${caption}</caption>
  <thead><tr><th scope="col">Phường</th>${broadcast ? html`<th scope="col">Buổi phát</th>` : ""}<th scope="col" class="num">Số bài</th><th scope="col" class="num">Thời gian đọc</th><th scope="col" class="num">Buổi phát</th><th scope="col">Đánh giá</th><th scope="col">Văn bản</th></tr></thead>
  <tbody>${scripts.map(
    (s) => html`<tr>
    <td><a href="${gs.url(s.url)}">${s.ward.name}</a></td>
    ${broadcast && s.activity ? html`<td>${formatDateVi(s.activity.date)}: ${s.activity.title}</td>` : ""}
    <td class="num">${s.items.length}</td>
    <td class="num">${formatDuration(s.seconds)}</td>
    <td class="num">${formatDuration(s.slotSeconds)}</td>
    <td>${status(s)}</td>
    <td><a href="${gs.url(s.textUrl)}" download>.txt</a></td>
  </tr>`,
  )}</tbody>
</table>`);
}

export function render({ gs, quarter }: { gs: SiteGlobals; quarter: QuarterScripts }): string {
  const { wordsPerMinute } = gs.site.loudspeaker;
  const body = html`<h1>Loa truyền thanh: ${quarter.label}</h1>
<p class="lead">Kịch bản đọc trên hệ thống loa truyền thanh các phường, gồm điển hình của phường và điển hình chung của quận. Thời gian ước tính theo tốc độ đọc ${wordsPerMinute} tiếng một phút.</p>
${quarter.scripts.length ? table(gs, quarter.scripts, `Kịch bản theo phường, ${quarter.label}`, false) : html`<p>Quý này chưa có điển hình nào chọn kênh loa truyền thanh.</p>`}
${quarter.broadcasts.length ? html`<h2>Các buổi phát đã lên lịch</h2>${table(gs, quarter.broadcasts, "Buổi phát theo hoạt động", true)}` : ""}`;
  return layout(gs, {
    title: `Loa truyền thanh: ${quarter.label}`,
    path: quarter.url,
    body,
    bodyClass: "page-loudspeaker-quarter",
    head: loudspeakerStyle(),
    crumbs: [["Loa truyền thanh", SECTION_PATHS.loudspeaker]],
  });
}
