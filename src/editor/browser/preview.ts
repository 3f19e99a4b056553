// The editor's preview of an exemplar: the site's own exemplar page renderer, fed from the form's values.
import type { ExemplarEntry, SiteConfig } from "../../content/model.ts";
import type { DerivedFileName, RequiredIfPresent } from "../config.ts";
import { NAV } from "../../site/globals.ts";
import type { PageShell } from "../../site/layout.ts";
import { kindLabel } from "../../content/labels.ts";
import { renderExemplarPage, type ExemplarPageView } from "../../site/pages/dien-hinh/exemplar.11ty.ts";
import type { ResponsiveImage } from "../../site/picture.ts";
import { makeUrl } from "../../paths/url.ts";
import { formatDateVi } from "../../vi/date.ts";

/** What the editor page hands its script (written into the page as JSON by src/editor/page.ts). */
export interface EditorPageData {
  site: SiteConfig;
  /** id → name of every site.yaml list (units, wards, fields, channels…). */
  names: Record<string, Record<string, string>>;
  pathPrefix: string;
  /** URL of the site stylesheet (its hashed name), loaded into the preview frame. */
  stylesheet: string;
  /** Source path → URL of each site asset (hashed names), for the page shell's links. */
  assets: Record<string, string>;
  /** Per collection: optional objects whose required fields go together (an image and its description). */
  requiredIfPresent: Record<string, RequiredIfPresent[]>;
  /** Per collection: the file name the script computes before saving (a bulletin's `<yyyy>-<nn>`). */
  derivedFileNames: Record<string, DerivedFileName>;
  /** Name of the script's front matter format, which leaves the derived file names out of the file. */
  frontMatterFormat: string;
  /** URL of Decap's bundle beside the page. */
  decapScript: string;
}

export function pageShell(data: EditorPageData): PageShell {
  // The preview frame has the stylesheet already (registerPreviewStyle): nothing to inline or preload.
  const asset = (p: string): string => data.assets[p] ?? makeUrl(data.pathPrefix)(p);
  return { site: data.site, nav: NAV, url: makeUrl(data.pathPrefix), pathPrefix: data.pathPrefix, drafts: true, assets: { css: "", preload: [], key: "", url: asset } };
}

/** Form values as the editor holds them while the clerk types: anything may be missing. */
type Partial = Record<string, unknown> & { subject?: Record<string, unknown>; image?: Record<string, unknown> };

const text = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(text).filter(Boolean) : []);

function dateText(date: string): string {
  try {
    return date ? formatDateVi(date) : "";
  } catch {
    return date;
  }
}

/**
 * The exemplar page for the values typed so far. `assetUrl` turns the image path the clerk chose into a URL the
 * preview can show (the upload is not in the repository yet).
 */
export function previewExemplarHtml(data: EditorPageData, values: Partial, body: string, assetUrl: (src: string) => string): string {
  const named = (list: string, id: string) => ({ id, name: data.names[list]?.[id] ?? id });
  const kind = text(values.kind);
  const unit = text(values.unit);
  const ward = text(values.ward);
  const date = text(values.date);
  const image = values.image && text(values.image.src) ? values.image : undefined;
  const picture: ResponsiveImage | undefined = image
    ? { alt: text(image.alt), ...(text(image.credit) ? { credit: text(image.credit) } : {}), sources: [], fallback: { src: assetUrl(text(image.src)), width: 960, height: 640 } }
    : undefined;
  const subject = values.subject ?? {};
  const exemplar = {
    ...values,
    title: text(values.title),
    summary: text(values.summary),
    achievements: list(values.achievements),
    method: text(values.method) || undefined,
    date,
    tags: list(values.tags),
    subject: {
      name: text(subject.name),
      ...(subject.birthYear !== undefined && subject.birthYear !== "" ? { birthYear: Number(subject.birthYear) } : {}),
      ...(text(subject.role) ? { role: text(subject.role) } : {}),
    },
  } as unknown as ExemplarEntry["data"];
  const view: ExemplarPageView = {
    path: "/dien-hinh/",
    title: exemplar.title || "(chưa có tiêu đề)",
    kind: { id: kind, name: kind ? kindLabel(kind) : "" },
    kindPath: "/dien-hinh/",
    unit: named("units", unit),
    ...(ward ? { ward: named("wards", ward) } : {}),
    field: named("fields", text(values.field)),
    dateText: dateText(date),
    channels: list(values.channels).map((c) => named("channels", c)),
    draft: values.draft === true,
    data: exemplar,
    body,
    // Preview bodies change with every key stroke: a fresh key each time, so the renderer's memo never serves a stale one.
    hash: `preview:${body.length}:${body}`,
    ...(picture ? { image: picture } : {}),
    related: [],
  };
  return renderExemplarPage(pageShell(data), view);
}
