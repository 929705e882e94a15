import { failsAuth, verifyingCredential, withField } from "../src/domain/cell-facts.ts";
import { neverWorseWith } from "../src/engine/property-builders.ts";

export const authMonotone = neverWorseWith({
  id: "auth-monotone",
  statement: "Replacing a failing credential by one that verifies never turns an admit into a reject.",
  why: "if a wrong secret gets in where the right one does not, the check is inverted somewhere",
  cells: failsAuth,
  stronger: (c) => {
    const good = verifyingCredential(c);
    return good && withField(c, "credential", good);
  },
  label: "with the verifying credential",
  message: (c) => `admitted with ${c.credential} but rejected with ${verifyingCredential(c)}`,
});
