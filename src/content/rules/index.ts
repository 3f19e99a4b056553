// The cross-file rules: one module per rule, listed here once. Add a rule by adding a file and one line.
import { birthYear } from "./birth-year.ts";
import { bodyEmpty } from "./body-empty.ts";
import { catalogueRefs } from "./catalogue-refs.ts";
import { consent } from "./consent.ts";
import { dates } from "./dates.ts";
import type { Rule } from "./context.ts";
import { images } from "./images.ts";
import { loudspeakerSlot } from "./loudspeaker-slot.ts";
import { paths } from "./paths.ts";
import { personalData } from "./personal-data.ts";
import { renderedCharacters } from "./rendered-characters.ts";
import { siteIds } from "./site-ids.ts";
import { slugRefs } from "./slug-refs.ts";
import { slugReserved } from "./slug-reserved.ts";
import { slugUnique } from "./slug-unique.ts";
import { tree } from "./tree.ts";

/** Every rule, in the order the loader starts them: those that wait on the file system first (see `WAITING_RULES`). */
export const rules: Rule[] = [
  images,
  tree,
  paths,
  dates,
  slugUnique,
  slugReserved,
  catalogueRefs,
  siteIds,
  slugRefs,
  consent,
  birthYear,
  personalData,
  renderedCharacters,
  bodyEmpty,
  loudspeakerSlot,
];

/** Rules that wait on the file system (listed first, so their waiting overlaps the other rules). */
export const WAITING_RULES: ReadonlySet<Rule> = new Set([images]);

export type { Rule, RuleContext } from "./context.ts";
