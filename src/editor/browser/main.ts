// The script of the editor page (/quan-tri/): Vietnamese locale, the site's exemplar page as preview, then Decap CMS.
import vi from "decap-cms-locales/dist/esm/vi/index.js";
import { bulletinId } from "../../paths/paths.ts";
import { isCalendarDate, isDateTimeWithOffset, vietnamDate } from "../../vi/date.ts";
import { frontMatterFormat, type DecapFormat } from "./format.ts";
import { previewExemplarHtml, type EditorPageData } from "./preview.ts";

/** The globals decap-cms.js defines (only what we use). */
interface DecapGlobals {
  CMS: {
    registerLocale(name: string, phrases: unknown): void;
    registerPreviewTemplate(collection: string, component: unknown): void;
    registerPreviewStyle(url: string): void;
    registerEventListener(listener: { name: "preSave"; handler: (event: { entry: ImmutableMap }) => ImmutableMap | undefined }): void;
    registerCustomFormat(name: string, extension: string, format: DecapFormat): void;
    init(): void;
  };
  createClass(spec: { render(this: { props: PreviewProps }): unknown }): unknown;
  h(type: string, props: Record<string, unknown>): unknown;
  CMS_MANUAL_INIT?: boolean;
}

/** The few Immutable.js Map methods the save check uses. */
interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  delete(key: string): ImmutableMap;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): Record<string, unknown>;
}

interface PreviewProps {
  entry: { getIn(path: string[]): { toJS?: () => unknown } | string | undefined; get(key: string): { toJS(): Record<string, unknown> } };
  getAsset(path: string): { toString(): string } | undefined;
}

const w = window as unknown as Window & DecapGlobals;

function pageData(): EditorPageData {
  const node = document.getElementById("gs-editor-data");
  return JSON.parse(node?.textContent ?? "{}") as EditorPageData;
}

function register(data: EditorPageData): void {
  const { CMS, createClass, h } = w;
  CMS.registerLocale("vi", vi);
  CMS.registerPreviewStyle(data.stylesheet);
  const ExemplarPreview = createClass({
    render() {
      const values = this.props.entry.get("data").toJS();
      const { body, ...front } = values;
      const page = previewExemplarHtml(data, front, typeof body === "string" ? body : "", (src) => this.props.getAsset(src)?.toString() ?? src);
      // The page renderer returns a whole document; the preview frame shows its <main>, as the site does.
      const doc = new DOMParser().parseFromString(page, "text/html");
      const main = doc.querySelector("main");
      return h("div", { className: doc.body.className, dangerouslySetInnerHTML: { __html: main?.outerHTML ?? "" } });
    },
  });
  CMS.registerPreviewTemplate("exemplars", ExemplarPreview);
  // Bulletins are written by our format: Decap's front matter without the hidden file name field.
  CMS.registerCustomFormat(data.frontMatterFormat, "md", frontMatterFormat([...new Set(Object.values(data.derivedFileNames).map((d) => d.field))]));
  CMS.registerEventListener({ name: "preSave", handler: ({ entry }) => checkBeforeSave(data, entry) });
}

/**
 * A refusal Decap shows as "Không thể giữ lại mục: <message>": it writes the thrown value as text, and an Error
 * would read "Error: <message>".
 */
class Refusal extends Error {
  override toString(): string {
    return this.message;
  }
}

const filled = (v: unknown) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);

/**
 * An optional object (the image) is either left out or complete: a photo without its description is refused with
 * a message naming the field (Decap shows it as "Không thể giữ lại mục: …"), an empty one is dropped.
 */
function checkBeforeSave(data: EditorPageData, entry: ImmutableMap): ImmutableMap | undefined {
  let values = entry.get("data") as ImmutableMap;
  for (const rule of data.requiredIfPresent[String(entry.get("collection"))] ?? []) {
    const object = values.get(rule.object) as ImmutableMap | undefined;
    const given = object && typeof object.toJS === "function" ? object.toJS() : {};
    if (!Object.values(given).some(filled)) {
      values = values.delete(rule.object);
      continue;
    }
    const missing = rule.fields.filter((f) => !filled(given[f.name])).map((f) => `"${f.label}"`);
    if (missing.length) throw new Refusal(`Mục "${rule.label}" còn thiếu ${missing.join(", ")}: hãy điền, hoặc bỏ trống cả mục.`);
  }
  // A file name Decap cannot write (a bulletin's `<yyyy>-<nn>`): computed here, named by the collection's slug.
  const derived = data.derivedFileNames[String(entry.get("collection"))];
  if (derived) {
    const date = values.get(derived.date);
    const number = values.get(derived.number);
    // Decap has already refused an empty or out-of-range field, naming it on the form; this is the last guard.
    if (typeof date !== "string" || !(isCalendarDate(date) || isDateTimeWithOffset(date)) || typeof number !== "number" || !Number.isInteger(number)) {
      throw new Refusal(`Chưa đặt được tên tệp: hãy điền "${derived.labels.number}" (số nguyên) và chọn "${derived.labels.date}".`);
    }
    values = values.set(derived.field, bulletinId(vietnamDate(date).year, number));
  }
  return values;
}

function start(): void {
  const data = pageData();
  w.CMS_MANUAL_INIT = true;
  const script = document.createElement("script");
  script.src = data.decapScript;
  script.onload = () => {
    register(data);
    w.CMS.init();
  };
  document.head.append(script);
}

start();
