// Every built HTML page passes the W3C Nu HTML Checker with 0 errors (one checker run over the whole built sample).
import { describe, expect, it } from "vitest";
import { listFiles, siteDir } from "../helpers/site.ts";
import { checkHtml } from "../helpers/vnu.ts";

describe("Nu HTML Checker", () => {
  it("finds 0 errors on every HTML page of the built sample", async () => {
    const site = siteDir();
    const files = listFiles(site).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
    expect(files.length).toBeGreaterThan(50);
    const messages = await checkHtml(site, files);
    expect(messages.map((m) => `${m.file}:${m.line ?? "?"}: ${m.message}`)).toEqual([]);
  }, 300_000);
});
