// /loa/<yyyy>-q<n>/<ward>.txt: the plain-text script for the announcer, with reading times.
import type { SiteGlobals } from "../../globals.ts";
import type { Script } from "../../../loudspeaker/script.ts";
import { scriptPlainText } from "../../../loudspeaker/text.ts";

export const data = {
  pagination: { data: "gs.sections.loudspeaker.scripts", size: 1, alias: "script", addAllPagesToCollections: false },
  permalink: (d: { script: Script }) => d.script.textUrl,
  eleventyExcludeFromCollections: true,
};

export function render({ gs, script }: { gs: SiteGlobals; script: Script }): string {
  return scriptPlainText(script, gs.site);
}
