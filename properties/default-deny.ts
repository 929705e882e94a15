import type { CoverageRule } from "../src/impl/implementation.ts";
import { violation, type Property } from "../src/engine/property.ts";

// an implementation's allow rules, collected once per rule list rather than once per admitted cell
// (collected again should the list ever grow)
const allowRuleSets = new WeakMap<readonly CoverageRule[], { length: number; ids: ReadonlySet<string> }>();
function allowRulesOf(rules: readonly CoverageRule[]): ReadonlySet<string> {
  let allow = allowRuleSets.get(rules);
  if (allow?.length !== rules.length) allowRuleSets.set(rules, (allow = { length: rules.length, ids: new Set(rules.filter((r) => r.admits).map((r) => r.id)) }));
  return allow.ids;
}

export const defaultDeny: Property = {
  id: "default-deny",
  statement: "Every admit is justified by a named allow rule (a gate allow, or a pairing that is paired, skipped or silent).",
  why: "Cedar's default-deny: nothing gets in by falling off the end of a rule list",
  kind: "cell",
  cells: () => true,
  check: (c, ctx) => {
    const v = ctx.verdict(c);
    if (v.outcome !== "admit") return undefined;
    const allowRules = allowRulesOf(ctx.impl.coverage.rules);
    return v.rules.some((id) => allowRules.has(id)) ? undefined : violation(`admitted, but no allow rule decided (trail: ${v.rules.join(" > ")})`);
  },
};
