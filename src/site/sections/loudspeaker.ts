// The loudspeaker section: every broadcast script, computed once per build, for the /loa/ pages.
import { type QuarterScripts, type Script, buildScripts } from "../../loudspeaker/script.ts";
import type { SiteSection } from "../section.ts";

export interface LoudspeakerData {
  /** Quarters with scripts, newest first. */
  quarters: QuarterScripts[];
  /** Every script (quarter and broadcast), for one page and one text file each. */
  scripts: Script[];
}

export function loudspeakerData(quarters: QuarterScripts[]): LoudspeakerData {
  const newestFirst = [...quarters].reverse();
  return { quarters: newestFirst, scripts: newestFirst.flatMap((q) => [...q.scripts, ...q.broadcasts]) };
}

export const loudspeakerSection: SiteSection = {
  id: "loudspeaker",
  data: (ctx) => loudspeakerData(buildScripts(ctx.model)),
};
