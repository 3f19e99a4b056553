// /loa/<yyyy>-q<n>/<ward>.txt: the plain-text script for the announcer, with reading times.
import type { SiteGlobals } from "../../globals.ts";
import type { Script } from "../../../loudspeaker/script.ts";
import { scriptPlainText } from "../../../loudspeaker/text.ts";
import { pagination, permalink, type PageFamily } from "../../family.ts";

export function render({ gs, script }: { gs: SiteGlobals; script: Script }): string {
  return scriptPlainText(script, gs.site);
}

/** The plain text of every script (always rendered). */
export const family: PageFamily<Script> = {
  id: "loudspeaker-text",
  data: "gs.sections.loudspeaker.scripts",
  alias: "script",
  collections: false,
  items: (gs) => gs.section<{ scripts: Script[] }>("loudspeaker").scripts,
  key: (script) => script.textUrl,
  page: (gs, script) => ({ path: script.textUrl, render: () => render({ gs, script }) }),
};

export const data = {
  pagination: pagination(family),
  permalink: permalink(family),
  eleventyExcludeFromCollections: true,
};
