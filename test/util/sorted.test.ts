// sortedWith: after any change to the list, the remembered order gives exactly what a full sort gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SortMemo, sortedWith } from "../../src/util/sorted.ts";

interface Item {
  id: number;
  key: number;
}

const byKey = (a: Item, b: Item): number => a.key - b.key || a.id - b.id; // total: ids are unique

describe("sortedWith", () => {
  it("equals a full sort after every sequence of small and large edits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 0, maxLength: 300 }),
        fc.array(fc.tuple(fc.nat(400), fc.nat(100), fc.integer({ min: 0, max: 20 })), { maxLength: 12 }),
        (keys, edits) => {
          let nextId = 0;
          let items: Item[] = keys.map((key) => ({ id: nextId++, key }));
          const memo = new SortMemo<Item>();
          expect(sortedWith(memo, items, byKey)).toEqual([...items].sort(byKey));
          for (const [at, count, key] of edits) {
            // Replace `count` items from `at` by new objects (a changed entry is a new object), or add one.
            items = items.slice();
            if (items.length === 0 || count % 5 === 0) items.splice(at % (items.length + 1), 0, { id: nextId++, key });
            else for (let i = 0; i < count % 90; i++) items.splice((at + i) % items.length, 1, { id: nextId++, key: (key + i) % 21 });
            if (count % 7 === 0) items.pop();
            const got = sortedWith(memo, items, byKey);
            expect(got).toEqual([...items].sort(byKey));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("does not let a caller's change to the result reach the memo", () => {
    const items = [3, 1, 2].map((key, id) => ({ id, key }));
    const memo = new SortMemo<Item>();
    const first = sortedWith(memo, items, byKey);
    first.reverse();
    expect(sortedWith(memo, items, byKey).map((i) => i.key)).toEqual([1, 2, 3]);
  });

  it("sorts afresh when an item appears twice", () => {
    const a = { id: 0, key: 2 };
    const b = { id: 1, key: 1 };
    const memo = new SortMemo<Item>();
    sortedWith(memo, [a, b], byKey);
    expect(sortedWith(memo, [a, b, a], byKey)).toEqual([b, a, a]);
  });
});
