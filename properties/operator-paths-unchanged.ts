import { sameDecision } from "../src/domain/verdict.ts";
import { violation, type Property } from "../src/engine/property.ts";

export const operatorPathsUnchanged: Property = {
  id: "operator-paths-unchanged",
  statement: "A candidate decides every operator-role connect exactly as its base does.",
  why: "a change sold as node-only must leave operators alone; any operator difference is scope creep to review",
  kind: "relational",
  cells: (c) => c.role === "operator",
  check: (c, ctx) => {
    const head = ctx.verdict(c);
    const base = ctx.baseVerdict!(c);
    return sameDecision(head, base) ? undefined : violation("operator decision differs from the base", { label: "base", cell: c, verdict: base });
  },
};
