// Property test: hostile front matter and bodies, generated from the schemas, never break validate or build, and never
// put a node, attribute or line of their own into any output. Long runs: `npm run fuzz -- --runs N [--seed S]`.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedCase, MARKER } from "./hostile.ts";
import { runCase } from "./invariants.ts";
import { hostileProperty } from "./property.ts";
import { REGRESSIONS } from "./regressions.ts";

describe("hostile content (fixed cases)", () => {
  it("keeps markup, CSS, feed, calendar and CSV escapes of every text in site.yaml and the files inside their own context", async () => {
    const result = await runCase(
      fixedCase((site, files) => {
        site.title = `Gương </title><${MARKER}> & "sáng"`;
        site.organisation.name = `Ban </style><${MARKER}> ]]><${MARKER}/>`;
        site.document.bulletinName = `Bản tin </style><${MARKER}><script>alert(1)</script> \\ "' \\3c`;
        site.units[0].name = `=HYPERLINK("http://x","y") ${"Đơnvị".repeat(20)}`;
        const activity = files["activities/2019/giao-luu-sinh-nhat-bac.md"]!;
        activity.data.title = `::error file=x,line=1::giả mạo; a, b \\ c`;
        activity.data.place = `Hội trường; số 1, đường \\ Thử END:VEVENT`;
        const exemplar = files["exemplars/2019/co-giao-nguyen-thi-mai.md"]!;
        exemplar.data.title = `]]><${MARKER}/> "><${MARKER} ${MARKER}="1"> ${"Nghiêng".repeat(10)}`;
        exemplar.data.summary = `&lt;${MARKER}&gt; </script><${MARKER}> @SUM(A1)`;
        exemplar.body += `\n\n| </style> | <${MARKER}> |\n| --- | --- |\n| ${"x".repeat(200)} | 2 |\n`;
      }),
    );
    expect(result).toEqual({ problems: [], validateCode: 0, built: true });
  }, 120_000);

  it("refuses a carriage return written as a YAML escape in an activity's title, naming file and line", async () => {
    const result = await runCase(
      fixedCase((_site, files) => {
        files["activities/2019/giao-luu-sinh-nhat-bac.md"]!.data.title = "Giao lưu\r\nEND:VEVENT\rBEGIN:VEVENT";
      }),
    );
    expect(result).toEqual({ problems: [], validateCode: 1, built: false });
  }, 60_000);

  it("refuses __proto__ as a key without an internal error", async () => {
    const result = await runCase(
      fixedCase((_site, files) => {
        files["exemplars/2019/tram-y-te-phuong-hai.md"]!.extra.push(`"__proto__": {title: x}`);
      }),
    );
    expect(result).toEqual({ problems: [], validateCode: 1, built: false });
  }, 60_000);

  for (const [name, c] of Object.entries(REGRESSIONS)) {
    it(`keeps the invariants on a case the property once broke: ${name}`, async () => {
      expect((await runCase(c)).problems).toEqual([]);
    }, 120_000);
  }
});

describe("hostile content (generated)", () => {
  it("keeps every invariant over validate and build --no-pdf", async () => {
    // A few cases per `npm test` (each is a whole build); `npm run fuzz` runs as many as asked.
    await fc.assert(hostileProperty(), { numRuns: 2, endOnFailure: true });
  }, 180_000);
});
