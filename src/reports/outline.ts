// What a quarter's or a year's report says, once: header fields, sections, sentences and tables as
// document blocks, from the precomputed figures. The print page (PDF) and the Word file both lay it out.
import type { ContentModel, PlanEntry } from "../content/model.ts";
import { compareContentDates, formatDateShort, formatDateVi } from "../vi/date.ts";
import { type Block, type Inline, type TableRowSpec, text } from "../word/blocks.ts";
import type { QuarterReport, YearReport } from "./figures.ts";
import { fieldTitle, type ReportLabels, typeTitle } from "./labels.ts";
import { addQuarters, type Quarter, quarterEnd } from "../vi/quarter.ts";
import { anniversaryText, changeText, periodLabel, quarterInSentence } from "./view.ts";

/** The texts of the document that come from content: the plan being reported on and who receives the report. */
export interface ReportHead {
  /** The plan this report gives results of (the newest the organisation issued by the period's end). */
  plan?: PlanEntry;
  /** "Kết quả tuyên truyền điển hình tiêu biểu … quý IV năm 2018". */
  subject: string;
  /** Nơi nhận, the last one being the archive ("Lưu …"). */
  recipients: string[];
}

/** Lower-cases the first letter unless the first word is an acronym ("Tuyên truyền" → "tuyên truyền", "UBND" stays). */
export function lowerFirst(text: string): string {
  const [first = "", second = ""] = [...text];
  return second && second === second.toLocaleLowerCase("vi") ? first.toLocaleLowerCase("vi") + text.slice(first.length) : text;
}

/** Upper case as Party document headers are printed ("Đảng bộ Quận Cầu Giấy" → "ĐẢNG BỘ QUẬN CẦU GIẤY"). */
export function upper(text: string): string {
  return text.toLocaleUpperCase("vi");
}

/** A report's period: a quarter, or a year given as its number. */
export type ReportPeriod = Quarter | number;

function periodEnd(period: ReportPeriod): string {
  return typeof period === "number" ? `${period}-12-31` : quarterEnd(period);
}

/** "quý IV năm 2018" or "năm 2018", as written inside a sentence. */
export function periodInSentence(period: ReportPeriod): string {
  return typeof period === "number" ? `năm ${period}` : quarterInSentence(period);
}

/**
 * The plan a period's report answers to, its subject line and its recipients: site.yaml's
 * `reports.recipients` when given, otherwise the plan's "Để báo cáo" group (the bodies the plan reports to) and its archive line, so nothing about a district is
 * written in code. Without a plan the subject falls back on the site title and only "Lưu" remains.
 */
export function reportHead(model: ContentModel, period: ReportPeriod): ReportHead {
  const end = periodEnd(period);
  const candidates = model.plans
    .filter((p) => !p.draft && compareContentDates(p.data.date, end) <= 0)
    .sort((a, b) => compareContentDates(b.data.date, a.data.date));
  const plan = candidates.find((p) => p.data.issuer === model.site.organisation.name) ?? candidates[0];
  const when = periodInSentence(period);
  const configured = model.site.reports?.recipients;
  if (!plan) return { subject: `Kết quả tuyên truyền ${lowerFirst(model.site.title)} ${when}`, recipients: configured ?? ["Lưu"] };
  if (configured) return { plan, subject: `Kết quả ${lowerFirst(plan.data.title)} ${when}`, recipients: configured };
  const reportTo = plan.data.recipients.filter((g) => g.purpose?.toLocaleLowerCase("vi").includes("báo cáo")).flatMap((g) => g.names);
  const archive = plan.data.recipients.flatMap((g) => g.names).find((n) => /^Lưu\b/u.test(n)) ?? "Lưu";
  return { plan, subject: `Kết quả ${lowerFirst(plan.data.title)} ${when}`, recipients: [...reportTo, archive] };
}

