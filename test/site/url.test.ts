// The path prefix comes from site.yaml's baseUrl; --path-prefix overrides it.
import { describe, expect, it } from "vitest";
import { makeUrl, pathPrefixFor } from "../../src/paths/url.ts";

describe("pathPrefixFor", () => {
  it("takes the path of baseUrl: a GitHub project site lives under /<repo>/", () => {
    expect(pathPrefixFor("https://example.github.io/guong-sang/")).toBe("/guong-sang/");
    expect(pathPrefixFor("https://caugiay.example.vn/")).toBe("/");
    expect(pathPrefixFor("https://example.vn/a/b/")).toBe("/a/b/");
  });

  it("lets --path-prefix override it, normalised", () => {
    expect(pathPrefixFor("https://example.github.io/guong-sang/", "/")).toBe("/");
    expect(pathPrefixFor("https://example.vn/", "thu")).toBe("/thu/");
  });

  it("feeds makeUrl: every site path gets the prefix, external URLs and anchors do not", () => {
    const url = makeUrl(pathPrefixFor("https://example.github.io/guong-sang/"));
    expect(url("/dien-hinh/")).toBe("/guong-sang/dien-hinh/");
    expect(url("https://example.vn/")).toBe("https://example.vn/");
    expect(url("#noi-dung")).toBe("#noi-dung");
  });
});
