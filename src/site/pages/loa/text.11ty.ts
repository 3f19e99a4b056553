// /loa/<yyyy>-q<n>/<ward>.txt: the plain-text script for the announcer, with reading times.
import type { SiteGlobals } from "../../globals.ts";
import type { StreamedPage } from "../../stream.ts";
import type { Script } from "../../../loudspeaker/script.ts";
import { scriptPlainText } from "../../../loudspeaker/text.ts";
import { streamedPagination } from "../../streamed-pagination.ts";

export const data = {
  pagination: streamedPagination<Script>("gs.sections.loudspeaker.scripts", "script", { addAllPagesToCollections: false }),
  permalink: (d: { script: Script }) => d.script.textUrl,
  eleventyExcludeFromCollections: true,
};

export function render({ gs, script }: { gs: SiteGlobals; script: Script }): string {
  return scriptPlainText(script, gs.site);
}

/** The build's streamed pages (no view key: they always render, one at a time). */
export function* streamedPages(gs: SiteGlobals): Generator<StreamedPage> {
  for (const script of gs.section<{ scripts: Script[] }>("loudspeaker").scripts) yield { path: script.textUrl, render: () => render({ gs, script }) };
}
