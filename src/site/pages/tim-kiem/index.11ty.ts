// /tim-kiem/: full-text search over the Pagefind index, by our small self-hosted client; a no-JavaScript fallback.
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../../render/html.ts";
import { layout } from "../../layout.ts";
import type { PortalData } from "../../sections/portal.ts";
import { FILE_PATHS, SECTION_PATHS } from "../../../paths/paths.ts";

export const data = { permalink: SECTION_PATHS.search };

export function render({ gs }: { gs: SiteGlobals }): string {
  const p = gs.section<PortalData>("portal");
  const body = html`<h1>Tìm kiếm</h1>
<form class="search-form" action="${gs.url(SECTION_PATHS.search)}" method="get" role="search" data-search data-pagefind="${gs.url(FILE_PATHS.pagefind)}" data-base="${gs.pathPrefix}">
  <label for="q">Từ cần tìm (gõ có dấu hoặc không dấu)</label>
  <div class="search-row">
    <input id="q" name="q" type="search" autocomplete="off" spellcheck="false">
    <button type="submit">Tìm</button>
  </div>
</form>
<p class="search-status" role="status" aria-live="polite" data-search-status></p>
<ol class="search-results" data-search-results></ol>
<noscript><div class="box">
  <p>Tìm kiếm cần JavaScript. Bạn vẫn có thể tra cứu theo danh mục:</p>
  <ul>
    <li><a href="${gs.url(SECTION_PATHS.exemplars)}">Tất cả điển hình</a> (lọc theo loại, đơn vị, phường, lĩnh vực, năm)</li>
    ${p.facets[0]!.values.map((v) => html`<li><a href="${gs.url(v.path)}">${v.label}</a></li>`)}
    <li><a href="${gs.url(SECTION_PATHS.plans)}">Kế hoạch</a></li>
    <li><a href="${gs.url(SECTION_PATHS.activities)}">Hoạt động</a></li>
    <li><a href="${gs.url("/sitemap.xml")}">Sơ đồ trang (mọi địa chỉ)</a></li>
  </ul>
</div></noscript>`;
  return layout(gs, { title: "Tìm kiếm", path: SECTION_PATHS.search, body, bodyClass: "page-search", scripts: [FILE_PATHS.searchScript] });
}
