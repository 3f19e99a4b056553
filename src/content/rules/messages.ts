// Wording shared by the cross-file rules: unknown ids with "did you mean" and the list of what is allowed.
import { nearest } from "../messages.ts";

/** Lists longer than this are not spelled out in a message. */
const MAX_LISTED = 25;

/** `Trường "Đơn vị đề xuất" (unit): "x" không có trong site.yaml (mục units). Có phải "y"? Các mã được phép: a, b.` */
export function unknownIdMessage(field: string, value: string, known: readonly string[], where: string): string {
  const near = nearest(value, known);
  const hint = near ? ` Có phải "${near}"?` : "";
  const list = known.length === 0 ? " Danh mục này đang trống." : known.length <= MAX_LISTED ? ` Các mã được phép: ${known.join(", ")}.` : "";
  return `${field}: "${value}" không có trong ${where}.${hint}${list}`;
}
