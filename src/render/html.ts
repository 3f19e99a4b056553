// Safe markup building: every interpolated value is escaped for its context unless it is already trusted markup.
import { escapeHtml, escapeXml } from "./escape.ts";

export { escapeHtml };

/** HTML produced by trusted code (our templates or our markdown renderer). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** XML produced by trusted code (our feed and sitemap templates). */
export class SafeXml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value<T> = T | string | number | boolean | null | undefined | readonly Value<T>[];

function builder<T extends SafeHtml | SafeXml>(Safe: new (value: string) => T, escape: (text: string) => string) {
  const render = (value: Value<T>): string => {
    if (value === null || value === undefined || value === false) return "";
    if (value instanceof Safe) return value.value;
    if (Array.isArray(value)) return value.map(render).join("");
    return escape(String(value));
  };
  return (strings: TemplateStringsArray, ...values: Value<T>[]): T => {
    let out = strings[0] ?? "";
    for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
    return new Safe(out);
  };
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested `html` results pass through. */
export const html = builder(SafeHtml, escapeHtml);

/** Tagged template for XML documents: `xml\`<title>${text}</title>\`` escapes `text` for XML 1.0; nested `xml` results pass through. */
export const xml = builder(SafeXml, escapeXml);

/** Marks a string produced by trusted code as HTML. Never pass contributor text here. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * The opening and closing tags of a region a table scrolls in sideways on a phone instead of
 * widening the page; the region is focusable so keyboard users can scroll it too, and named so
 * screen readers announce it (`.table-scroll` in `assets/site.css`).
 */
export function scrollBox(label: string): { open: string; close: string } {
  return { open: html`<div class="table-scroll" role="region" aria-label="${label}" tabindex="0">`.value, close: "</div>" };
}

/** A table in its scrolling region (`scrollBox`). */
export function scrollable(label: string, table: SafeHtml): SafeHtml {
  const box = scrollBox(label);
  return new SafeHtml(box.open + table.value + box.close);
}
