// The page shell every HTML page shares: lang="vi", head, skip link, header with navigation, sample banner, footer.
import { noindexMeta, SEARCHABLE_ATTRIBUTE } from "../render/markers.ts";
import type { SiteGlobals } from "./globals.ts";
import { html, trusted, type SafeHtml } from "../render/html.ts";
import { FILE_PATHS } from "../paths/paths.ts";

export interface PageOptions {
  /** Page title (without the site title). Empty for the home page. */
  title: string;
  /** Site path of this page, e.g. `/dien-hinh/`; marks the current navigation item. */
  path: string;
  description?: string;
  /** The page's main content. */
  body: SafeHtml;
  /** Extra class on <body>, e.g. `page-plan` (print styles key off it). */
  bodyClass?: string;
  /** True when the page shows a draft: a "Bản nháp" mark and no indexing. */
  draft?: boolean;
  /**
   * Index this page's main content in the site search (with a diacritic-free copy, added only to
   * what Pagefind reads). Exemplars, plans and activities are indexed from the model instead.
   */
  searchable?: boolean;
  /** Extra <head> content (trusted), e.g. a page-specific stylesheet. */
  head?: SafeHtml;
  /** Source paths of the site's scripts to load (deferred), e.g. `FILE_PATHS.filterScript`: linked by their hashed names. */
  scripts?: string[];
  /** Breadcrumb trail before this page: [label, path] pairs. */
  crumbs?: [string, string][];
}

/**
 * What the page shell reads of `gs`: the site settings, the navigation, the URL helper (from the path
 * prefix), the drafts flag and the assets (inlined stylesheet, hashed names, preloaded fonts). Nothing else, so a page rendered from a view model plus this shell
 * depends only on them (the incremental build hashes exactly these; see src/site/stream.ts).
 */
export type PageShell = Pick<SiteGlobals, "site" | "nav" | "url" | "pathPrefix" | "drafts" | "assets">;

function navigation(gs: PageShell, current: string): SafeHtml {
  return html`<nav class="site-nav" aria-label="Chuyên mục">
  <ul>${gs.nav.map(
    (item) =>
      html`<li><a href="${gs.url(item.path)}"${current.startsWith(item.path) ? html` aria-current="${current === item.path ? "page" : "true"}"` : ""}>${item.label}</a></li>`,
  )}</ul>
</nav>`;
}

function breadcrumbs(gs: PageShell, crumbs: [string, string][] | undefined, title: string): SafeHtml {
  if (!crumbs?.length) return html``;
  return html`<nav class="crumbs" aria-label="Vị trí trang"><ol>
  <li><a href="${gs.url(FILE_PATHS.home)}">Trang chủ</a></li>${crumbs.map(([label, path]) => html`<li><a href="${gs.url(path)}">${label}</a></li>`)}
  <li aria-current="page">${title}</li>
</ol></nav>`;
}

/** The whole HTML document for one page. */
export function layout(gs: PageShell, page: PageOptions): string {
  const site = gs.site;
  const fullTitle = page.title ? `${page.title} | ${site.title}` : site.title;
  const description = page.description ?? site.description ?? "";
  const doc = html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
${description ? html`<meta name="description" content="${description}">` : ""}
${page.draft || gs.drafts ? noindexMeta() : ""}
${gs.assets.preload.map((href) => html`<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin>
`)}<style>${trusted(gs.assets.css)}</style>
<link rel="alternate" type="application/atom+xml" title="${site.title}" href="${gs.url(FILE_PATHS.feed)}">
<link rel="icon" href="${gs.assets.url(FILE_PATHS.icon)}" type="image/svg+xml">
${page.head ?? ""}
${(page.scripts ?? []).map((src) => html`<script src="${gs.assets.url(src)}" defer></script>`)}
</head>
<body class="${page.bodyClass ?? "page"}">
<a class="skip-link" href="#noi-dung">Chuyển đến nội dung chính</a>
${site.sample ? html`<p class="sample-banner" role="note"><strong>Dữ liệu minh họa:</strong> nhân vật, đơn vị và số liệu trên trang này chỉ dùng để giới thiệu cách trình bày.</p>` : ""}
<header class="site-header">
  <div class="wrap">
    <a class="site-title" href="${gs.url(FILE_PATHS.home)}"><span class="site-org">${site.organisation.name}</span> <span class="site-name">${site.title}</span></a>
    ${navigation(gs, page.path)}
  </div>
</header>
<main id="noi-dung" class="wrap" tabindex="-1"${page.searchable && !page.draft ? trusted(` ${SEARCHABLE_ATTRIBUTE}`) : ""}>
${breadcrumbs(gs, page.crumbs, page.title)}
${page.draft ? html`<p class="draft-mark" role="status"><strong>Bản nháp</strong>: chưa công bố, chỉ hiện khi xem thử.</p>` : ""}
${page.body}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${site.organisation.name} · ${site.organisation.parent}</p>
    <p><a href="${gs.url(FILE_PATHS.feed)}">Theo dõi tin mới (Atom)</a> · <a href="${gs.url(FILE_PATHS.calendarIcs)}">Lịch (iCalendar)</a> · <a href="${gs.url(FILE_PATHS.exemplarsApi)}">Dữ liệu điển hình (JSON)</a></p>
  </div>
</footer>
</body>
</html>
`;
  return doc.value;
}
