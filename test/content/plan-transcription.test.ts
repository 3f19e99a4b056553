// Plan 08-KH/BTG in content/ must carry every sentence of the issued text (test/fixtures/seed/08-KH-BTG.txt,
// a copy of the seed), its number, date, basis, recipients and signer.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatDateVi } from "../../src/vi/date.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** Words only: lower case, NFC, punctuation and Markdown marks dropped, so "08 - KH" and "08-KH" compare equal. */
function words(text: string): string[] {
  return text.normalize("NFC").toLocaleLowerCase("vi").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

let seedLines: string[];
let front: Record<string, unknown>;
let bodyWords: string[];

beforeAll(async () => {
  const seed = await readFile(path.join(root, "test/fixtures/seed/08-KH-BTG.txt"), "utf8");
  seedLines = seed.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const file = await readFile(path.join(root, "content/plans/2018/08-kh-btg.md"), "utf8");
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file) ?? [];
  front = parse(yaml ?? "") as Record<string, unknown>;
  bodyWords = words(body ?? "");
});

describe("plan 08-KH/BTG transcription", () => {
  it("has every sentence of the body, in order of the words", () => {
    const first = seedLines.findIndex((l) => l.startsWith("Thực hiện Kế hoạch số 127"));
    const last = seedLines.findIndex((l) => l.startsWith("Căn cứ kế hoạch"));
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first);
    const missing = seedLines.slice(first, last + 1).filter((line) => !containsRun(bodyWords, words(line)));
    expect(missing).toEqual([]);
  });

  it("carries the header, basis, recipients and signer of the issued text", () => {
    expect(seedLines[0]?.replace(/\s+/g, "")).toBe("Số08-KH/BTG");
    expect(front.number).toBe("08-KH/BTG");
    const dateLine = seedLines.find((l) => /ngày\s+\d+\s+tháng/u.test(l))?.replace(/\s+/g, " ");
    expect(dateLine).toBe(`${String(front.place)}, ${formatDateVi(String(front.date))}`);
    expect(words(String(front.title))).toEqual(words("Tuyên truyền điển hình tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"));
    expect(front.basis).toEqual([
      expect.objectContaining({ number: "127-KH/BTGTU", date: "2018-11-19", issuer: "Ban Tuyên giáo Thành ủy Hà Nội" }),
    ]);
    const recipientWords = words(
      (front.recipients as { purpose?: string; names: string[] }[]).flatMap((g) => [g.purpose ?? "", ...g.names]).join(" "),
    );
    const start = seedLines.indexOf("Nơi nhận:");
    const end = seedLines.indexOf("TRƯỞNG BAN");
    for (const line of seedLines.slice(start + 1, end)) {
      for (const word of words(line)) expect(recipientWords, `"${word}" of "${line}"`).toContain(word);
    }
    expect(front.signer).toEqual({ title: "TRƯỞNG BAN", name: "Lê Thị Thủy", signed: true });
    expect(seedLines.slice(end)).toEqual(["TRƯỞNG BAN", "(Đã ký)", "Lê Thị Thủy"]);
  });
});
