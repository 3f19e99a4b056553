// axe-core in a real Chromium on every page type: no serious or critical WCAG 2.2 AA violation.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE, WatchedPage } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../../src/print/serve.ts";
import { pageTypes, siteDir, sitePrefix } from "../helpers/site.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const site = siteDir();
const types = pageTypes(site);

let browser: Browser;
let server: StaticServer;
let desktop: WatchedPage;
let phone: WatchedPage;

beforeAll(async () => {
  server = await serveStatic(site, { prefix: sitePrefix(site) });
  browser = await launchBrowser();
  desktop = await WatchedPage.open(browser);
  phone = await WatchedPage.open(browser, { viewport: PHONE });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation { id: string; impact: string | null; help: string; targets: string[] }

/** Runs axe on the page as loaded and returns its serious and critical violations, one line each. */
async function seriousViolations(watched: WatchedPage, path: string): Promise<string[]> {
  // Load problems are pages.test.ts's business; here only what axe finds counts.
  const { status } = await watched.visit(server.base + path);
  expect(status).toBe(200);
  await watched.page.evaluate(AXE_SOURCE);
  const violations = await watched.page.evaluate(async (tags: string[]) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  }, WCAG_22_AA) as Violation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(" | ")}`);
}

describe.each(types)("$name ($path)", ({ path }) => {
  it("has no serious or critical WCAG 2.2 AA violation (desktop)", async () => {
    expect(await seriousViolations(desktop, path)).toEqual([]);
  });
  it("has no serious or critical WCAG 2.2 AA violation (phone)", async () => {
    expect(await seriousViolations(phone, path)).toEqual([]);
  });
});
