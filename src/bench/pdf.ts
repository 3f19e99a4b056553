// The PDF benchmark: a synthetic bulletin of about 200 pages printed by our full PDF step and by a
// bare `page.pdf()` of the same HTML, in the same run, with the same browser.
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { parse } from "yaml";
import { launchBrowser } from "../browser/index.ts";
import type { BulletinEntry, ContentModel, ExemplarEntry, SiteConfig } from "../content/model.ts";
import { makePrintImages } from "../site/sections/bulletins.ts";
import { resolveIssue } from "../bulletin/issue.ts";
import { printPdfJobs } from "../print/pdf.ts";
import { renderBulletinPrint } from "../bulletin/print.ts";
import { writePrintFonts } from "../print/style.ts";
import { serveStatic } from "../print/serve.ts";

export interface PdfBenchOptions {
  /** Folder holding `site.yaml` (units, fields… for the synthetic exemplars). */
  contentDir: string;
  /** Exemplars in the issue; about two A4 pages each at the default type size. */
  exemplars?: number;
  /** Timed runs of each side (the median is reported), after one warm-up. */
  runs?: number;
  browserPath?: string;
  log?: (line: string) => void;
}

export interface PdfBenchResult {
  pages: number;
  exemplars: number;
  /** Median milliseconds: our full step (launch, serve, load, TOC, print, verify, metadata, write). */
  oursMs: number;
  /** Median milliseconds: launch, load the same page, one `page.pdf()`, write. */
  bareMs: number;
  ratio: number;
  /** Prints our step needed (1 when the predicted TOC numbers were right). */
  passes: number;
  bytes: number;
}

const WORDS =
  "cán bộ đảng viên nhân dân phường tổ dân phố học tập làm theo tư tưởng đạo đức phong cách Hồ Chí Minh gương mẫu tận tụy trách nhiệm đoàn kết sáng tạo hiệu quả thiết thực phục vụ cộng đồng giữ gìn vệ sinh môi trường khuyến học khuyến tài chăm lo người cao tuổi thanh niên tình nguyện cải cách hành chính một cửa niềm tin".split(
    " ",
  );

function paragraph(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  const text = out.join(" ");
  return `${text.charAt(0).toLocaleUpperCase("vi")}${text.slice(1)}.`;
}

