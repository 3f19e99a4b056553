// /ban-tin/<yyyy>-<nn>/in/: the print page of an issue, the source of its PDF. Not for readers:
// noindex, outside the search index, the sitemap and the collections.
import type { BulletinIssue } from "../../../bulletin/issue.ts";
import { renderBulletinPrint } from "../../../bulletin/print.ts";
import type { SiteGlobals } from "../../globals.ts";
import type { BulletinsData } from "../../sections/bulletins.ts";

export const data = {
  pagination: { data: "gs.sections.bulletins.issues", size: 1, alias: "issue" },
  permalink: (d: { issue: BulletinIssue }) => d.issue.paths.print,
  eleventyExcludeFromCollections: true,
};

export function render({ gs, issue }: { gs: SiteGlobals; issue: BulletinIssue }): string {
  const b = gs.section<BulletinsData>("bulletins");
  return renderBulletinPrint(issue, { site: gs.site, images: b.printImages });
}
