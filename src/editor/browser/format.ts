// The editor's front matter format for collections with a derived file name (bulletins): YAML front matter and the
// Markdown body, as Decap's own `frontmatter` writes them, less the hidden field that names the file.
import { parse, stringify } from "yaml";

/** What Decap asks of a format registered with `CMS.registerCustomFormat`. */
export interface DecapFormat {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)([\s\S]*)$/m;

/** A field left empty is left out (an optional text typed then erased would otherwise be `""`, which no schema accepts). */
const empty = (v: unknown) => v === undefined || v === null || v === "";

/** Front matter without the `omit` fields (the derived file name), its keys in the form's order, then the body. */
export function frontMatterFormat(omit: readonly string[]): DecapFormat {
  return {
    fromFile(content) {
      const m = FRONT_MATTER.exec(content);
      if (!m) return content.trim() ? { body: content } : {};
      const data = (parse(m[1] as string) ?? {}) as Record<string, unknown>;
      const body = m[2] as string;
      // As Decap's own format: no body key for a file without one.
      return { ...data, ...(body.trim() ? { body } : {}) };
    },
    toFile(data, sortedKeys = []) {
      const { body, ...meta } = data;
      const rank = (key: string) => {
        const i = sortedKeys.indexOf(key);
        return i === -1 ? sortedKeys.length : i;
      };
      const kept = Object.entries(meta)
        .filter(([key, value]) => !omit.includes(key) && !empty(value))
        .sort(([a], [b]) => rank(a) - rank(b));
      const yaml = kept.length ? stringify(Object.fromEntries(kept), { lineWidth: 0 }) : "";
      return `---\n${yaml}---\n${typeof body === "string" ? body : ""}`;
    },
  };
}
