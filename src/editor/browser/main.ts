// The script of the editor page (/quan-tri/): Vietnamese locale, the site's exemplar page as preview, then Decap CMS.
import vi from "decap-cms-locales/dist/esm/vi/index.js";
import { previewExemplarHtml, type EditorPageData } from "./preview.ts";

/** The globals decap-cms.js defines (only what we use). */
interface DecapGlobals {
  CMS: {
    registerLocale(name: string, phrases: unknown): void;
    registerPreviewTemplate(collection: string, component: unknown): void;
    registerPreviewStyle(url: string): void;
    init(): void;
  };
  createClass(spec: { render(this: { props: PreviewProps }): unknown }): unknown;
  h(type: string, props: Record<string, unknown>): unknown;
  CMS_MANUAL_INIT?: boolean;
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
}

function start(): void {
  const data = pageData();
  w.CMS_MANUAL_INIT = true;
  const script = document.createElement("script");
  script.src = document.querySelector<HTMLMetaElement>('meta[name="gs-decap"]')?.content ?? "decap-cms.js";
  script.onload = () => {
    register(data);
    w.CMS.init();
  };
  document.head.append(script);
}

start();
