// Activities (giao lưu, tọa đàm, phát thanh, đăng tin): the newest, then one link per year; each year has its own page
// (year.11ty.ts), so a phone never loads a thousand activities at once.
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../../render/html.ts";
import { layout } from "../../layout.ts";
import type { PortalData } from "../../sections/portal.ts";
import { SECTION_PATHS } from "../../../paths/paths.ts";
import { activityLine } from "./cards.ts";

export const data = { permalink: SECTION_PATHS.activities };

/** How many of the newest activities the activities page lists before the years. */
export const NEWEST_ACTIVITIES = 10;

export function render({ gs }: { gs: SiteGlobals }): string {
  const p = gs.section<PortalData>("portal");
  const body = html`<h1>Hoạt động</h1>
<p class="lead">Giao lưu, tọa đàm, buổi phát thanh và bài đăng giới thiệu điển hình tiêu biểu.</p>
${p.activityYears.length
  ? html`<section aria-labelledby="moi-nhat"><h2 id="moi-nhat">Mới nhất</h2>
<ul class="plain events">${p.activities.slice(0, NEWEST_ACTIVITIES).map((a) => activityLine(gs, a))}</ul></section>
<section aria-labelledby="theo-nam"><h2 id="theo-nam">Theo năm</h2>
<ul class="plain">${p.activityYears.map((y) => html`<li><a href="${gs.url(y.path)}">Năm ${y.year}</a> (${y.activities.length} hoạt động)</li>`)}</ul></section>`
  : html`<p>Chưa có hoạt động nào.</p>`}`;
  return layout(gs, { title: "Hoạt động", path: SECTION_PATHS.activities, body, bodyClass: "page-activities" });
}
