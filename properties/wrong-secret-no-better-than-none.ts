import { withField } from "../src/domain/cell-facts.ts";
import { admitted, violation, type Property } from "../src/engine/property.ts";

export const wrongSecretNoBetterThanNone: Property = {
  id: "wrong-secret-no-better-than-none",
  statement: "Sending a wrong secret never admits a connect that sending no secret would reject.",
  why: "guessing must not pay: a failed credential may only ever lower what a client gets",
  kind: "pair",
  cells: (c) => c.credential === "secret-wrong",
  check: (c, ctx) => {
    const none = withField(c, "credential", "none");
    if (!none || !admitted(ctx.verdict(c))) return undefined;
    const v = ctx.verdict(none);
    return admitted(v) ? undefined : violation("admitted with a wrong secret, rejected with none", { label: "with no secret", cell: none, verdict: v });
  },
};
