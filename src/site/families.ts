// The registry of bulk page families: the build streams exactly these (src/site/stream.ts); `npm start` renders the
// same families through Eleventy pagination declared from the same objects. Add a family here and in its page module.
import type { PageFamily } from "./family.ts";
import { family as exemplars } from "./pages/dien-hinh/exemplar.11ty.ts";
import { family as exemplarLists } from "./pages/dien-hinh/list.11ty.ts";
import { family as loudspeakerScripts } from "./pages/loa/script.11ty.ts";
import { family as loudspeakerTexts } from "./pages/loa/text.11ty.ts";

export const PAGE_FAMILIES: readonly PageFamily<any>[] = [exemplars, exemplarLists, loudspeakerScripts, loudspeakerTexts];
