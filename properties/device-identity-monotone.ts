import { withField } from "../src/domain/cell-facts.ts";
import { neverWorseWith } from "../src/engine/property-builders.ts";

export const deviceIdentityMonotone = neverWorseWith({
  id: "device-identity-monotone",
  statement: "Presenting a paired device never turns an admit into a reject (none → paired, unpaired → paired).",
  why: "a policy that rewards hiding the device invites clients to drop it, which is exactly the identity we want",
  cells: (c) => c.device !== "paired",
  stronger: (c) => withField(c, "device", "paired"),
  label: "with paired device",
  message: (c) => `admitted with device ${c.device} but rejected with a paired device`,
});
