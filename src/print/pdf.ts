// The PDF step: one browser per build prints every job's page from the built site, with table of
// contents page numbers checked against where the headings really landed, the outline tidied and
// the document information set; each PDF is written to a temporary file and renamed into place.
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { launchBrowser, type LaunchOptions } from "../browser/index.ts";
import { FILL_TOC, READ_PAGE, type PageFacts } from "./page-script.ts";
import { encodeText, incrementalUpdate, PdfFile, type OutlineItem, type PdfValue } from "./pdf-file.ts";
import { fillPdfSizes } from "./pdf-size.ts";
import { serveStatic, type StaticServer } from "./serve.ts";
import { writeAtomic } from "./write.ts";

/** A page of the built site printed to PDF after Eleventy has written the site. */
export interface PdfJob {
  /** URL path of the print-ready HTML page in the built site, e.g. `/ban-tin/2019-01/in/`. */
  source: string;
  /** URL path of the PDF to write, e.g. `/ban-tin/2019-01.pdf`. */
  output: string;
  kind: "bulletin" | "report";
  /** Document metadata. */
  title: string;
  subject: string;
}

export interface PdfStepOptions {
  /** A browser executable chosen on the command line; otherwise the shared resolver decides. */
  browserPath?: string;
  /** Passed to the resolver (tests). */
  env?: NodeJS.ProcessEnv;
  /** Pages printed at the same time (default: 2, or 1 on a one-core machine). */
  concurrency?: number;
}

/** A PDF could not be printed; the message is Vietnamese and names the page. */
export class PdfPrintError extends Error {
  readonly code = "E_PDF";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PdfPrintError";
  }
}

export interface PrintedPdf {
  job: PdfJob;
  /** Absolute path of the PDF written. */
  file: string;
  bytes: number;
  pages: number;
  /** How many times the page was printed (1 when the predicted TOC numbers were right). */
  passes: number;
  /** The page number printed for each table-of-contents target. */
  tocPages: Record<string, number>;
  /** Requests to anything but the local site (they fail: the browser's proxy is closed). */
  blocked: string[];
  /** Milliseconds per phase: load (page and fonts), measure (TOC prediction), print (all passes), finish (check, metadata, write). */
  timings: { load: number; measure: number; print: number; finish: number };
}

const PDF_OPTIONS = {
  printBackground: true,
  preferCSSPageSize: true,
  tagged: true,
  outline: true,
  // Used only when a page declares no @page size.
  format: "a4",
  timeout: 120_000,
} as const;

const MAX_PASSES = 3;

/** A proxy nobody listens on (the discard port of loopback). */
const CLOSED_PROXY = "http://127.0.0.1:9";

/**
 * A heading's text as Chromium puts it in the outline may lack the space at a line break, be upper
 * case (text-transform) or, for some centred headings, appear twice; compare without those.
 */
const squash = (s: string): string => s.replace(/\s+/g, "").toLocaleLowerCase("vi");
const sameHeading = (outlineTitle: string, key: string): boolean => {
  const o = squash(outlineTitle);
  return o === key || (key.length > 0 && o.length % key.length === 0 && o === key.repeat(o.length / key.length));
};

/** Pairs each DOM heading with its outline entry, in order, by text. */
export function matchHeadings(headings: readonly string[], outline: readonly OutlineItem[]): Array<OutlineItem | undefined> {
  const out: Array<OutlineItem | undefined> = [];
  let j = 0;
  for (const text of headings) {
    const key = squash(text);
    let k = j;
    while (k < outline.length && !sameHeading(outline[k]!.title, key)) k++;
    if (k < outline.length) {
      out.push(outline[k]);
      j = k + 1;
    } else out.push(undefined);
  }
  return out;
}

function pdfDate(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, "0");
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

const text = (s: string): PdfValue => {
  const hex = encodeText(s).slice(1, -1);
  return { t: "str", bytes: Uint8Array.from(Buffer.from(hex, "hex")) };
};

