// The cross-file rules: one module per rule, listed here once. Add a rule by adding a file and one line.
import type { Rule } from "./context.ts";

export const rules: Rule[] = [];

export type { Rule, RuleContext } from "./context.ts";
