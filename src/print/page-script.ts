// Code run inside the print page: reads the document's metadata and headings, predicts the page of
// every table-of-contents target from the layout, and fills the numbers in.
//
// Kept as plain JavaScript source (not a TypeScript function handed to puppeteer): the TypeScript
// loader may wrap functions with helpers that do not exist inside the page.

/** What the page reports back. */
export interface PageFacts {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  lang: string;
  /** Text of every rendered h1–h6, in document order (what Chromium turns into the outline). */
  headings: string[];
  /** For each TOC target id: the index of its heading in `headings`, or -1 when it is not a heading. */
  targets: Record<string, number>;
  /** Predicted page of each TOC target (1-based), measured in a paged layout of the same content. */
  predicted: Record<string, number>;
}

/**
 * Returns facts about the page. Predicted pages come from laying the body out as columns the size
 * of the page area (Chromium fragments columns and pages with the same engine), with forced page
 * breaks turned into column breaks; the layout is restored afterwards.
 */
export const READ_PAGE = String.raw`(() => {
  const norm = (s) => (s || "").replace(/\s+/g, " ").trim();
  const meta = (name) => norm(document.querySelector('meta[name="' + name + '"]')?.getAttribute("content"));
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const headingEls = [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].filter(visible);
  const headings = headingEls.map((h) => norm(h.textContent));
  const targets = {};
  for (const el of document.querySelectorAll("[data-toc-page]")) {
    const id = el.getAttribute("data-toc-page");
    if (id in targets) continue;
    const target = document.getElementById(id);
    targets[id] = target ? headingEls.indexOf(target) : -1;
  }

  // The page area from the first unnamed @page rule.
  const toPx = (len) => {
    const probe = document.createElement("div");
    probe.style.cssText = "position:absolute;visibility:hidden;width:" + len;
    document.body.appendChild(probe);
    const px = probe.getBoundingClientRect().width;
    probe.remove();
    return px;
  };
  const PAPERS = { a4: ["210mm", "297mm"], a5: ["148mm", "210mm"], letter: ["8.5in", "11in"] };
  let size = PAPERS.a4, margins = ["0", "0", "0", "0"];
  for (const sheet of document.styleSheets) {
    let rules = [];
    try { rules = sheet.cssRules; } catch { continue; }
    for (const rule of rules) {
      if (rule.constructor.name !== "CSSPageRule" || rule.selectorText) continue;
      const s = rule.style;
      const sz = norm(s.getPropertyValue("size")).toLowerCase().split(" ");
      if (PAPERS[sz[0]]) size = PAPERS[sz[0]];
      else if (sz.length === 2) size = sz;
      margins = ["top", "right", "bottom", "left"].map((k) => s.getPropertyValue("margin-" + k) || "0");
    }
  }
  const width = toPx(size[0]) - toPx(margins[1]) - toPx(margins[3]);
  const height = toPx(size[1]) - toPx(margins[0]) - toPx(margins[2]);

  const predicted = {};
  const ids = Object.keys(targets).filter((id) => document.getElementById(id));
  if (ids.length && width > 0 && height > 0) {
    const FORCED = new Set(["page", "left", "right", "recto", "verso"]);
    const changed = [];
    for (const el of document.body.querySelectorAll("*")) {
      const cs = getComputedStyle(el);
      const before = FORCED.has(cs.breakBefore), after = FORCED.has(cs.breakAfter);
      if (!before && !after) continue;
      changed.push([el, el.style.breakBefore, el.style.breakAfter]);
      if (before) el.style.breakBefore = "column";
      if (after) el.style.breakAfter = "column";
    }
    const body = document.body, saved = body.getAttribute("style");
    body.style.cssText += ";width:" + width + "px;height:" + height + "px;columns:" + width + "px auto;" +
      "column-gap:0;column-fill:auto;margin:0;padding:0;overflow:visible";
    const left = body.getBoundingClientRect().left;
    for (const id of ids) {
      const r = document.getElementById(id).getBoundingClientRect();
      predicted[id] = Math.floor((r.left - left + 0.5) / width) + 1;
    }
    if (saved === null) body.removeAttribute("style"); else body.setAttribute("style", saved);
    for (const [el, b, a] of changed) { el.style.breakBefore = b; el.style.breakAfter = a; }
  }
  return {
    title: norm(document.title), author: meta("author"), subject: meta("description"),
    keywords: meta("keywords"), lang: document.documentElement.lang || "", headings, targets, predicted,
  };
})()`;

/** Writes page numbers into every `[data-toc-page]` element; argument: `{ id: page }`. */
export const FILL_TOC = String.raw`((pages) => {
  for (const el of document.querySelectorAll("[data-toc-page]")) {
    const n = pages[el.getAttribute("data-toc-page")];
    if (n !== undefined) el.textContent = String(n);
  }
})`;
