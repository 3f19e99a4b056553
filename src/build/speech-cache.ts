// The loudspeaker readings' store in the build cache (src/loudspeaker/script.ts, `useSpokenStore`): what the speaker
// and the timing made of each exemplar, by its file, its hash and the site.yaml settings a reading depends on, so a
// rebuild reads aloud only the exemplars that changed. Its version is the code version (the speaker's code, the
// schema's titles); entries a build did not use are dropped when it saves.
import type { SpokenItem } from "../loudspeaker/script.ts";
import { CacheStore, codeVersion } from "./cache.ts";

/** Shape check of a stored reading: anything else is a miss, read afresh. */
export function isSpokenItem(value: unknown): value is SpokenItem {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    Array.isArray(v.paragraphs) &&
    v.paragraphs.every((p) => typeof p === "string") &&
    typeof v.syllables === "number" &&
    typeof v.seconds === "number" &&
    typeof v.spokenTitle === "string"
  );
}

/** Opens `<dir>/speech.json` for the current code version. */
export async function openSpeechStore(dir: string, version?: string): Promise<CacheStore<SpokenItem>> {
  return CacheStore.open(dir, "speech", version ?? (await codeVersion()), isSpokenItem);
}
