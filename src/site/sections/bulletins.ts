// The bulletin section: every issue resolved against the model, print images and fonts written
// into the build, and one PDF job per issue (`/ban-tin/<yyyy>-<nn>/in/` → `/ban-tin/<yyyy>-<nn>.pdf`).
import { fileMemo } from "../../util/file-memo.ts";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import type { ContentModel, ExemplarEntry } from "../../content/model.ts";
import { imageContext } from "../../content/locate.ts";
import { inFile, settleAll } from "../../util/errors.ts";
import { issueLabel, resolveIssues, type BulletinIssue } from "../../bulletin/issue.ts";
import { issueSubject, type PrintImage } from "../../bulletin/print.ts";
import { printSettings, writePrintFonts } from "../../print/style.ts";
import type { PdfJob, SiteContext, SiteSection } from "../section.ts";
import { FILE_PATHS } from "../../paths/paths.ts";

export interface BulletinsData {
  /** Newest first. */
  issues: BulletinIssue[];
  /** Grayscale print images by exemplar slug. */
  printImages: Map<string, PrintImage>;
  bulletinName: string;
}

/** About 200 dpi across the text width of an A4 page. */
const PRINT_IMAGE_WIDTH = 1300;

/**
 * Print versions of the images of exemplars in any issue: grayscale (what the office printer will
 * make of them anyway, so contrast is judged on screen), normalised, JPEG, one width.
 */
/** Print images made in this process, by source file and destination. */
const printedBefore = fileMemo<Awaited<ReturnType<typeof Image>>>();

export async function makePrintImages(exemplars: readonly ExemplarEntry[], outputDir: string | undefined): Promise<Map<string, PrintImage>> {
  const out = new Map<string, PrintImage>();
  await settleAll(
    exemplars
      .filter((e) => e.data.image)
      .map(async (e) => {
        const src = path.resolve(path.dirname(e.absPath), e.data.image!.src);
        // `transform` (a hook on the sharp instance) exists in eleventy-img 6 but not in its types.
        const options = {
          widths: [PRINT_IMAGE_WIDTH],
          formats: ["jpeg"] as ["jpeg"],
          outputDir: outputDir ? path.join(outputDir, FILE_PATHS.printImages) : undefined,
          urlPath: FILE_PATHS.printImages,
          dryRun: !outputDir,
          sharpJpegOptions: { quality: 80, mozjpeg: true },
          transform: (sharp: { grayscale(): unknown; normalise(): unknown; toColourspace(space: string): unknown }) => {
            // One channel: without b-w, sharp writes three identical channels.
            sharp.grayscale();
            sharp.normalise();
            sharp.toColourspace("b-w");
          },
        };
        // The same source made into the same folder before (the dev server's next reload): not again.
        const meta = await printedBefore(src, outputDir ?? "", () => inFile(imageContext(e, src), () => Image(src, options as Parameters<typeof Image>[1])));
        const jpeg = meta.jpeg?.[0];
        if (jpeg) out.set(e.slug, { src: jpeg.url, width: jpeg.width, height: jpeg.height });
      }),
  );
  return out;
}

function inAnyIssue(issues: readonly BulletinIssue[]): ExemplarEntry[] {
  const seen = new Map<string, ExemplarEntry>();
  for (const issue of issues) for (const e of issue.exemplars) seen.set(e.slug, e);
  return [...seen.values()];
}

export function bulletinJobs(model: ContentModel): PdfJob[] {
  const name = printSettings(model.site).bulletinName;
  return resolveIssues(model).map((issue) => ({
    source: issue.paths.print,
    output: issue.paths.pdf,
    kind: "bulletin" as const,
    title: `${name} ${issueLabel(issue).toLowerCase()}`,
    subject: issueSubject(issue),
  }));
}

export const bulletinsSection: SiteSection = {
  id: "bulletins",
  async prepare(ctx: SiteContext) {
    const issues = resolveIssues(ctx.model);
    const [printImages] = await Promise.all([makePrintImages(inAnyIssue(issues), ctx.outputDir), ctx.outputDir ? writePrintFonts(ctx.outputDir) : undefined]);
    return { issues, printImages };
  },
  data(ctx: SiteContext, { issues, printImages }: Pick<BulletinsData, "issues" | "printImages">): BulletinsData {
    return { issues, printImages, bulletinName: printSettings(ctx.model.site).bulletinName };
  },
  pdfJobs(ctx: SiteContext): PdfJob[] {
    return bulletinJobs(ctx.model);
  },
};
