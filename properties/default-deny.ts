import { violation, type Property } from "../src/engine/property.ts";

export const defaultDeny: Property = {
  id: "default-deny",
  statement: "Every admit is justified by a named allow rule (a gate allow, or a pairing that is paired, skipped or silent).",
  why: "Cedar's default-deny: nothing gets in by falling off the end of a rule list",
  kind: "cell",
  cells: () => true,
  check: (c, ctx) => {
    const v = ctx.verdict(c);
    if (v.outcome !== "admit") return undefined;
    const allowRules = ctx.impl.coverage.rules.filter((r) => r.admits).map((r) => r.id);
    return v.rules.some((id) => allowRules.includes(id)) ? undefined : violation(`admitted, but no allow rule decided (trail: ${v.rules.join(" > ")})`);
  },
};
