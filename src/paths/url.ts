// URLs inside the built site: every link goes through one helper so a path prefix (a site published under /guong-sang/) is one setting.

/** Normalises a path prefix to start and end with "/" ("guong-sang" → "/guong-sang/"). */
export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "/").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/**
 * The path prefix the site is published under: the path of `site.yaml`'s `baseUrl`
 * (`https://owner.github.io/guong-sang/` → `/guong-sang/`), unless `override` (`--path-prefix`) says otherwise.
 */
export function pathPrefixFor(baseUrl: string, override?: string): string {
  if (override !== undefined) return normalisePrefix(override);
  return normalisePrefix(decodeURIComponent(new URL(baseUrl).pathname));
}

/** Makes a site path (`/dien-hinh/`) into the URL readers follow (`/guong-sang/dien-hinh/`). */
export function makeUrl(prefix: string): (path: string) => string {
  const p = normalisePrefix(prefix);
  return (path: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("#")) return path;
    return p + path.replace(/^\/+/, "");
  };
}

/** The absolute URL of a site path on the published site (for feeds, sitemaps, calendars). */
export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path.replace(/^\/+/, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).href;
}
