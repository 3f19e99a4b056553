// /ke-hoach/<slug>.docx: the plan as the issued Party document, in Word.
import type { SiteGlobals } from "../../globals.ts";
import { planDocx } from "../../plan-word.ts";
import type { PlanView } from "../../sections/portal.ts";
import { planPaths } from "../../../paths/paths.ts";

export const data = {
  pagination: { data: "gs.sections.portal.plans", size: 1, alias: "plan" },
  permalink: (d: { plan: PlanView }) => planPaths(d.plan.slug).docx,
  eleventyExcludeFromCollections: true,
};

/** Async on purpose: Eleventy writes the bytes of a resolved Buffer as they are (a synchronous Buffer would be decoded as text). */
export async function render({ gs, plan }: { gs: SiteGlobals; plan: PlanView }): Promise<Buffer> {
  return Buffer.from(await planDocx(gs.site, plan.entry));
}
