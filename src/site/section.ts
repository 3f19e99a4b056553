// The contract between the Eleventy plugin and each section of the site (portal, bulletin, reports, loudspeaker).
import type { ContentModel } from "../content/model.ts";
import type { PdfJob } from "../print/pdf.ts";

export type { PdfJob };

/** What every section sees when it derives its data. */
export interface SiteContext {
  model: ContentModel;
  /** True for `--drafts` and `npm start`: drafts are in the model and must be marked as such. */
  drafts: boolean;
  /** The build's clock; tests pass a fixed one. */
  now: Date;
  /** Absolute path of the folder Eleventy writes into, for sections that write files (images). */
  outputDir?: string;
  /** The build cache folder (src/build/cache.ts), for sections that keep work between builds (processed images). */
  cacheDir?: string;
}

/**
 * One section: its data for templates (global data `gs.sections[id]`) and its PDFs. The data is made in two steps:
 * `prepare` does the slow asynchronous work that files or history need (images, approvals), `data` derives the rest
 * synchronously from the model and what `prepare` returned. The build runs both once; the dev server runs `prepare`
 * after each change and `data` only when a page reads the section (src/site/globals.ts).
 */
export interface SiteSection<P = any> {
  id: string;
  prepare?(ctx: SiteContext): Promise<P>;
  data?(ctx: SiteContext, prepared: P): unknown;
  pdfJobs?(ctx: SiteContext): PdfJob[];
}
