// The plain-text script for the announcer: UTF-8, one paragraph per line, every part with its reading time.
import type { SiteConfig } from "../content/model.ts";
import type { Script } from "./script.ts";
import { formatClock, formatDuration } from "../speech/timing.ts";

/** Byte order mark: a browser shows a `.txt` served without a charset as UTF-8 only with it. */
const BOM = "\uFEFF";

/** "Vừa một buổi phát 15 phút." or the overflow and how to split it. */
export function slotVerdict(script: Script): string {
  const slot = formatDuration(script.slotSeconds);
  if (script.fits) return `Vừa một buổi phát ${slot} (còn dư ${formatDuration(script.slotSeconds - script.seconds)}).`;
  const over = formatDuration(script.seconds - script.slotSeconds);
  const parts = script.parts
    .map((part, i) => {
      const first = (part.items[0] ?? 0) + 1;
      const last = (part.items[part.items.length - 1] ?? 0) + 1;
      const which = first === last ? `bài ${first}` : `bài ${first} đến ${last}`;
      return `buổi ${i + 1}: ${which} (${formatDuration(part.seconds)}${part.overSlot ? ", một bài đã dài hơn buổi phát, cần rút gọn" : ""})`;
    })
    .join("; ");
  return `Vượt thời lượng một buổi phát ${slot} là ${over}. Chia thành ${script.parts.length} buổi, mỗi buổi có lời mở đầu và lời kết: ${parts}.`;
}

/** The whole script as plain text (with a leading BOM), as served at `<script>.txt`. */
export function scriptPlainText(script: Script, site: SiteConfig): string {
  const lines: string[] = [
    "KỊCH BẢN PHÁT THANH TRÊN LOA TRUYỀN THANH",
    script.title,
  ];
  if (script.activity) lines.push(script.activity.title);
  lines.push(
    `Tốc độ đọc ${site.loudspeaker.wordsPerMinute} tiếng một phút. Tổng thời gian đọc ước tính ${formatDuration(script.seconds)}.`,
    slotVerdict(script),
    "",
  );
  const section = (heading: string, seconds: number, paragraphs: readonly string[]): void => {
    lines.push(`[${formatClock(seconds)}] ${heading}`, "", ...paragraphs.flatMap((p) => [p, ""]));
  };
  if (script.opening) section("LỜI MỞ ĐẦU", script.opening.seconds, script.opening.paragraphs);
  script.items.forEach((item, i) => section(`BÀI ${i + 1}. ${item.spokenTitle.replace(/[.!?]$/, "")}`, item.seconds, item.paragraphs));
  if (script.closing) section("LỜI KẾT", script.closing.seconds, script.closing.paragraphs);
  return `${BOM}${lines.join("\n").replace(/\n+$/, "")}\n`;
}
