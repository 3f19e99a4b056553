// One escaping function per output context: HTML, XML, XML names, CSS strings, iCalendar text, CSV cells, JSON inside HTML.
// Every output of the build puts contributor text through the function of its own context, and only that one.

import { characterClass, codeUnitPrefilter, UNREPRESENTABLE } from "../util/characters.ts";

/**
 * Code points that no output format may carry: C0 controls except tab, line feed and carriage
 * return; DEL and the C1 controls; lone surrogates; noncharacters. They are parse errors in HTML,
 * not characters at all in XML 1.0, and forbidden in iCalendar text (the list is src/util/characters.ts).
 */
const UNSAFE = characterClass(UNREPRESENTABLE, "g");
/** Its quick first test over code units (every page's text passes through here; almost none holds one). */
const MAYBE_UNSAFE = codeUnitPrefilter(UNREPRESENTABLE);

/** Replaces every code point no output may carry by U+FFFD, so a reader sees that something was there. */
export function withoutUnsafeCharacters(text: string): string {
  return MAYBE_UNSAFE.test(text) ? text.replace(UNSAFE, "\uFFFD") : text;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * HTML text and attribute values. Our templates always quote attributes with `"`, so one function
 * serves both: `&`, `<`, `>` and both quotes become references, unsafe code points U+FFFD.
 */
export function escapeHtml(text: string): string {
  return withoutUnsafeCharacters(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** XML 1.0 text and attribute values (Atom feed, sitemap): well-formed whatever the input. */
export function escapeXml(text: string): string {
  return withoutUnsafeCharacters(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/**
 * An id that is a valid XML 1.0 name as well as an HTML id (ids inside inline SVG must be XML
 * names): characters outside `[A-Za-z0-9_.-]` become `-`, and a name that does not start with a
 * letter or `_` gets the prefix `id-`.
 */
export function xmlName(text: string): string {
  const name = text.replace(/[^A-Za-z0-9_.-]+/g, "-");
  return /^[A-Za-z_]/.test(name) ? name : `id-${name}`;
}

/**
 * A CSS string literal, quotes included, safe inside a `<style>` element: every ASCII character
 * other than a letter, a digit or a space is written as a hexadecimal escape (`<` → `\3c `), so no
 * value can close the string, the rule or the element; line breaks become `\a `.
 */
export function escapeCssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  const body = withoutUnsafeCharacters(text).replace(/[^A-Za-z0-9 \u00A0-\u2027\u202A-\uFFFF\u{10000}-\u{10FFFF}]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
  return `"${body}"`;
}

/** iCalendar (RFC 5545) TEXT values: backslash, semicolon and comma escaped; every line break (CRLF, CR or LF) becomes `\n`. */
export function escapeICalText(text: string): string {
  return withoutUnsafeCharacters(text)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds an iCalendar content line so no line exceeds 75 octets, never splitting a UTF-8 character. */
export function foldICalLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with one space
    if (bytes + size > limit) {
      out.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

export type CsvCell = string | number;

/**
 * Text a spreadsheet would read as a formula (OWASP CSV injection): `=`, `+`, `-`, `@` at the
 * start, also after spaces, and a leading tab or line break.
 */
const FORMULA_START = /^(\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n])/;

/** One CSV cell (RFC 4180): text that starts like a formula gets a leading `'`; quoted when it holds `"`, `,` or a line break. */
export function csvCell(value: CsvCell): string {
  if (typeof value === "number") return String(value);
  let text = withoutUnsafeCharacters(value.normalize("NFC"));
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * JSON to place inside an HTML `<script>` element: `<`, `>`, `&` and U+2028/U+2029 written as
 * `\uXXXX`, so no value can close the element or open a comment, and the text is valid JavaScript too.
 */
export function jsonForHtml(value: unknown): string {
  return (JSON.stringify(value) ?? "null").replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
