// /404.html: the not-found page.
import type { SiteGlobals } from "../globals.ts";
import { html } from "../../render/html.ts";
import { layout } from "../layout.ts";
import { FILE_PATHS, SECTION_PATHS } from "../../paths/paths.ts";

export const data = { permalink: FILE_PATHS.notFound, eleventyExcludeFromCollections: true };

export function render({ gs }: { gs: SiteGlobals }): string {
  const body = html`<h1>Không tìm thấy trang</h1>
<p class="lead">Địa chỉ bạn mở không có trên trang, có thể đã gõ nhầm hoặc nội dung đã chuyển chỗ.</p>
<ul>
  <li><a href="${gs.url(FILE_PATHS.home)}">Về trang chủ</a></li>
  <li><a href="${gs.url(SECTION_PATHS.exemplars)}">Xem danh sách điển hình</a></li>
  <li><a href="${gs.url(SECTION_PATHS.search)}">Tìm kiếm</a></li>
</ul>`;
  return layout(gs, { title: "Không tìm thấy trang", path: "/404.html", body, bodyClass: "page-404" });
}
