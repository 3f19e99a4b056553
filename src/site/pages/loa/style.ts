// The loudspeaker pages' own stylesheet: large reading type on screen and in print, one item per printed page on request.
import { trusted, type SafeHtml } from "../../../render/html.ts";

/** Id of the checkbox that asks for one item per printed page (works without JavaScript). */
export const ONE_PER_PAGE_ID = "moi-bai-mot-trang";

const CSS = `
.loa-script { font-size: 1.25rem; line-height: 1.7; max-width: 42rem; }
.loa-script p { margin: 0 0 0.8em; }
.loa-part { margin: 1.5rem 0; padding-top: 0.5rem; border-top: 1px solid #ccc; }
.loa-part h2 { font-size: 1.3rem; margin: 0 0 0.5rem; }
.loa-time { font-weight: normal; font-size: 0.95rem; white-space: nowrap; }
.loa-frame { font-style: italic; }
.loa-status-ok { color: #1b5e20; }
.loa-status-over { color: #8b0000; font-weight: bold; }
.loa-timing td, .loa-timing th { padding: 0.2rem 0.6rem; text-align: left; }
.loa-timing td.num, .loa-timing th.num { text-align: right; font-variant-numeric: tabular-nums; }
.loa-controls { margin: 1rem 0; }
.loa-toggle-label { margin-left: 0.3rem; }
@media print {
  @page { size: A4; margin: 18mm 15mm 18mm 20mm; }
  .site-header, .site-footer, .sample-banner, .skip-link, .crumbs, .loa-controls, .loa-toggle, .loa-toggle-label, .loa-screen-only { display: none !important; }
  body { background: #fff; color: #000; }
  .loa-script { font-size: 17pt; line-height: 1.6; max-width: none; }
  .loa-part { border-top: none; break-inside: auto; }
  .loa-part h2 { font-size: 17pt; break-after: avoid; }
  .loa-timing { font-size: 12pt; }
  a { color: #000; text-decoration: none; }
  #${ONE_PER_PAGE_ID}:checked ~ .loa-script .loa-item { break-before: page; }
  #${ONE_PER_PAGE_ID}:checked ~ .loa-script .loa-closing { break-before: page; }
}
`;

export function loudspeakerStyle(): SafeHtml {
  return trusted(`<style>${CSS}</style>`);
}
