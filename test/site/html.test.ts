import { describe, expect, it } from "vitest";
import { html, trusted } from "../../src/render/html.ts";

describe("html", () => {
  it("escapes interpolated text, including quotes in attributes", () => {
    const name = `<script>alert("x")</script> & 'y'`;
    expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
      `<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>`,
    );
  });
  it("passes nested html and arrays through, and drops null, undefined and false", () => {
    const items = ["a<b", "c"].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}${trusted("<hr>")}</ul>`.toString()).toBe(
      "<ul><li>a&lt;b</li><li>c</li><hr></ul>",
    );
  });
});
