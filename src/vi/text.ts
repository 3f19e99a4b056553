// Vietnamese text helpers: NFC, collation by given name, and ASCII slugs (đ → d).

/** The one collator for Vietnamese ordering. */
export const viCollator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

export function nfc(text: string): string {
  return text.normalize("NFC");
}

/** The given name: the last word of a Vietnamese full name ("Nguyễn Văn An" → "An"). */
export function givenName(fullName: string): string {
  const words = fullName.trim().split(/\s+/u);
  return words[words.length - 1] ?? "";
}

/** Compares two full names as Vietnamese lists are sorted: given name first, then the full name. */
export function compareByGivenName(a: string, b: string): number {
  return viCollator.compare(givenName(a), givenName(b)) || viCollator.compare(a, b);
}

/** Sorts items by a person's name, Vietnamese style; returns a new array. */
export function sortByGivenName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareByGivenName(nameOf(x), nameOf(y)));
}

/** Removes Vietnamese diacritics, mapping đ/Đ to d/D ("Đống Đa" → "Dong Da"). */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

/** URL slug: lower case ASCII words joined by hyphens ("Đoàn Thị Hà" → "doan-thi-ha"). */
export function slugify(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
