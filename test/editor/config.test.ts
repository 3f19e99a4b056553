// The web editor's configuration is generated from the schemas and site.yaml, covers every field, and is never stale in the build.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, inject, it } from "vitest";
import { CONTENT_TYPES, type ContentType } from "../../src/content/model.ts";
import { derivedFileNames, FILE_NAME_FIELD, FRONT_MATTER_FORMAT, renderEditorConfig, requiredIfPresent, type EditorField } from "../../src/editor/config.ts";
import { loadContent } from "../../src/content/load.ts";
import { publishedBackend, writeEditor } from "../../src/editor/site.ts";
import { readCatalogues } from "../../src/render/catalogues.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const catalogues = readCatalogues(path.join(ROOT, "content"));

interface RawSchema {
  title?: string;
  description?: string;
  $ref?: string;
  type?: string;
  enum?: string[];
  "x-labels"?: Record<string, string>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  properties?: Record<string, RawSchema>;
  items?: RawSchema;
}

const common = JSON.parse(readFileSync(path.join(ROOT, "schemas/common.schema.json"), "utf8")) as { $defs: Record<string, RawSchema> };
const deref = (node: RawSchema): RawSchema => {
  const m = /#\/\$defs\/(\w+)$/.exec(node.$ref ?? "");
  return m ? { ...common.$defs[m[1] as string], ...node } : node;
};
const schema = (type: ContentType) => JSON.parse(readFileSync(path.join(ROOT, "schemas", CONTENT_TYPES[type].schema), "utf8")) as RawSchema;

interface Config {
  locale: string;
  publish_mode: string;
  backend: { name: string; repo?: string };
  collections: { name: string; folder: string; path: string; media_folder: string; public_folder: string; fields: EditorField[] }[];
}

const config = (): Config => parse(renderEditorConfig({ catalogues, backend: { kind: "github", repo: "ban-thu/guong-sang", branch: "main" } })) as Config;

