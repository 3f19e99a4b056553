// The Word settings of site.yaml (`document.word`), every missing value taken from the schema's default.
import type { SiteConfig } from "../content/model.ts";
import { schemaAt } from "../content/schemas.ts";

export interface WordSettings {
  font: string;
  /** Body text size in points (13–14). */
  size: number;
  /** Millimetres, within the ranges of Hướng dẫn 36-HD/VPTW and Nghị định 30/2020/NĐ-CP (the schema enforces them). */
  margins: { top: number; right: number; bottom: number; left: number };
}

function schemaDefault<T>(segments: string[]): T {
  const node = schemaAt("site", ["document", "word", ...segments]) as { default?: T } | undefined;
  if (node?.default === undefined) throw new Error(`site.schema.json: document.word.${segments.join(".")} has no default`);
  return node.default;
}

export function wordSettings(site: SiteConfig): WordSettings {
  const word = site.document.word ?? {};
  const m = word.margins ?? {};
  return {
    font: word.font ?? schemaDefault<string>(["font"]),
    size: word.size ?? schemaDefault<number>(["size"]),
    margins: {
      top: m.top ?? schemaDefault<number>(["margins", "top"]),
      right: m.right ?? schemaDefault<number>(["margins", "right"]),
      bottom: m.bottom ?? schemaDefault<number>(["margins", "bottom"]),
      left: m.left ?? schemaDefault<number>(["margins", "left"]),
    },
  };
}
