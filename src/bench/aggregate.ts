// The aggregate's benchmark input: many synthetic unit sites' exports (site.json, exemplars.json, quarter JSON), valid
// against the contract, written once under one folder and served on 127.0.0.1 as one site per sub-folder.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CONTRACT_VERSION } from "../content/exports.ts";

export interface ExportsCorpus {
  sources: number;
  exemplarsPerSource: number;
  /** Source ids, in order. */
  ids: string[];
  bytes: number;
}

const KINDS = ["individual", "collective", "model", "practice"] as const;
const QUARTERS = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"];
const FIELDS = ["xay-dung-dang", "kinh-te", "van-hoa-xa-hoi", "giao-duc", "y-te", "an-ninh-quoc-phong"];

/** A small deterministic generator, so two runs measure the same input. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

function quarterRange(period: string): { from: string; to: string; months: number[] } {
  const year = period.slice(0, 4);
  const n = Number(period.slice(6));
  const months = [n * 3 - 2, n * 3 - 1, n * 3];
  const last = new Date(Date.UTC(Number(year), n * 3, 0)).getUTCDate();
  return { from: `${year}-${String(months[0]).padStart(2, "0")}-01`, to: `${year}-${String(n * 3).padStart(2, "0")}-${last}`, months };
}

/** Writes `sources` sites of `perSource` exemplars each under `root/<id>/`. */
export async function generateExports(root: string, sources: number, perSource: number, seed = 17): Promise<ExportsCorpus> {
  const r = random(seed);
  const ids: string[] = [];
  let bytes = 0;
  const put = async (file: string, value: unknown): Promise<void> => {
    const text = JSON.stringify(value);
    bytes += Buffer.byteLength(text);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  };
  for (let s = 1; s <= sources; s++) {
    const id = `phuong-${String(s).padStart(3, "0")}`;
    ids.push(id);
    const base = `https://${id}.example.vn/`;
    const units = Array.from({ length: 6 }, (_, i) => ({ id: `don-vi-${i + 1}`, name: `Chi bộ khu dân cư số ${i + 1} phường ${s}`, group: "ward-party", submits: true }));
    const exemplars = Array.from({ length: perSource }, (_, i) => {
      const quarter = QUARTERS[i % QUARTERS.length] as string;
      const { months } = quarterRange(quarter);
      const month = pick(r, months);
      const kind = pick(r, KINDS);
      const slug = `dien-hinh-${s}-${i + 1}`;
      return {
        slug,
        url: `${base}dien-hinh/${slug}/`,
        path: `/dien-hinh/${slug}/`,
        file: `exemplars/${quarter.slice(0, 4)}/${slug}.md`,
        title: `Gương sáng số ${i + 1} của phường ${s}: làm theo lời Bác ở khu dân cư`,
        kind,
        subject: kind === "individual" ? { name: `Nguyễn Văn Thử ${i + 1}`, birthYear: 1970 + (i % 30) } : { name: `Tập thể thử ${i + 1}` },
        unit: pick(r, units).id,
        field: pick(r, FIELDS),
        date: `${quarter.slice(0, 4)}-${String(month).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`,
        summary: "Một đến ba câu tóm tắt: là ai, đạt kết quả gì, làm thế nào; đủ dài để giống một trích ngang thật của đơn vị gửi lên.",
        achievements: ["Được Đảng ủy phường tặng Giấy khen.", "Vận động 40 hộ gia đình tham gia."],
        channels: ["portal"],
        ...(kind === "individual" ? { consent: true } : {}),
      };
    });
    const quarters = QUARTERS.map((period) => {
      const { from, to } = quarterRange(period);
      const mine = exemplars.filter((e) => e.date >= from && e.date <= to);
      const count = (ids: readonly string[], key: (e: (typeof exemplars)[number]) => string) =>
        Object.fromEntries(ids.map((k) => [k, mine.filter((e) => key(e) === k).length]));
      const byUnit = count(units.map((u) => u.id), (e) => e.unit);
      return {
        period,
        from,
        to,
        exemplars: { total: mine.length, byKind: count(KINDS, (e) => e.kind), byUnit, byWard: { [id]: mine.length }, byField: count(FIELDS, (e) => e.field), slugs: mine.map((e) => e.slug) },
        activities: { total: 0, byType: { "giao-luu": 0 }, byChannel: { portal: 0 }, slugs: [] },
        plans: { total: 0, slugs: [] },
        bulletins: { total: 0, ids: [] },
        unitsWithoutExemplars: Object.entries(byUnit).filter(([, n]) => n === 0).map(([u]) => u),
      };
    });
    const dir = path.join(root, id);
    await put(path.join(dir, "api/site.json"), {
      contract: CONTRACT_VERSION,
      generated: "2026-01-01T00:00:00.000Z",
      title: `Gương sáng phường ${s}`,
      name: `Đảng ủy phường ${s}`,
      level: "ward",
      superior: "Ban Tuyên giáo và Dân vận Thành ủy",
      parent: `Đảng bộ phường ${s}`,
      baseUrl: base,
      sample: true,
      units,
      wards: [{ id, name: `Phường ${s}` }],
      fields: FIELDS.map((f) => ({ id: f, name: f })),
      exports: {
        exemplars: "api/exemplars.json",
        schemas: "api/schemas/",
        quarters: QUARTERS.map((p) => ({ period: p, json: `bao-cao/${p.toLowerCase()}.json` })),
        years: [],
      },
    });
    await put(path.join(dir, "api/exemplars.json"), { generated: "2026-01-01T00:00:00.000Z", count: exemplars.length, exemplars });
    for (const q of quarters) await put(path.join(dir, `bao-cao/${q.period.toLowerCase()}.json`), q);
  }
  return { sources, exemplarsPerSource: perSource, ids, bytes };
}