describe("the editor configuration", () => {
  it("has one collection per content type, in its folder under content/, in Vietnamese, with every save a pull request", () => {
    const c = config();
    expect(c.locale).toBe("vi");
    expect(c.publish_mode).toBe("editorial_workflow");
    expect(c.collections.map((x) => x.folder)).toEqual(Object.values(CONTENT_TYPES).map((t) => `content/${t.folder}`).sort((a, b) => order(a) - order(b)));
    const exemplars = c.collections.find((x) => x.folder === "content/exemplars")!;
    // exemplars/<yyyy>/<slug>.md with the images beside the entry.
    expect(exemplars).toMatchObject({ path: "{{year}}/{{slug}}", media_folder: "", public_folder: "" });
    // Where the validator's findings are read: the proposals' pull requests, with their checks and summary comment.
    expect((exemplars as unknown as { description: string }).description).toBe(
      "Điển hình. Mỗi lần lưu là một pull request chờ thẩm định. Kết quả kiểm tra (Checks) và bình luận tóm tắt của từng đề xuất: https://github.com/ban-thu/guong-sang/pulls?q=is%3Apr%20head%3Acms%2F",
    );
  });

  it.each(Object.keys(CONTENT_TYPES) as ContentType[])("asks for every %s field with the schema's title, description and requirement", (type) => {
    const collection = config().collections.find((x) => x.folder === `content/${CONTENT_TYPES[type].folder}`)!;
    const check = (fields: EditorField[], node: RawSchema, where: string, optionalObject = false) => {
      const names = Object.keys(node.properties ?? {});
      // The body, and a bulletin's hidden file name (left out of the file), are the editor's own.
      expect(fields.map((f) => f.name).filter((n) => n !== "body" && !(where === "bulletin" && n === FILE_NAME_FIELD)), where).toEqual(names);
      for (const name of names) {
        const prop = deref(node.properties![name]!);
        const field = fields.find((f) => f.name === name)!;
        expect(field.label, `${where}.${name}`).toBe(prop.title);
        expect(String(field.hint).startsWith(prop.description ?? ""), `${where}.${name}`).toBe(true);
        if (prop.type === "boolean") expect(field.required).toBe(false);
        else if (optionalObject && (node.required ?? []).includes(name)) {
          // Inside an optional object (the image): optional for Decap, required together by the page's save check.
          expect(field.required, `${where}.${name}`).toBe(false);
          expect(field.hint, `${where}.${name}`).toMatch(/Bắt buộc nếu có mục này\.$/);
        } else expect(field.required, `${where}.${name}`).toBe((node.required ?? []).includes(name));
        if (prop.enum) {
          expect(field.widget).toBe("select");
          expect(field.options).toEqual(prop.enum.map((v) => ({ value: v, label: prop["x-labels"]?.[v] ?? v })));
        }
        if (prop.type === "object") check(field.fields as EditorField[], prop, `${where}.${name}`, !(node.required ?? []).includes(name) || optionalObject);
        if (prop.type === "array" && prop.items?.properties) check(field.fields as EditorField[], deref(prop.items), `${where}.${name}[]`);
      }
    };
    check(collection.fields, schema(type), type);
    expect(collection.fields.at(-1)).toMatchObject({ name: "body", widget: "markdown", required: true });
  });

  it("offers site.yaml's units, wards, fields and channels by name, and the image with a required description", () => {
    const fields = config().collections.find((x) => x.folder === "content/exemplars")!.fields;
    const byName = (n: string) => fields.find((f) => f.name === n)!;
    for (const [field, list] of [["unit", "units"], ["ward", "wards"], ["field", "fields"], ["channels", "channels"]] as const) {
      expect(byName(field).widget).toBe("select");
      expect(byName(field).options).toEqual((catalogues[list] ?? []).map((c) => ({ label: c.name, value: c.id })));
    }
    expect(byName("channels").multiple).toBe(true);
    const image = byName("image").fields as EditorField[];
    expect(image.find((f) => f.name === "src")).toMatchObject({ widget: "image" });
    expect(image.find((f) => f.name === "alt")).toMatchObject({ widget: "string", label: "Mô tả ảnh" });
    // An image is optional, but never without its description: the page refuses to save it.
    expect(requiredIfPresent().exemplars).toEqual([{ object: "image", label: "Ảnh", fields: [{ name: "src", label: "Tệp ảnh" }, { name: "alt", label: "Mô tả ảnh" }] }]);
    expect(byName("draft")).toMatchObject({ widget: "boolean", default: false });
    expect(byName("date")).toMatchObject({ widget: "datetime", format: "YYYY-MM-DD", time_format: false });
  });

  it("creates bulletins named <yyyy>-<nn>.md: a hidden field the page fills names the file, and the format leaves it out", () => {
    const c = config().collections.find((x) => x.folder === "content/bulletins")! as unknown as Record<string, unknown> & { fields: EditorField[] };
    expect(c).toMatchObject({ create: true, path: "{{slug}}", slug: `{{fields.${FILE_NAME_FIELD}}}`, identifier_field: FILE_NAME_FIELD, format: FRONT_MATTER_FORMAT, extension: "md" });
    expect(c.fields.find((f) => f.name === FILE_NAME_FIELD)).toEqual({ name: FILE_NAME_FIELD, label: "Tên tệp", widget: "hidden", required: false });
    // The number's bounds come from the schema (1–99: two digits in the file name).
    const number = schema("bulletin").properties!.number!;
    expect(c.fields.find((f) => f.name === "number")).toMatchObject({ widget: "number", value_type: "int", min: number.minimum, max: number.maximum });
    expect(derivedFileNames()).toEqual({
      bulletins: { field: FILE_NAME_FIELD, kind: "bulletin", date: "date", number: "number", labels: { date: "Ngày phát hành", number: "Số bản tin" } },
    });
    // The other collections keep Decap's own front matter.
    expect(config().collections.filter((x) => x.folder !== "content/bulletins").map((x) => (x as unknown as { format: string }).format)).toEqual(["frontmatter", "frontmatter", "frontmatter"]);
  });
});

function order(folder: string): number {
  return ["content/exemplars", "content/activities", "content/plans", "content/bulletins"].indexOf(folder);
}

