// One activity as a card (the year pages) and as a line (the activities page).
import { draftBadge } from "../../components.ts";
import type { SiteGlobals } from "../../globals.ts";
import { html, type SafeHtml } from "../../../render/html.ts";
import { activityFieldTitle as t } from "../../../content/labels.ts";
import type { ActivityView } from "../../sections/portal.ts";

export function activityCard(gs: SiteGlobals, a: ActivityView): SafeHtml {
  const d = a.entry.data;
  const row = (label: string, value: string | number | undefined) =>
    value === undefined ? html`` : html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<article class="activity card" id="${a.anchor}">
  <h2 class="card-title">${a.title}${draftBadge(a.draft)}</h2>
  <p class="card-meta"><span class="tag">${a.type.name}</span> · <time datetime="${d.date}">${a.dateText}${a.time ? `, ${a.time}` : ""}</time></p>
  ${d.summary ? html`<p>${d.summary}</p>` : ""}
  <dl class="facts">
    ${row(t("unit"), a.unit.name)}
    ${row(t("ward"), a.ward?.name)}
    ${row(t("channel"), a.channel?.name)}
    ${row(t("occasion"), a.occasion?.name)}
    ${row(t("place"), d.place)}
    ${row(t("participants"), d.participants)}
    ${row(t("durationMinutes"), d.durationMinutes)}
  </dl>
  ${a.exemplars.length ? html`<p>${t("exemplars")}: ${a.exemplars.map((e, i) => html`${i ? ", " : ""}<a href="${gs.url(e.path)}">${e.title}</a>`)}</p>` : ""}
</article>`;
}

export function activityLine(gs: SiteGlobals, a: ActivityView): SafeHtml {
  return html`<li><time datetime="${a.entry.data.date}">${a.dateText}${a.time ? `, ${a.time}` : ""}</time>: <a href="${gs.url(a.path)}">${a.title}</a>${draftBadge(a.draft)} <span class="muted">(${a.type.name} · ${a.unit.name})</span></li>`;
}
