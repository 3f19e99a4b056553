// The GitHub issue form for proposing an exemplar without Git, generated from the exemplar schema and site.yaml.
import { stringify } from "yaml";
import { fieldsOf, leafFields, typeTitle, type FieldSpec } from "../render/fields.ts";
import type { Catalogues } from "../render/catalogues.ts";

export const ISSUE_FORM_PATH = ".github/ISSUE_TEMPLATE/de-xuat-dien-hinh.yml";

/** Fields a proposer does not fill in: the reviewer decides whether it is a draft. */
const SKIP = new Set(["draft"]);

type FormItem = Record<string, unknown>;

function requirement(field: FieldSpec, all: readonly FieldSpec[]): string {
  if (field.required) return "";
  if (field.requiredWhen) {
    const when = all.find((f) => f.path === field.requiredWhen?.path);
    const label = when?.enum?.find((e) => e.value === field.requiredWhen?.value)?.label ?? field.requiredWhen.value;
    return ` Bắt buộc khi "${when?.title ?? field.requiredWhen.path}" là ${label}.`;
  }
  return field.requiredInObject && field.path.includes(".") ? " Bắt buộc nếu có mục này." : " Không bắt buộc.";
}

function item(field: FieldSpec, all: readonly FieldSpec[], catalogues: Catalogues): FormItem {
  const id = field.path.replace(/\./g, "-");
  const description = `${field.description}${requirement(field, all)}`.trim();
  const validations = { required: field.required };
  const choices = field.enum ?? (field.catalogue ? (catalogues[field.catalogue] ?? []).map((c) => ({ value: c.id, label: c.name })) : undefined);
  if (choices && choices.length > 0) {
    return {
      type: "dropdown",
      id,
      attributes: {
        label: field.title,
        description,
        multiple: field.kind === "string-list",
        options: choices.map((c) => `${c.label} (${c.value})`),
      },
      validations,
    };
  }
  if (field.kind === "boolean") {
    return { type: "checkboxes", id, attributes: { label: field.title, description, options: [{ label: `${field.title}: có`, required: false }] } };
  }
  const long = field.kind === "string-list" || field.path === "summary" || field.path === "method" || field.path === "loudspeaker";
  const placeholder = field.format === "date" ? "YYYY-MM-DD" : field.kind === "string-list" ? "Mỗi dòng một mục" : undefined;
  return {
    type: long ? "textarea" : "input",
    id,
    attributes: { label: field.title, description, ...(placeholder ? { placeholder } : {}) },
    validations,
  };
}

/** The form as YAML text, with a header saying it is generated. */
export function renderIssueForm(catalogues: Catalogues): string {
  const fields = leafFields(fieldsOf("exemplar")).filter((f) => !SKIP.has(f.path));
  const all = fieldsOf("exemplar").flatMap((f) => [f, ...(f.children ?? [])]);
  const form = {
    name: `Đề xuất ${typeTitle("exemplar").toLowerCase()} (không cần Git)`,
    description: "Gửi đề xuất một điển hình tiêu biểu; người thẩm định sẽ tạo tệp nội dung và pull request từ đề xuất này.",
    title: "[Đề xuất điển hình] ",
    labels: ["de-xuat-dien-hinh"],
    body: [
      {
        type: "markdown",
        attributes: {
          value:
            "Điền các mục dưới đây như trong tệp điển hình (xem CONTRIBUTING.md). Đề xuất này **công khai**: chỉ ghi những thông tin người được giới thiệu đã đồng ý công bố; không ghi số điện thoại, địa chỉ nhà riêng.",
        },
      },
      ...fields.map((f) => item(f, all, catalogues)),
      {
        type: "textarea",
        id: "body",
        attributes: { label: "Bài viết", description: "Nội dung bài giới thiệu điển hình. Có thể kéo thả ảnh vào đây; ghi rõ nguồn ảnh." },
        validations: { required: true },
      },
      {
        type: "checkboxes",
        id: "xac-nhan",
        attributes: {
          label: "Xác nhận",
          options: [
            { label: "Thông tin đã được đơn vị đề xuất kiểm tra, đúng sự thật.", required: true },
            { label: "Ảnh gửi kèm (nếu có) thuộc quyền sử dụng của đơn vị hoặc đã được tác giả cho phép.", required: true },
          ],
        },
      },
    ],
  };
  const header = "# Generated from schemas/exemplar.schema.json and content/site.yaml by `npx tsx scripts/gen-issue-form.ts`; do not edit by hand.\n";
  return header + stringify(form, { lineWidth: 0 });
}