describe("/quan-tri/ in the built site", () => {
  const dir = path.join(inject("siteDir"), "quan-tri");

  it("holds the configuration the generator makes from today's schemas and site.yaml (never stale)", () => {
    const built = readFileSync(path.join(dir, "config.yml"), "utf8");
    const site = parse(readFileSync(path.join(ROOT, "content/site.yaml"), "utf8")) as { baseUrl: string };
    const backend = publishedBackend(process.env, ROOT);
    const expected = renderEditorConfig({ catalogues, backend, siteUrl: site.baseUrl });
    // The repository may differ between the machine that built and this one; everything else is the same.
    const withoutRepo = (t: string) => t.replace(/^ {2}repo: .*$/m, "");
    expect(withoutRepo(built)).toBe(withoutRepo(expected));
  });

  it("is self-hosted: the page loads only files beside it, and Decap's bundle ships without source maps", () => {
    const page = readFileSync(path.join(dir, "index.html"), "utf8");
    expect(page).toContain('<html lang="vi">');
    for (const m of page.matchAll(/(?:src|href|content)="([^"]+\.(?:js|svg|css))"/g)) {
      const url = m[1] as string;
      expect(url.startsWith("/"), url).toBe(true);
      const local = path.join(inject("siteDir"), url.replace(/^\/(?:[^/]+\/)?(?=quan-tri\/|assets\/)/, "/"));
      expect(existsSync(local), url).toBe(true);
    }
    const files = readdirSync(dir);
    expect(files).toContain("decap-cms.js");
    expect(files).toContain("editor.js");
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(readFileSync(path.join(dir, "decap-cms.js"), "utf8")).not.toMatch(/sourceMappingURL=\S+\s*$/);
  });
});

describe("/quan-tri/ with the build cache", () => {
  it("prepares Decap's files once per version and our script once per code version in the cache, and writes the same editor from them", async () => {
    const { model } = await loadContent(path.join(ROOT, "content"));
    const work = await mkdtemp(path.join(tmpdir(), "gs-editor-cache-"));
    try {
      const cache = path.join(work, "cache");
      const options = { site: model.site, contentDir: path.join(ROOT, "content"), pathPrefix: "/", backend: publishedBackend({}, ROOT) };
      const write = async (name: string, cacheDir?: string, codeVersion = "v1") => {
        const site = path.join(work, name);
        await writeEditor(site, { ...options, ...(cacheDir ? { cacheDir, codeVersion } : {}) });
        const dir = path.join(site, "quan-tri");
        const names = (await readdir(dir)).sort();
        return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n))] as const)));
      };
      // A folder of an older Decap, and this version's folder cut short (no ready marker): both made anew.
      const version = (JSON.parse(readFileSync(path.join(ROOT, "node_modules/decap-cms/package.json"), "utf8")) as { version: string }).version;
      await mkdir(path.join(cache, "decap-0.0.1-1"), { recursive: true });
      await mkdir(path.join(cache, `decap-${version}-1`), { recursive: true });
      await writeFile(path.join(cache, `decap-${version}-1`, "decap-cms.js"), "cut short");
      await writeFile(path.join(cache, "editor-0123456789abcdef.js"), "// an older code version's script");

      const plain = await write("plain");
      const first = await write("first", cache);
      const second = await write("second", cache);
      expect([...first.keys()]).toEqual([...plain.keys()]);
      for (const [name, bytes] of plain) {
        expect(first.get(name)?.equals(bytes), name).toBe(true);
        expect(second.get(name)?.equals(bytes), name).toBe(true);
      }
      const script = (await readdir(cache)).find((n) => n.startsWith("editor-"))!;
      expect((await readdir(cache)).sort()).toEqual([`decap-${version}-1`, script]);
      expect(script).toMatch(/^editor-[0-9a-f]{16}\.js$/);
      const prepared = await readdir(path.join(cache, `decap-${version}-1`));
      expect(prepared).toContain(".ready");
      expect(prepared).toContain("decap-cms.js");
      // The kept script is what the next build of the same code ships; another code version bundles its own.
      await writeFile(path.join(cache, script), "// kept");
      expect((await write("third", cache)).get("editor.js")?.toString()).toBe("// kept");
      expect((await write("fourth", cache, "v2")).get("editor.js")?.equals(plain.get("editor.js")!)).toBe(true);
      expect((await readdir(cache)).filter((n) => n.startsWith("editor-"))).toEqual([expect.not.stringMatching(script)]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
