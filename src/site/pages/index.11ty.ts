// The home page: newest exemplars, latest bulletin, the current quarter at a glance, coming anniversaries.
import type { SiteGlobals } from "../globals.ts";
import { html } from "../html.ts";
import { layout } from "../layout.ts";

export const data = { permalink: "/index.html" };

export function render({ gs }: { gs: SiteGlobals }): string {
  return layout(gs, { title: "", path: "/", body: html`<h1>${gs.site.title}</h1>` });
}
