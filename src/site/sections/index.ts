// Every section of the site, in navigation order. Add a section by exporting it here.
import type { SiteSection } from "../section.ts";
import { bulletinsSection } from "./bulletins.ts";
import { loudspeakerSection } from "./loudspeaker.ts";
import { portalSection } from "./portal.ts";
import { reportsSection } from "./reports.ts";

export const sections: SiteSection[] = [portalSection, bulletinsSection, reportsSection, loudspeakerSection];
