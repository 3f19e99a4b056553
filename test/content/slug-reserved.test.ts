// slug-reserved: a file name may not take a path segment the site uses for its own pages.
import { describe, expect, it } from "vitest";
import { facetPath, FILE_PATHS, listPagePath, RESERVED_SEGMENTS, SECTION_PATHS } from "../../src/paths/paths.ts";
import { isReservedSegment } from "../../src/content/rules/slug-reserved.ts";
import { cases, COLLECTIVE, PLAN, variant } from "./helpers.ts";

cases("slug-reserved", [
  {
    name: "an exemplar named like the kind filters' folder",
    bad: variant({ "exemplars/2019/loai.md": COLLECTIVE }),
    expected: [
      `exemplars/2019/loai.md:1:1: error: Tên tệp "loai" trùng với một phần đường dẫn trang web dùng cho các trang của chính nó (danh sách, bộ lọc, nguồn tin): trang của tệp này, /dien-hinh/loai/, sẽ lẫn với các trang đó. Hãy đổi tên tệp, ví dụ co-giao-guong-mau.md. (slug-reserved)`,
    ],
  },
  {
    name: "a plan named like a list's second page",
    bad: variant({ "plans/2018/trang-2.md": PLAN }),
    expected: [
      `plans/2018/trang-2.md:1:1: error: Tên tệp "trang-2" trùng với một phần đường dẫn trang web dùng cho các trang của chính nó (danh sách, bộ lọc, nguồn tin): trang của tệp này, /ke-hoach/trang-2/, sẽ lẫn với các trang đó. Hãy đổi tên tệp, ví dụ tuyen-truyen-dien-hinh.md. (slug-reserved)`,
    ],
  },
]);

describe("the reserved segments", () => {
  it("are the first segment under /dien-hinh/ of every filter page, every section and every file the site writes", () => {
    for (const dimension of ["kind", "unit", "ward", "field", "year"] as const) {
      const segment = facetPath(dimension, "x", "X").split("/")[2] as string;
      expect(RESERVED_SEGMENTS.has(segment), segment).toBe(true);
    }
    for (const p of [...Object.values(SECTION_PATHS), ...Object.values(FILE_PATHS)]) {
      const first = p.split("/")[1];
      if (first) expect(RESERVED_SEGMENTS.has(first), p).toBe(true);
    }
    expect(isReservedSegment(listPagePath(SECTION_PATHS.exemplars, 12).split("/")[2] as string)).toBe(true);
  });

  it("leave ordinary names free", () => {
    for (const slug of ["co-giao-mai", "loai-hinh", "trang", "trang-hai", "nam-2019"]) expect(isReservedSegment(slug), slug).toBe(false);
  });
});
