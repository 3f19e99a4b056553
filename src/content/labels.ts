// Labels people read, taken from the schemas (the single source of truth), never retyped in code: field titles, type
// names, enum labels. The one labels module for every room (site, bulletin, reports, loudspeaker, the slot rule). It
// reads the schema JSON through imports rather than src/content/schemas.ts (fs + Ajv) so the web editor's preview
// can bundle it for the browser.
import exemplarSchema from "../../schemas/exemplar.schema.json" with { type: "json" };
import planSchema from "../../schemas/plan.schema.json" with { type: "json" };
import activitySchema from "../../schemas/activity.schema.json" with { type: "json" };
import bulletinSchema from "../../schemas/bulletin.schema.json" with { type: "json" };
import commonSchema from "../../schemas/common.schema.json" with { type: "json" };

interface Node {
  $ref?: string;
  title?: string;
  "x-labels"?: Record<string, string>;
  /** A shorter title for the site's filter by this field (`date` → "Năm": the filter is by year). */
  "x-facet-title"?: string;
  properties?: Record<string, Node>;
}

/** Follows `common.schema.json#/$defs/<name>` references (the only kind our schemas use across files). */
function resolveRef(node: Node | undefined): Node | undefined {
  const m = node?.$ref ? /^common\.schema\.json#\/\$defs\/(\w+)$/.exec(node.$ref) : null;
  if (!m) return node;
  const defs = (commonSchema as { $defs?: Record<string, Node> }).$defs ?? {};
  return { ...defs[m[1] as string], ...node, $ref: undefined, title: node?.title ?? defs[m[1] as string]?.title };
}

function prop(schema: Node, path: string): Node {
  let node: Node | undefined = schema;
  for (const key of path.split(".")) node = resolveRef(node?.properties?.[key]);
  if (!node) throw new Error(`No schema property ${path}`);
  return node;
}

const ROOTS = { exemplar: exemplarSchema, plan: planSchema, activity: activitySchema, bulletin: bulletinSchema } as const;

/** A content type's Vietnamese name, the title of its schema ("Điển hình", "Hoạt động"…). */
export function typeTitle(kind: keyof typeof ROOTS): string {
  return (ROOTS[kind] as Node).title ?? kind;
}

/** The Vietnamese title of a field of a content type (`subject.name`). */
export function fieldTitle(kind: keyof typeof ROOTS, path: string): string {
  return prop(ROOTS[kind] as Node, path).title ?? path;
}

/** The Vietnamese title of an exemplar field ("unit" → "Đơn vị đề xuất"). */
export function exemplarFieldTitle(path: string): string {
  return fieldTitle("exemplar", path);
}

/** The title of the site's filter by an exemplar field: its `x-facet-title` when the schema gives one, else its title. */
export function exemplarFacetTitle(path: string): string {
  const node = prop(exemplarSchema as Node, path);
  return node["x-facet-title"] ?? node.title ?? path;
}

export function activityFieldTitle(path: string): string {
  return fieldTitle("activity", path);
}

/** The exemplar kinds in schema order with their labels ("individual" → "Cá nhân"). */
export const EXEMPLAR_KINDS: { id: string; name: string }[] = Object.entries(
  prop(exemplarSchema as Node, "kind")["x-labels"] ?? {},
).map(([id, name]) => ({ id, name }));

export function kindLabel(kind: string): string {
  return EXEMPLAR_KINDS.find((k) => k.id === kind)?.name ?? kind;
}
