// /ban-tin/<yyyy>-<nn>.docx: the issue's editorial and articles in order, as Word, for editors who lay out the printed issue elsewhere.
import type { BulletinIssue } from "../../../bulletin/issue.ts";
import { bulletinDocx } from "../../../bulletin/word.ts";
import type { SiteGlobals } from "../../globals.ts";

export const data = {
  pagination: { data: "gs.sections.bulletins.issues", size: 1, alias: "issue" },
  permalink: (d: { issue: BulletinIssue }) => d.issue.paths.docx,
  eleventyExcludeFromCollections: true,
};

/** Async on purpose: Eleventy writes the bytes of a resolved Buffer as they are (a synchronous Buffer would be decoded as text). */
export async function render({ gs, issue }: { gs: SiteGlobals; issue: BulletinIssue }): Promise<Buffer> {
  return Buffer.from(await bulletinDocx(gs.site, issue));
}
