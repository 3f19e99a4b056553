// Synthetic but realistic content trees of any size, for benchmarks and scale tests.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { stringify } from "yaml";
import type { SiteConfig } from "../content/model.ts";
import { slugify } from "../vi/text.ts";

export interface CorpusOptions {
  /** Number of exemplars. */
  count: number;
  /** Folder to write into; created if missing. */
  out: string;
  /** The site configuration whose ids the corpus uses (e.g. the sample content's site.yaml). */
  site: SiteConfig;
  /** First year of the date range; the corpus spans `years` years. */
  fromYear?: number;
  years?: number;
  /** Seed of the pseudo-random generator: the same seed gives the same corpus. */
  seed?: number;
  /** One exemplar in `imageEvery` gets an image. 0 for none. */
  imageEvery?: number;
}

export interface CorpusSummary {
  exemplars: number;
  activities: number;
  bulletins: number;
  images: number;
}

/** Mulberry32: small, fast and deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Thanh", "Ngọc", "Quang", "Phương"];
const GIVEN = ["An", "Ánh", "Bình", "Chi", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Linh", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Ưng", "Yến"];
const ROLES = ["Bí thư chi bộ", "Tổ trưởng tổ dân phố", "Giáo viên", "Bác sĩ", "Cán bộ phường", "Chiến sĩ công an", "Hội viên Hội Cựu chiến binh", "Đoàn viên thanh niên", "Chủ hộ kinh doanh", "Chi hội trưởng phụ nữ"];
const COLLECTIVES = ["Chi bộ tổ dân phố số", "Tổ dân phố số", "Chi hội phụ nữ số", "Chi đoàn khu dân cư số", "Tổ hòa giải số", "Câu lạc bộ dưỡng sinh số"];
const MODELS = ["Tuyến phố văn minh", "Ngõ xanh, sạch, đẹp", "Tủ sách pháp luật cộng đồng", "Bữa cơm nghĩa tình", "Camera an ninh tự quản", "Phân loại rác tại nguồn", "Tiếng kẻng an ninh", "Sân chơi cho thiếu nhi"];
const PRACTICES = ["Một cửa liên thông trực tuyến", "Tiếp dân cuối tuần", "Sổ tay đảng viên điện tử", "Nhóm Zalo tổ dân phố", "Họp chi bộ theo chuyên đề", "Hòm thư góp ý lưu động"];

const SENTENCES = [
  "Thấm nhuần lời dạy của Bác Hồ, {name} luôn gương mẫu đi đầu trong mọi công việc được giao.",
  "Trong năm qua, {name} đã phối hợp với chi bộ và tổ dân phố vận động nhân dân giữ gìn vệ sinh môi trường.",
  "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được cụ thể hóa bằng những việc làm thiết thực hằng ngày.",
  "Nhờ cách làm sáng tạo, nhiều hộ gia đình đã tự nguyện tham gia, góp phần xây dựng khu dân cư văn minh.",
  "Cán bộ, đảng viên và nhân dân trên địa bàn đánh giá cao tinh thần trách nhiệm, sự tận tụy và khiêm tốn của {name}.",
  "Mỗi tháng, các thành viên họp một lần để rút kinh nghiệm, phân công nhiệm vụ rõ người, rõ việc, rõ thời gian.",
  "Kết quả đạt được không chỉ thể hiện ở con số mà còn ở sự đồng thuận, gắn bó của nhân dân với cấp ủy, chính quyền.",
  "Phong trào đã lan tỏa sang các tổ dân phố lân cận và được Đảng ủy phường đề nghị nhân rộng.",
  "Những đóng góp ấy là minh chứng sinh động cho tinh thần nói đi đôi với làm, nêu gương trong cán bộ, đảng viên.",
  "Bằng sự kiên trì, lắng nghe và gần dân, {name} đã tháo gỡ nhiều vướng mắc ngay từ cơ sở.",
  "Các buổi sinh hoạt chuyên đề được tổ chức đều đặn, nội dung gần gũi, dễ hiểu, phù hợp với từng nhóm đối tượng.",
  "Mô hình huy động được sự tham gia của người cao tuổi, phụ nữ, thanh niên và thiếu nhi trên địa bàn.",
  "Cấp ủy thường xuyên kiểm tra, đôn đốc, kịp thời biểu dương những tập thể, cá nhân tiêu biểu.",
  "Từ những việc nhỏ, thiết thực, mỗi người dân đều thấy mình có trách nhiệm với nơi mình sinh sống.",
  "Đây là cách làm hiệu quả, ít tốn kém, có thể áp dụng rộng rãi ở các khu dân cư khác của quận.",
];

const ACHIEVEMENTS = [
  "Vận động {n} hộ gia đình ký cam kết thực hiện nếp sống văn minh đô thị",
  "Tổ chức {n} buổi sinh hoạt chuyên đề về học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
  "Hòa giải thành công {n} vụ việc mâu thuẫn trong nhân dân",
  "Quyên góp {n} triệu đồng ủng hộ quỹ Vì người nghèo của phường",
  "Trồng mới và chăm sóc {n} cây xanh trên các tuyến ngõ",
  "Giải quyết đúng hạn {n} hồ sơ hành chính cho người dân",
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function paragraph(rand: () => number, name: string, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(pick(rand, SENTENCES).replaceAll("{name}", name));
  return out.join(" ");
}

/** About `words` words of Vietnamese prose in paragraphs, with a sub-heading. */
function article(rand: () => number, name: string, words: number): string {
  const parts: string[] = [];
  let count = 0;
  let index = 0;
  while (count < words) {
    if (index === 2) parts.push("## Cách làm và bài học kinh nghiệm");
    const p = paragraph(rand, name, 4 + Math.floor(rand() * 3));
    parts.push(p);
    count += p.split(/\s+/).length;
    index++;
  }
  return parts.join("\n\n");
}

