import { failsAuth, verifyingCredential, withField } from "../src/domain/cell-facts.ts";
import { admitted, violation, type Property } from "../src/engine/property.ts";

export const authMonotone: Property = {
  id: "auth-monotone",
  statement: "Replacing a failing credential by one that verifies never turns an admit into a reject.",
  why: "if a wrong secret gets in where the right one does not, the check is inverted somewhere",
  kind: "pair",
  cells: failsAuth,
  check: (c, ctx) => {
    const good = verifyingCredential(c);
    const stronger = good && withField(c, "credential", good);
    if (!stronger || !admitted(ctx.verdict(c))) return undefined;
    const v = ctx.verdict(stronger);
    return admitted(v) ? undefined : violation(`admitted with ${c.credential} but rejected with ${good}`, { label: `with ${good}`, cell: stronger, verdict: v });
  },
};