/** A synthetic issue: `count` exemplars of about 650 words, one in ten with a photograph. */
export async function syntheticModel(site: SiteConfig, count: number, imageDir: string): Promise<ContentModel> {
  let seed = 20190519;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const photo = path.join(imageDir, "anh.jpg");
  const w = 1200;
  const h = 800;
  const raw = Buffer.alloc(w * h * 3);
  for (let i = 0; i < w * h; i++) raw.fill((i % w) / 5 + Math.floor(i / w) / 8, i * 3, i * 3 + 3);
  await mkdir(imageDir, { recursive: true });
  await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 80 }).toFile(photo);

  const exemplars: ExemplarEntry[] = [];
  for (let i = 0; i < count; i++) {
    const slug = `dien-hinh-${String(i + 1).padStart(3, "0")}`;
    const body = Array.from({ length: 8 }, () => paragraph(rand, 60 + Math.floor(rand() * 40))).join("\n\n");
    exemplars.push({
      type: "exemplar",
      slug,
      file: `exemplars/2019/${slug}.md`,
      absPath: path.join(imageDir, `${slug}.md`),
      data: {
        title: `Điển hình thứ ${i + 1}: ${paragraph(rand, 8 + Math.floor(rand() * 8)).slice(0, -1)}`,
        kind: "collective",
        subject: { name: `Tập thể số ${i + 1}` },
        unit: site.units[i % site.units.length]!.id,
        ward: site.wards[i % site.wards.length]!.id,
        field: site.fields[i % site.fields.length]!.id,
        date: "2019-04-01",
        summary: paragraph(rand, 40),
        achievements: Array.from({ length: 3 }, () => paragraph(rand, 18)),
        method: paragraph(rand, 35),
        channels: [site.channels[0]!.id],
        ...(i % 10 === 0 ? { image: { src: "anh.jpg", alt: `Ảnh minh họa số ${i + 1}`, credit: "Ảnh thử" } } : {}),
      },
      body,
      bodyLine: 1,
      draft: false,
      hash: `bench-${i}-${body.length}`,
    });
  }
  const bulletin: BulletinEntry = {
    type: "bulletin",
    slug: "2019-99",
    file: "bulletins/2019-99.md",
    absPath: path.join(imageDir, "2019-99.md"),
    data: { number: 99, date: "2019-05-19", title: "Số thử tốc độ", exemplars: exemplars.map((e) => e.slug) },
    body: paragraph(rand, 120),
    bodyLine: 1,
    draft: false,
    hash: "bench-bulletin",
  };
  return { dir: imageDir, site, exemplars, plans: [], activities: [], bulletins: [bulletin] };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchPdf(options: PdfBenchOptions): Promise<PdfBenchResult> {
  const log = options.log ?? (() => {});
  const count = options.exemplars ?? 95;
  const runs = options.runs ?? 3;
  const site = parse(await readFile(path.join(options.contentDir, "site.yaml"), "utf8")) as SiteConfig;
  const root = await mkdtemp(path.join(tmpdir(), "gs-bench-pdf-"));
  try {
    const siteDir = path.join(root, "site");
    const model = await syntheticModel(site, count, path.join(root, "content"));
    const issue = resolveIssue(model, model.bulletins[0]!);
    const images = await makePrintImages(model.exemplars, siteDir);
    await writePrintFonts(siteDir);
    await mkdir(path.join(siteDir, issue.paths.print), { recursive: true });
    await writeFile(path.join(siteDir, issue.paths.print, "index.html"), renderBulletinPrint(issue, { site, images }));
    const job = { source: issue.paths.print, output: issue.paths.pdf, kind: "bulletin" as const, title: "Thử", subject: "Thử" };

    const ours = async () => {
      const t = performance.now();
      const [printed] = await printPdfJobs(siteDir, [job], { browserPath: options.browserPath });
      return { ms: performance.now() - t, printed: printed! };
    };
    const bare = async () => {
      const t = performance.now();
      const server = await serveStatic(siteDir);
      const browser = await launchBrowser(
        options.browserPath ? { browser: { executablePath: options.browserPath, source: "env", via: "--browser" } } : {},
      );
      try {
        const page = await browser.newPage();
        await page.goto(server.origin + job.source, { waitUntil: "load" });
        const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: 120_000 });
        await writeFile(path.join(siteDir, "bare.pdf"), pdf);
      } finally {
        await browser.close();
        await server.close();
      }
      return performance.now() - t;
    };

    log("Chạy thử (không tính giờ)…");
    await ours();
    await bare();
    const oursMs: number[] = [];
    const bareMs: number[] = [];
    let last: Awaited<ReturnType<typeof ours>> | undefined;
    for (let i = 0; i < runs; i++) {
      last = await ours();
      oursMs.push(last.ms);
      bareMs.push(await bare());
      const ph = last.printed.timings;
      log(
        `Lần ${i + 1}: PDF của chúng ta ${last.ms.toFixed(0)} ms (tải ${ph.load.toFixed(0)}, đo ${ph.measure.toFixed(0)}, in ${ph.print.toFixed(0)}, hoàn tất ${ph.finish.toFixed(0)}), page.pdf() trần ${bareMs[i]!.toFixed(0)} ms`,
      );
    }
    const o = median(oursMs);
    const b = median(bareMs);
    return { pages: last!.printed.pages, exemplars: count, oursMs: o, bareMs: b, ratio: o / b, passes: last!.printed.passes, bytes: last!.printed.bytes };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