/**
 * The final bytes: Chromium's PDF plus one incremental update with the document information
 * (title, author, subject, keywords), the catalog's /Lang when missing, and outline entries titled
 * with their headings' text (Chromium drops the space at a line break) and folded below the first level.
 */
export function finishPdf(
  file: PdfFile,
  meta: { title: string; author: string; subject: string; keywords: string; lang: string },
  outline: OutlineItem[],
  headingFor: Map<OutlineItem, string>,
): Uint8Array {
  const objects = new Map<number, Map<string, PdfValue>>();
  const old = file.info();
  const info = new Map<string, PdfValue>();
  if (meta.title) info.set("Title", text(meta.title));
  if (meta.author) info.set("Author", text(meta.author));
  if (meta.subject) info.set("Subject", text(meta.subject));
  if (meta.keywords) info.set("Keywords", text(meta.keywords));
  info.set("Creator", text("Gương Sáng"));
  for (const key of ["Producer", "CreationDate"]) {
    const v = old.get(key);
    if (v) info.set(key, v);
  }
  info.set("ModDate", old.get("CreationDate") ?? text(pdfDate(new Date())));

  const catalogNum = file.catalogNum();
  const catalog = file.dict({ t: "ref", num: catalogNum, gen: 0 });
  if (!catalog.has("Lang") && meta.lang) objects.set(catalogNum, new Map(catalog).set("Lang", text(meta.lang)));

  // Children per item, to fold every entry that has any.
  const children = new Map<number, number>();
  const stack: OutlineItem[] = [];
  for (const item of outline) {
    while (stack.length && stack[stack.length - 1]!.depth >= item.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) children.set(parent.num, (children.get(parent.num) ?? 0) + 1);
    stack.push(item);
  }
  for (const item of outline) {
    const dict = new Map(item.dict);
    const heading = headingFor.get(item);
    let touched = false;
    if (heading && heading !== item.title) {
      dict.set("Title", text(heading));
      touched = true;
    }
    const n = children.get(item.num);
    if (n) {
      dict.set("Count", { t: "num", v: -n });
      touched = true;
    }
    if (touched) objects.set(item.num, dict);
  }
  const rootRef = catalog.get("Outlines");
  if (rootRef?.t === "ref" && children.size) {
    const root = new Map(file.dict(rootRef));
    root.set("Count", { t: "num", v: outline.filter((i) => i.depth === 0).length });
    objects.set(rootRef.num, root);
  }
  return incrementalUpdate(file, objects, info);
}

/** A browser and a local server for one build; print any number of jobs, then close. */
export class PdfPrinter {
  private constructor(
    readonly siteDir: string,
    private readonly browser: Browser,
    private readonly server: StaticServer,
  ) {}

