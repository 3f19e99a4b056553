// The last touches the docx package writer does not make: the document's language in its core
// properties and settings, and the same bytes for the same content (dates from the content, fixed zip times).
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

export interface PackageOptions {
  /** "vi-VN". */
  language: string;
  /** `YYYY-MM-DD`, written as created and modified (Hà Nội noon, so the calendar date is the same in every zone nearby). */
  date: string;
  creator: string;
}

const xmlText = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function coreXml(xml: string, o: PackageOptions): string {
  const stamp = `${o.date}T05:00:00Z`;
  return xml
    .replace(/<dcterms:created([^>]*)>[^<]*<\/dcterms:created>/, `<dcterms:created$1>${stamp}</dcterms:created>`)
    .replace(/<dcterms:modified([^>]*)>[^<]*<\/dcterms:modified>/, `<dcterms:modified$1>${stamp}</dcterms:modified>`)
    .replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, `<cp:lastModifiedBy>${xmlText(o.creator)}</cp:lastModifiedBy>`)
    .replace(/<dc:language>[^<]*<\/dc:language>/, "")
    .replace("</cp:coreProperties>", `<dc:language>${xmlText(o.language)}</dc:language></cp:coreProperties>`);
}

/** Word reads the proofing language of new text and of theme fonts from here. */
function settingsXml(xml: string, language: string): string {
  if (xml.includes("<w:themeFontLang")) return xml;
  return xml.replace("</w:settings>", `<w:themeFontLang w:val="${language}"/></w:settings>`);
}

/** Rewrites the package with the language, fixed dates and fixed zip entry times, `[Content_Types].xml` first. */
export function finishPackage(bytes: Uint8Array, options: PackageOptions): Uint8Array {
  const files = unzipSync(bytes);
  const core = files["docProps/core.xml"];
  if (core) files["docProps/core.xml"] = strToU8(coreXml(strFromU8(core), options));
  const settings = files["word/settings.xml"];
  if (settings) files["word/settings.xml"] = strToU8(settingsXml(strFromU8(settings), options.language));
  const names = Object.keys(files).sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const ordered: Zippable = {};
  for (const name of names) ordered[name] = files[name] as Uint8Array;
  return zipSync(ordered, { level: 6, mtime: new Date(`${options.date}T12:00:00`) });
}
