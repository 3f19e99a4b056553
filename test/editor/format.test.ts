// The editor's front matter format for bulletins: Decap's layout, less the hidden field that names the file.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frontMatterFormat } from "../../src/editor/browser/format.ts";
import { FILE_NAME_FIELD } from "../../src/editor/config.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BULLETINS = path.join(ROOT, "content/bulletins");
const ORDER = ["number", "date", "title", "exemplars", "plans", "activities", "draft", FILE_NAME_FIELD, "body"];
const format = frontMatterFormat([FILE_NAME_FIELD]);

describe("the editor's bulletin format", () => {
  it.each(readdirSync(BULLETINS).filter((f) => f.endsWith(".md")))("reads and writes %s back byte for byte", (name) => {
    const text = readFileSync(path.join(BULLETINS, name), "utf8");
    const data = format.fromFile(text);
    expect(data.number).toBe(Number(/-(\d{2})\.md$/.exec(name)?.[1]));
    expect(typeof data.date).toBe("string");
    // Decap adds the final line break when the body has none.
    const written = format.toFile({ ...data, [FILE_NAME_FIELD]: name.slice(0, -3) }, ORDER);
    expect(written.endsWith("\n") ? written : `${written}\n`).toBe(text);
  });

  it("leaves out the file name and the emptied fields, in the form's order, the body last", () => {
    const written = format.toFile(
      { body: "Lời tòa soạn.\n", exemplars: ["co-giao-tran-thi-anh"], [FILE_NAME_FIELD]: "2019-03", title: "", plans: null, date: "2019-03-31", number: 3, draft: false },
      ORDER,
    );
    expect(written).toBe("---\nnumber: 3\ndate: 2019-03-31\nexemplars:\n  - co-giao-tran-thi-anh\ndraft: false\n---\nLời tòa soạn.\n");
  });

  it("reads a file without a body as Decap does: no body key", () => {
    expect(format.fromFile("---\nnumber: 4\n---\n")).toEqual({ number: 4 });
  });
});