  static async open(siteDir: string, options: PdfStepOptions = {}): Promise<PdfPrinter> {
    // Every request goes through a proxy on a closed port, so nothing leaves this machine; Chromium
    // never proxies loopback, so the local site loads directly (cheaper than request interception).
    const launch: LaunchOptions = { env: options.env, args: [`--proxy-server=${CLOSED_PROXY}`] };
    if (options.browserPath) launch.browser = { executablePath: options.browserPath, source: "env", via: "--browser" };
    const server = await serveStatic(siteDir);
    try {
      // BrowserNotFoundError propagates: the build turns it into exit 2.
      const browser = await launchBrowser(launch);
      return new PdfPrinter(path.resolve(siteDir), browser, server);
    } catch (error) {
      await server.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.browser.close(), this.server.close()]);
  }

  /** Opens a page on the local site; it can reach nothing else (see the proxy in `open`). */
  private async openPage(source: string): Promise<{ page: Page; blocked: string[]; missing: string[] }> {
    const page = await this.browser.newPage();
    const blocked: string[] = [];
    const missing: string[] = [];
    const origin = this.server.origin;
    page.on("requestfailed", (req) => {
      const url = req.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith("data:")) blocked.push(url);
    });
    page.on("response", (res) => {
      // The browser asks for /favicon.ico on its own; the page did not.
      const url = res.url().slice(origin.length);
      if (res.status() >= 400 && url !== "/favicon.ico") missing.push(url);
    });
    const response = await page.goto(origin + source, { waitUntil: "load", timeout: 120_000 });
    if (!response || response.status() !== 200) {
      await page.close();
      throw new PdfPrintError(`Không tìm thấy trang in ${source} trong thư mục đã dựng (HTTP ${response?.status() ?? "?"}).`);
    }
    await page.evaluate("document.fonts.ready.then(() => Promise.all([...document.images].map((i) => i.decode().catch(() => {}))))");
    return { page, blocked, missing };
  }

  async print(job: PdfJob): Promise<PrintedPdf> {
    let t = performance.now();
    const lap = (): number => -t + (t = performance.now());
    const { page, blocked, missing } = await this.openPage(job.source);
    const timings = { load: lap(), measure: 0, print: 0, finish: 0 };
    try {
      if (missing.length) {
        throw new PdfPrintError(`Trang in ${job.source} thiếu tệp: ${[...new Set(missing)].join(", ")}. Dựng lại trang web rồi in lại.`);
      }
      const facts = (await page.evaluate(READ_PAGE)) as PageFacts;
      timings.measure = lap();
      const ids = Object.keys(facts.targets);
      for (const id of ids) {
        if (facts.targets[id]! < 0) {
          throw new PdfPrintError(`Trang in ${job.source}: mục lục trỏ tới #${id}, nhưng đó không phải một tiêu đề (h1–h6) của trang.`);
        }
      }
      let toc: Record<string, number> = { ...facts.predicted };
      for (let pass = 1; ; pass++) {
        if (ids.length) await page.evaluate(`${FILL_TOC}(${JSON.stringify(toc)})`);
        lap();
        const raw = await page.pdf(PDF_OPTIONS);
        timings.print += lap();
        const file = new PdfFile(raw);
        const outline = file.outline();
        const matched = matchHeadings(facts.headings, outline);
        const actual: Record<string, number> = {};
        for (const id of ids) {
          const item = matched[facts.targets[id]!];
          if (!item?.page) throw new PdfPrintError(`Trang in ${job.source}: không thấy tiêu đề #${id} trong mục lục PDF (outline).`);
          actual[id] = item.page;
        }
        const right = ids.every((id) => actual[id] === toc[id]);
        if (right || pass === MAX_PASSES) {
          if (!right) throw new PdfPrintError(`Trang in ${job.source}: số trang ở mục lục không ổn định sau ${pass} lần in.`);
          const headingFor = new Map<OutlineItem, string>();
          matched.forEach((item, i) => item && headingFor.set(item, facts.headings[i]!));
          const bytes = finishPdf(
            file,
            { ...facts, title: job.title || facts.title, subject: job.subject || facts.subject },
            outline,
            headingFor,
          );
          const target = path.join(this.siteDir, job.output);
          await writeAtomic(target, bytes);
          timings.finish += lap();
          return { job, file: target, bytes: bytes.length, pages: file.pageNums().length, passes: pass, tocPages: actual, blocked, timings };
        }
        toc = actual;
      }
    } finally {
      await page.close();
    }
  }
}

/**
 * The build's PDF step: launches one browser, serves `siteDir` on 127.0.0.1, prints every job's
 * `source` page to its `output`, then writes each PDF's size into the pages that show it
 * (see `pdfSizePlaceholder`). Throws `BrowserNotFoundError` when there is no browser.
 */
export async function printPdfJobs(siteDir: string, jobs: PdfJob[], options: PdfStepOptions = {}): Promise<PrintedPdf[]> {
  if (jobs.length === 0) return [];
  const printer = await PdfPrinter.open(siteDir, options);
  const printed: PrintedPdf[] = new Array(jobs.length);
  try {
    // A few pages at a time: each renders in its own process, so layout runs on every core.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const i = next++;
        printed[i] = await printer.print(jobs[i]!);
      }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? Math.min(2, availableParallelism()), jobs.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await printer.close();
  }
  await fillPdfSizes(siteDir, printed.map((p) => ({ output: p.job.output, bytes: p.bytes })));
  return printed;
}
