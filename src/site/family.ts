// A bulk page family (exemplar pages, exemplar lists, loudspeaker scripts and their plain text): declared once, in its
// page module, and rendered by one of two routes from that one declaration. The build writes every member itself
// (src/site/stream.ts, through the registry src/site/families.ts), one at a time and keyed, so memory stays flat and
// unchanged pages are reused; `npm start` and plain Eleventy paginate over the same members (`pagination()` below
// yields none when the build streams). `member(gs, key)` finds one member by its key (its site path), so a dev server
// can re-render just the page whose input changed.
import type { SiteGlobals } from "./globals.ts";

/** One page the build writes itself. */
export interface StreamedPage {
  /** Site path, `/dien-hinh/slug/` (written as `dien-hinh/slug/index.html`). */
  path: string;
  /** The plain data the page is rendered from, with the page shell; when absent the page always renders. */
  view?: unknown;
  /**
   * What the page's key hashes instead of `view`, when part of the view is fixed by something smaller: an exemplar
   * page's front matter and body by the hash of its file's bytes (they are 9 tenths of the view's text). It must
   * determine the view: two pages with the same identity render the same HTML.
   */
  identity?: unknown;
  render(): string;
  /** The content file the page shows (absolute), named if rendering it fails. */
  source?: string;
}

export interface PageFamily<T> {
  /** Stable name, e.g. `exemplar`. */
  id: string;
  /** Where Eleventy finds the members in the global data, and the name templates receive one under. */
  data: string;
  alias: string;
  /** False when the members stay out of Eleventy's collections (plain-text scripts). */
  collections?: boolean;
  /** Every member, in order. */
  items(gs: SiteGlobals): readonly T[];
  /** A member's key: its site path. */
  key(item: T): string;
  /** A member as the build writes it. */
  page(gs: SiteGlobals, item: T): StreamedPage;
}

/** Eleventy's pagination for a family: every member when the build does not stream (`npm start`), none when it does. */
export function pagination<T>(family: PageFamily<T>) {
  return {
    data: family.data,
    size: 1,
    alias: family.alias,
    ...(family.collections === false ? { addAllPagesToCollections: false } : {}),
    before: (items: T[], d: { gs?: SiteGlobals }): T[] => (d.gs?.streamed ? [] : items),
  };
}

/** Eleventy's permalink of a member: its key, the family's one rule for where a member lives. */
export function permalink<T>(family: PageFamily<T>) {
  return (d: Record<string, unknown>): string => family.key(d[family.alias] as T);
}

/** Every member of a family as the build writes it. */
export function* familyPages<T>(gs: SiteGlobals, family: PageFamily<T>): Generator<StreamedPage> {
  for (const item of family.items(gs)) yield family.page(gs, item);
}

/** One member by key, or undefined when the family has no member there (for an incremental dev server). */
export function member<T>(gs: SiteGlobals, family: PageFamily<T>, key: string): StreamedPage | undefined {
  const item = family.items(gs).find((i) => family.key(i) === key);
  return item === undefined ? undefined : family.page(gs, item);
}
