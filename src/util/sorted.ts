// A sort that remembers its last answer: the dev server derives the portal again after every edit, and sorting ten
// thousand exemplars anew each time cost more than the edit itself. When few items differ from the last call's,
// those that left are dropped and the new ones placed by binary search.

/** The last result of one call site of `sortedWith`. */
export class SortMemo<T extends object> {
  last: { sorted: T[]; members: Set<T> } | undefined;
}

/** How many changed items are still placed one by one rather than sorting the whole list again. */
const FEW = 64;

/**
 * `[...items].sort(compare)`, reusing `memo`'s last result when few items changed. `compare` must be a total order
 * (0 only for the same item) that depends on nothing but the items, so that the result is the same either way.
 */
export function sortedWith<T extends object>(memo: SortMemo<T>, items: readonly T[], compare: (a: T, b: T) => number): T[] {
  const last = memo.last;
  if (last) {
    const members = new Set(items);
    let added: T[] | undefined = [];
    for (const item of items) {
      if (last.members.has(item)) continue;
      added.push(item);
      if (added.length > FEW) {
        added = undefined;
        break;
      }
    }
    if (added && members.size === items.length && last.sorted.length - (items.length - added.length) <= FEW) {
      // The remembered array is never handed out (callers get copies), so an unchanged list can keep it as it is.
      const sorted = added.length === 0 && members.size === last.sorted.length ? last.sorted : last.sorted.filter((item) => members.has(item));
      for (const item of added) {
        let lo = 0;
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (compare(sorted[mid] as T, item) < 0) lo = mid + 1;
          else hi = mid;
        }
        sorted.splice(lo, 0, item);
      }
      memo.last = { sorted, members };
      return sorted.slice();
    }
  }
  const sorted = [...items].sort(compare);
  memo.last = { sorted, members: new Set(items) };
  return sorted.slice();
}