/** "a cá nhân, b tập thể" for the non-zero counts, in catalogue order. */
function countList(counts: Record<string, number>, names: Record<string, string>, lower = true): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${n} ${lower ? lowerFirst(names[id] ?? id) : (names[id] ?? id)}`)
    .join(", ");
}

/** Everything a printed or Word report shows, in reading order. */
export interface ReportOutline {
  /** "Báo cáo quý I năm 2019": the document's title. */
  title: string;
  head: ReportHead;
  parent: string;
  issuer: string;
  /** What follows "Số " after the blank left for the number: "-BC/BTG". */
  number: string;
  partyHeader: string;
  /** "Cầu Giấy, ngày … tháng … năm 2019" with the day and month left blank: the report is dated when signed. */
  place: string;
  year: number;
  note?: string;
  blocks: Block[];
  /** "Nơi nhận" lines, punctuated (",", and "." on the last). */
  recipients: string[];
  signer?: { title: string; name: string };
  /** The period's last day, `YYYY-MM-DD`. */
  date: string;
}

const TOTAL_KEYS = ["exemplars", "activities", "plans", "bulletins"] as const;
const TOTAL_KIND = { exemplars: "exemplar", activities: "activity", plans: "plan", bulletins: "bulletin" } as const;

function h1(value: string): Block {
  return { type: "heading", level: 1, text: text(value) };
}
function h2(value: string): Block {
  return { type: "heading", level: 2, text: text(value) };
}
function p(value: string | Inline[]): Block {
  return { type: "paragraph", text: typeof value === "string" ? text(value) : value };
}
function dashes(items: string[]): Block {
  return { type: "list", ordered: false, items: items.map((i) => text(i)) };
}

/** A figure table: one naming column and one count column, and a total row when the rows add up. */
function countTable(caption: string, dimension: string, rows: [string, number][], total?: number): Block {
  const body: TableRowSpec[] = rows.map(([label, value]) => ({ cells: [label, value] }));
  if (total !== undefined) body.push({ cells: ["Tổng số", total], total: true });
  return { type: "table", caption, columns: [{ title: dimension }, { title: "Số lượng", numeric: true }], rows: body };
}

/** The report of a quarter or a year, as blocks and header fields. */
export function reportOutline(model: ContentModel, labels: ReportLabels, r: QuarterReport | YearReport): ReportOutline {
  const { site } = model;
  const org = site.organisation;
  const period: ReportPeriod = "quarter" in r ? r.quarter : r.year;
  const isYear = typeof period === "number";
  const scope = isYear ? "năm" : "quý";
  const head = reportHead(model, period);
  const when = periodInSentence(period);
  const next = typeof period === "number" ? `năm ${period + 1}` : quarterInSentence(addQuarters(period, 1));
  const d = r.data;
  const ex = d.exemplars;
  const act = d.activities;
  const unitsWith = Object.values(ex.byUnit).filter((n) => n > 0).length;
  const submitting = site.units.filter((u) => u.submits !== false).length;
  const unitName = (id: string) => labels.units[id] ?? id;
  const plan = head.plan?.data;
  let tables = 0;
  const tableNo = () => ++tables;
  const blocks: Block[] = [];
  const add = (...b: Block[]) => blocks.push(...b);

  add(p(`${plan ? `Thực hiện Kế hoạch số ${plan.number} ngày ${formatDateShort(plan.date)} của ${plan.issuer} về ${lowerFirst(plan.title)}, ` : ""}${org.name} báo cáo kết quả ${when} (từ ${formatDateVi(d.from)} đến ${formatDateVi(d.to)}) như sau:`));

  add(h1("I. KẾT QUẢ"), h2(`1. ${typeTitle("exemplar")} tiêu biểu được giới thiệu`));
  if (ex.total) {
    add(
      p(`Trong ${scope}, ${unitsWith} đơn vị đã đề xuất, giới thiệu ${ex.total} điển hình tiêu biểu, gồm: ${countList(ex.byKind, labels.kinds)}.`),
      { type: "list", ordered: true, items: r.entries.exemplars.map((e) => text(`${e.data.subject.name} (${lowerFirst(labels.kinds[e.data.kind] ?? e.data.kind)}, ${unitName(e.data.unit)}): ${e.data.title}.`)) },
      countTable(
        `Bảng ${tableNo()}. ${typeTitle("exemplar")} theo ${fieldTitle("exemplar", "field").toLowerCase()}`,
        fieldTitle("exemplar", "field"),
        Object.entries(ex.byField).map(([id, n]) => [labels.fields[id] ?? id, n]),
        ex.total,
      ),
      countTable(
        `Bảng ${tableNo()}. ${typeTitle("exemplar")} theo ${fieldTitle("exemplar", "unit").toLowerCase()} (đơn vị có điển hình)`,
        fieldTitle("exemplar", "unit"),
        Object.entries(ex.byUnit)
          .filter(([, n]) => n > 0)
          .map(([id, n]) => [unitName(id), n]),
        ex.total,
      ),
    );
  } else add(p(`Trong ${scope}, chưa có đơn vị nào đề xuất điển hình tiêu biểu.`));

  add(h2("2. Hoạt động tuyên truyền"));
  if (act.total) {
    const byType = countList(act.byType, labels.activityTypes);
    const byChannel = countList(act.byChannel, labels.channels, false);
    add(
      p(`Tổ chức ${act.total} hoạt động${byType ? `: ${byType}` : ""}.${byChannel ? ` Theo kênh tuyên truyền: ${byChannel}.` : ""}`),
      countTable(
        `Bảng ${tableNo()}. ${typeTitle("activity")} theo ${fieldTitle("activity", "type").toLowerCase()}`,
        fieldTitle("activity", "type"),
        Object.entries(act.byType).map(([id, n]) => [labels.activityTypes[id] ?? id, n]),
        act.total,
      ),
    );
    // Activities per ward on each channel that was used (the loudspeaker broadcasts per ward among them).
    const channels = site.channels.filter((c) => (act.byChannel[c.id] ?? 0) > 0);
    if (channels.length) {
      const ward = fieldTitle("activity", "ward");
      add({
        type: "table",
        caption: `Bảng ${tableNo()}. ${typeTitle("activity")} theo ${ward.toLowerCase()} và ${fieldTitle("activity", "channel").toLowerCase()}`,
        columns: [{ title: ward }, ...channels.map((c) => ({ title: c.name, numeric: true }))],
        rows: [
          ...site.wards.map((w) => ({ cells: [w.name, ...channels.map((c) => r.activitiesByChannelAndWard[c.id]?.[w.id] ?? 0)] })),
          { cells: [`Không ghi ${ward.toLowerCase()}`, ...channels.map((c) => r.activitiesWithoutWard[c.id] ?? 0)] },
        ],
      });
    }
  } else add(p(`Trong ${scope}, chưa có hoạt động tuyên truyền nào được ghi nhận.`));
  if (r.occasions.length) {
    add(
      p("Giao lưu, tọa đàm nhân các ngày kỷ niệm:"),
      dashes(
        r.occasions.map(
          (o) =>
            `${o.title} (${formatDateShort(o.date)}, ${unitName(o.unit)}${o.participants !== undefined ? `, ${o.participants} người tham dự` : ""}), nhân ${labels.anniversaries[o.anniversary] ?? o.anniversary}.`,
        ),
      ),
    );
  }

  add(
    h2(`3. ${typeTitle("plan")} và ${typeTitle("bulletin")}`),
    p(
      `${d.plans.total ? `Ban hành ${d.plans.total} kế hoạch: ${r.entries.plans.map((x) => `Kế hoạch số ${x.data.number} ngày ${formatDateShort(x.data.date)} về ${lowerFirst(x.data.title)}`).join("; ")}.` : `Trong ${scope} không ban hành kế hoạch mới.`} ${
        d.bulletins.total
          ? `Phát hành ${d.bulletins.total} số ${site.document.bulletinName} (${r.entries.bulletins.map((b) => `số ${b.data.number}/${b.slug.slice(0, 4)}`).join(", ")}).`
          : `Trong ${scope} không phát hành số ${site.document.bulletinName} nào.`
      }`,
    ),
  );
  if ("quarters" in r) {
    add(h2("4. Kết quả từng quý"), {
      type: "table",
      caption: `Bảng ${tableNo()}. Kết quả từng quý năm ${r.year}`,
      columns: [{ title: "Quý" }, ...TOTAL_KEYS.map((k) => ({ title: typeTitle(TOTAL_KIND[k]), numeric: true })), { title: "Đơn vị cần đôn đốc", numeric: true }],
      rows: [
        ...r.quarters.map((q) => ({ cells: [periodLabel(q.period), q.exemplars.total, q.activities.total, q.plans.total, q.bulletins.total, q.unitsWithoutExemplars.length] })),
        { cells: ["Cả năm", ex.total, act.total, d.plans.total, d.bulletins.total, d.unitsWithoutExemplars.length], total: true },
      ],
    });
  }

  const comparisons = [r.previous, ...(r.yearAgo ? [r.yearAgo] : [])];
  add(
    h1("II. ĐÁNH GIÁ"),
    h2(isYear ? "1. So với năm trước" : "1. So với quý trước và cùng kỳ năm trước"),
    p(
      `So với ${lowerFirst(periodLabel(r.previous.period))}, số điển hình ${changeText(r.previous.change.exemplars)}, số hoạt động ${changeText(r.previous.change.activities)}${
        r.yearAgo ? `; so với cùng kỳ năm trước (${lowerFirst(periodLabel(r.yearAgo.period))}), số điển hình ${changeText(r.yearAgo.change.exemplars)}, số hoạt động ${changeText(r.yearAgo.change.activities)}` : ""
      }.`,
    ),
    {
      type: "table",
      caption: `Bảng ${tableNo()}. So sánh với các kỳ trước`,
      columns: [{ title: "Chỉ tiêu" }, { title: periodLabel(d.period), numeric: true }, ...comparisons.map((c) => ({ title: periodLabel(c.period), numeric: true }))],
      rows: TOTAL_KEYS.map((k) => ({
        cells: [typeTitle(TOTAL_KIND[k]), { exemplars: ex.total, activities: act.total, plans: d.plans.total, bulletins: d.bulletins.total }[k], ...comparisons.map((c) => c.totals[k])],
      })),
    },
    h2("2. Đơn vị cần đôn đốc"),
  );
  if (d.unitsWithoutExemplars.length) {
    add(
      p(`Còn ${d.unitsWithoutExemplars.length}/${submitting} đơn vị thuộc diện gửi điển hình chưa đề xuất điển hình trong ${scope}:`),
      dashes(r.followUp.map((u) => `${unitName(u.unit)}${u.lastExemplar ? ` (điển hình gần nhất ${formatDateShort(u.lastExemplar)})` : " (chưa đề xuất điển hình nào)"};`)),
    );
  } else add(p(`Tất cả các đơn vị đều đã đề xuất điển hình trong ${scope}.`));

  add(
    h1(`III. PHƯƠNG HƯỚNG ${upper(next)}`),
    dashes([
      ...(r.nextAnniversaries.length ? [`Tổ chức giao lưu điển hình tiêu biểu, trao đổi kinh nghiệm nhân dịp: ${r.nextAnniversaries.map(anniversaryText).join("; ")}.`] : []),
      ...(d.unitsWithoutExemplars.length ? [`Đôn đốc ${d.unitsWithoutExemplars.length} đơn vị chưa đề xuất điển hình gửi trích ngang, kết quả đạt được, cách làm hiệu quả về ${org.name}.`] : []),
      `Tiếp tục tuyên truyền điển hình tiêu biểu trên ${site.channels.map((c) => c.name).join(", ")}.`,
    ]),
    p(`Trên đây là báo cáo ${lowerFirst(head.subject)} của ${org.name}./.`),
  );

  const year = Number(d.to.slice(0, 4));
  return {
    title: `Báo cáo ${when}`,
    head,
    parent: org.parent,
    issuer: org.name,
    number: `-BC${org.symbol ? `/${org.symbol}` : ""}`,
    partyHeader: org.partyHeader,
    place: org.place,
    year,
    ...(site.sample ? { note: "Dữ liệu minh họa" } : {}),
    blocks,
    recipients: head.recipients.map((name, i) => `${name}${i === head.recipients.length - 1 ? "." : ","}`),
    ...(org.leader ? { signer: { title: org.leader.title, name: org.leader.name } } : {}),
    date: d.to,
  };
}
