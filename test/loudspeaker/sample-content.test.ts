import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import type { ContentModel } from "../../src/content/model.ts";
import { quarterSlug, quarterOf } from "../../src/vi/quarter.ts";
import { buildScripts, type QuarterScripts } from "../../src/loudspeaker/script.ts";
import { stumblingCharacters } from "../../src/speech/spoken.ts";
import { scriptPlainText } from "../../src/loudspeaker/text.ts";

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content");

let model: ContentModel;
let quarters: QuarterScripts[];

beforeAll(async () => {
  ({ model } = await loadContent(CONTENT));
  quarters = buildScripts(model);
});

describe("the sample content on the loudspeaker", () => {
  it("gives every ward with items a script in every quarter that has loudspeaker exemplars", () => {
    const unitWard = new Map(model.site.units.map((u) => [u.id, u.ward]));
    const expected = new Map<string, Set<string>>();
    for (const e of model.exemplars) {
      if (!e.data.channels.includes("loudspeaker")) continue;
      const q = quarterSlug(quarterOf(e.data.date));
      const wards = expected.get(q) ?? new Set<string>();
      const ward = e.data.ward ?? unitWard.get(e.data.unit);
      for (const w of ward ? [ward] : model.site.wards.map((x) => x.id)) wards.add(w);
      expected.set(q, wards);
    }
    expect(expected.size).toBeGreaterThan(0);
    expect(Object.fromEntries(quarters.map((q) => [q.slug, q.scripts.map((s) => s.ward.id).sort()]))).toEqual(
      Object.fromEntries([...expected].map(([q, wards]) => [q, [...wards].sort()])),
    );
  });

  it("reads aloud without a character an announcer would stumble on", () => {
    const offending: string[] = [];
    for (const q of quarters) {
      for (const script of [...q.scripts, ...q.broadcasts]) {
        for (const part of [script.opening, ...script.items, script.closing]) {
          for (const p of part?.paragraphs ?? []) {
            const bad = stumblingCharacters(p);
            if (bad.length) offending.push(`${script.url}: ${bad.join(" ")} in "${p}"`);
          }
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it("leaves no abbreviation unread: every upper-case short form is in site.yaml", () => {
    const unknown = quarters.flatMap((q) => [...q.scripts, ...q.broadcasts].flatMap((s) => s.unknownAbbreviations.map((a) => `${s.url}: ${a}`)));
    expect(unknown).toEqual([]);
  });

  it("times every script against the slot: it fits, or it is flagged with a split into broadcasts that each fit", () => {
    const slot = Math.round(model.site.loudspeaker.slotMinutes * 60);
    for (const q of quarters) {
      for (const script of [...q.scripts, ...q.broadcasts]) {
        expect(script.seconds).toBeGreaterThan(0);
        expect(script.fits).toBe(script.seconds <= script.slotSeconds);
        if (script.kind === "quarter") expect(script.slotSeconds).toBe(slot);
        for (const part of script.parts) if (!part.overSlot) expect(part.seconds).toBeLessThanOrEqual(script.slotSeconds);
        expect(script.parts.flatMap((p) => p.items)).toEqual(script.items.map((_, i) => i));
      }
    }
  });

  it("keeps no Markdown, URL, bullet or symbol in the plain-text files, headings included", () => {
    for (const q of quarters) {
      for (const script of q.scripts) {
        const text = scriptPlainText(script, model.site);
        expect(text.startsWith("\uFEFF")).toBe(true);
        expect(text).not.toMatch(/https?:|www\.|\*\*|^\s*[-*•]\s|\]\(|<[a-z]/mu);
        // After the header (title, rate, verdict), every line is read aloud: only the time marks are not.
        const body = text.split("\n").slice(text.split("\n").indexOf("") + 1);
        const bad = body.map((l) => l.replace(/^\[\d+:\d{2}\] /, "")).filter((l) => stumblingCharacters(l).length > 0);
        expect(bad).toEqual([]);
      }
    }
  });
});
