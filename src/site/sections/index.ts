// Every section of the site, in navigation order. Add a section by exporting it here.
import type { SiteSection } from "../section.ts";

export const sections: SiteSection[] = [];
