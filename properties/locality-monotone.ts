import { withField } from "../src/domain/cell-facts.ts";
import { neverWorseWith } from "../src/engine/property-builders.ts";

export const localityMonotone = neverWorseWith({
  id: "locality-monotone",
  statement: "Whatever a remote connect is admitted with, the same connect from a local address is admitted too.",
  why: "remote must never be more trusted than local; the reverse is a sign that locality checks are inverted",
  cells: (c) => c.locality === "remote",
  stronger: (c) => withField(c, "locality", "local"),
  label: "from local",
  message: () => "admitted from remote but rejected from local",
});