function isoDate(year: number, dayOfYear: number): string {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return d.toISOString().slice(0, 10);
}

function frontMatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;
}

/** Writes a corpus of `count` valid exemplars plus activities and bulletins into `out`. */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const { count, out, site } = options;
  const rand = prng(options.seed ?? 20181210);
  const fromYear = options.fromYear ?? 2018;
  const years = options.years ?? Math.max(1, Math.ceil(count / 2000));
  const imageEvery = options.imageEvery ?? 50;
  const units = site.units.map((u) => u.id);
  const unitWard = new Map(site.units.flatMap((u) => (u.ward ? [[u.id, u.ward] as const] : [])));
  const wards = site.wards.map((w) => w.id);
  const fields = site.fields.map((f) => f.id);
  const channels = site.channels.map((c) => c.id);
  const types = site.activityTypes.map((t) => t.id);
  const occasions = site.anniversaries.map((a) => a.id);

  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, "site.yaml"), stringify({ ...site, sample: true }, { lineWidth: 0 }));

  const slugsByYear = new Map<number, string[]>();
  const madeDirs = new Set<string>();
  const ensureDir = async (dir: string) => {
    if (madeDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    madeDirs.add(dir);
  };

  let images = 0;
  const kinds = ["individual", "collective", "model", "practice"] as const;
  const writes: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length] as (typeof kinds)[number];
    const year = fromYear + (i % years);
    const date = isoDate(year, Math.floor(rand() * 365));
    const person = `${pick(rand, FAMILY)} ${pick(rand, MIDDLE)} ${pick(rand, GIVEN)}`;
    const name =
      kind === "individual" ? person
      : kind === "collective" ? `${pick(rand, COLLECTIVES)} ${1 + Math.floor(rand() * 60)}`
      : kind === "model" ? `Mô hình “${pick(rand, MODELS)}”`
      : `Cách làm “${pick(rand, PRACTICES)}”`;
    const title = `${name}: ${kind === "individual" ? "tấm gương" : "điển hình"} học tập và làm theo Bác số ${i + 1}`.slice(0, 150);
    const slug = `${slugify(name).slice(0, 60)}-${i + 1}`;
    // The first exemplars go through every unit, ward and field once, so even a small corpus covers the catalogues;
    // a unit seated in one ward proposes exemplars from that ward.
    const unit = i < units.length ? (units[i] as string) : pick(rand, units);
    const seat = unitWard.get(unit);
    const ward = seat ?? (i < wards.length ? wards[i] : rand() < 0.8 ? pick(rand, wards) : undefined);
    const field = i < fields.length ? (fields[i] as string) : pick(rand, fields);
    const chosenChannels = channels.filter((_, k) => k === 0 || rand() < 0.4);
    const data: Record<string, unknown> = {
      title,
      kind,
      subject: kind === "individual"
        ? { name, birthYear: 1950 + Math.floor(rand() * 50), role: pick(rand, ROLES) }
        : { name },
      unit,
      ...(ward ? { ward } : {}),
      field,
      date,
      summary: paragraph(rand, name, 2),
      achievements: [0, 1, 2].map(() => pick(rand, ACHIEVEMENTS).replace("{n}", String(5 + Math.floor(rand() * 200)))),
      ...(kind === "model" || kind === "practice" ? { method: paragraph(rand, name, 2) } : {}),
      channels: chosenChannels,
      ...(kind === "individual" ? { consent: true } : {}),
      tags: ["học tập và làm theo Bác"],
    };
    // Every image is different (as real photographs are), so image processing is measured, not skipped by a content hash.
    const photo = imageEvery > 0 && i % imageEvery === 0 ? await corpusImage(images) : undefined;
    if (photo) {
      data.image = { src: `${slug}.jpg`, alt: `Ảnh minh họa cho ${name}` };
      images++;
    }
    const dir = path.join(out, "exemplars", String(year));
    slugsByYear.set(year, [...(slugsByYear.get(year) ?? []), slug]);
    // The article is drawn now, not inside the write, so the random sequence (and the corpus) never depends on I/O order.
    const text = frontMatter(data, article(rand, name, 600));
    writes.push(
      ensureDir(dir).then(async () => {
        await writeFile(path.join(dir, `${slug}.md`), text);
        if (photo) await writeFile(path.join(dir, `${slug}.jpg`), photo);
      }),
    );
    if (writes.length >= 64) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes.splice(0));

  // About one activity per ten exemplars, and one bulletin issue per month of each year.
  let activities = 0;
  let bulletins = 0;
  for (const [year, slugs] of slugsByYear) {
    const dir = path.join(out, "activities", String(year));
    await ensureDir(dir);
    const perYear = Math.max(1, Math.floor(slugs.length / 10));
    for (let k = 0; k < perYear; k++) {
      const type = types[k % types.length] as string;
      const data: Record<string, unknown> = {
        title: `Hoạt động tuyên truyền số ${k + 1} năm ${year}`,
        type,
        date: `${isoDate(year, Math.floor(rand() * 365))}T08:00:00+07:00`,
        unit: pick(rand, units),
        ward: pick(rand, wards),
        channel: pick(rand, channels),
        exemplars: [pick(rand, slugs)],
        participants: 20 + Math.floor(rand() * 300),
        ...(k % 5 === 0 ? { occasion: pick(rand, occasions) } : {}),
      };
      writes.push(writeFile(path.join(dir, `hoat-dong-${year}-${k + 1}.md`), frontMatter(data, paragraph(rand, "đơn vị", 3))));
      activities++;
      if (writes.length >= 64) await Promise.all(writes.splice(0));
    }
    await ensureDir(path.join(out, "bulletins"));
    for (let month = 1; month <= 12 && (month - 1) * 6 < slugs.length; month++) {
      const data = {
        number: month,
        date: `${year}-${String(month).padStart(2, "0")}-15`,
        title: `Bản tin tháng ${month} năm ${year}`,
        exemplars: slugs.slice((month - 1) * 6, month * 6),
      };
      writes.push(
        writeFile(
          path.join(out, "bulletins", `${year}-${String(month).padStart(2, "0")}.md`),
          frontMatter(data, paragraph(rand, "Ban biên tập", 4)),
        ),
      );
      bulletins++;
    }
  }
  await Promise.all(writes);
  return { exemplars: count, activities, bulletins, images };
}

/** A small abstract JPEG (a sun over rooftops); `variant` moves the sun and the roofs, so no two images are alike. */
export async function corpusImage(variant: number): Promise<Buffer> {
  const sun = 80 + ((variant * 37) % 480);
  const h = (k: number) => 140 + ((variant * (k + 3) * 13) % 80);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400">
    <rect width="640" height="400" fill="#f3e9d2"/><circle cx="${sun}" cy="${90 + (variant % 60)}" r="60" fill="#c8102e"/>
    <rect x="60" y="${400 - h(0)}" width="140" height="${h(0)}" fill="#7a4a2a"/><rect x="230" y="${400 - h(1)}" width="160" height="${h(1)}" fill="#a0522d"/>
    <rect x="420" y="${400 - h(2)}" width="160" height="${h(2)}" fill="#5b3a29"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}
