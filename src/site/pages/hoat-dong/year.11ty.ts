// /hoat-dong/<yyyy>/: one year's activities, newest first, each with its anchor (the address of an activity).
import type { SiteGlobals } from "../../globals.ts";
import { html } from "../../../render/html.ts";
import { layout } from "../../layout.ts";
import type { ActivityYear } from "../../sections/portal.ts";
import { SECTION_PATHS } from "../../../paths/paths.ts";
import { activityCard } from "./cards.ts";

export const data = {
  pagination: { data: "gs.sections.portal.activityYears", size: 1, alias: "group" },
  permalink: (d: { group: ActivityYear }) => d.group.path,
};

export function render({ gs, group }: { gs: SiteGlobals; group: ActivityYear }): string {
  const title = `Hoạt động năm ${group.year}`;
  const body = html`<h1>${title}</h1>
${group.activities.map((a) => activityCard(gs, a))}`;
  return layout(gs, { title, path: group.path, body, bodyClass: "page-activities", crumbs: [["Hoạt động", SECTION_PATHS.activities]] });
}
