import { withField } from "../src/domain/cell-facts.ts";
import { admitted, violation, type Property } from "../src/engine/property.ts";

export const localityMonotone: Property = {
  id: "locality-monotone",
  statement: "Whatever a remote connect is admitted with, the same connect from a local address is admitted too.",
  why: "remote must never be more trusted than local; the reverse is a sign that locality checks are inverted",
  kind: "pair",
  cells: (c) => c.locality === "remote",
  check: (c, ctx) => {
    const local = withField(c, "locality", "local");
    if (!local || !admitted(ctx.verdict(c))) return undefined;
    const v = ctx.verdict(local);
    return admitted(v) ? undefined : violation("admitted from remote but rejected from local", { label: "from local", cell: local, verdict: v });
  },
};
