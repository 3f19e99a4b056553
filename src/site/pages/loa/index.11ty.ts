// /loa/: the quarters that have loudspeaker scripts, newest first.
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../../render/html.ts";
import { layout } from "../../layout.ts";
import type { LoudspeakerData } from "../../sections/loudspeaker.ts";
import { formatDuration } from "../../../speech/timing.ts";
import { loudspeakerStyle } from "./style.ts";
import { SECTION_PATHS } from "../../../paths/paths.ts";

export const data = { permalink: SECTION_PATHS.loudspeaker };

export function render({ gs }: { gs: SiteGlobals }): string {
  const { quarters } = gs.section<LoudspeakerData>("loudspeaker");
  const { wordsPerMinute, slotMinutes } = gs.site.loudspeaker;
  const body = html`<h1>Loa truyền thanh</h1>
<p class="lead">Kịch bản phát thanh giới thiệu điển hình tiêu biểu trên hệ thống loa truyền thanh các phường, theo từng quý. Mỗi buổi phát dài ${formatDuration(slotMinutes * 60)}; thời gian đọc ước tính theo ${wordsPerMinute} tiếng một phút.</p>
${quarters.length
  ? html`<ul class="loa-quarters">${quarters.map((q) => {
      const over = [...q.scripts, ...q.broadcasts].filter((s) => !s.fits).length;
      return html`<li><a href="${gs.url(q.url)}">${q.label}</a>: ${q.scripts.length} phường${q.broadcasts.length ? `, ${q.broadcasts.length} buổi phát đã lên lịch` : ""}${over ? html`, <span class="loa-status-over">${over} kịch bản vượt thời lượng</span>` : ""}</li>`;
    })}</ul>`
  : html`<p>Chưa có điển hình nào chọn kênh loa truyền thanh.</p>`}`;
  return layout(gs, { title: "Loa truyền thanh", path: SECTION_PATHS.loudspeaker, body, bodyClass: "page-loudspeaker", head: loudspeakerStyle() });
}
