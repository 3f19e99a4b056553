// The CPU profile summary: self time per function and per file from a V8 .cpuprofile, native frames kept apart.
import { describe, expect, it } from "vitest";
import { shortUrl, summariseProfile } from "../../src/bench/profile.ts";

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url, lineNumber: 9 }, children });

describe("summariseProfile", () => {
  it("adds up sample time deltas per node into functions and files, largest first", () => {
    const profile = {
      nodes: [
        frame(1, "(root)", ""),
        frame(2, "parseFile", "file:///repo/src/content/parse.ts", [3]),
        frame(3, "next", "file:///repo/node_modules/yaml/dist/parse/parser.js"),
        frame(4, "(garbage collector)", ""),
        frame(5, "walk", "file:///repo/src/content/parse.ts"),
      ],
      startTime: 0,
      endTime: 10_000, // 10 ms
      samples: [2, 3, 3, 4, 5, 3],
      timeDeltas: [1000, 2000, 2000, 1000, 1000, 3000],
    };
    const s = summariseProfile(profile, 10);
    expect(s.totalMs).toBe(10);
    expect(s.byFile).toEqual([
      { name: "yaml/dist/parse/parser.js", ms: 7, share: 0.7 },
      { name: "src/content/parse.ts", ms: 2, share: 0.2 },
      { name: "(native) (garbage collector)", ms: 1, share: 0.1 },
    ]);
    expect(s.byFunction.map((r) => [r.name, r.ms])).toEqual([
      ["next yaml/dist/parse/parser.js:10", 7],
      ["parseFile src/content/parse.ts:10", 1],
      ["(native) (garbage collector)", 1],
      ["walk src/content/parse.ts:10", 1],
    ]);
  });

  it("shortens script URLs to the package path or the repository path", () => {
    expect(shortUrl("file:///work/main/node_modules/@11ty/eleventy/src/Template.js")).toBe("@11ty/eleventy/src/Template.js");
    expect(shortUrl("file:///work/main/src/site/html.ts")).toBe("src/site/html.ts");
    expect(shortUrl("node:fs")).toBe("node:fs");
    expect(shortUrl("")).toBe("(native)");
  });
});
