import { withField } from "../src/domain/cell-facts.ts";
import { admitted, violation, type Property } from "../src/engine/property.ts";

export const deviceIdentityMonotone: Property = {
  id: "device-identity-monotone",
  statement: "Presenting a paired device never turns an admit into a reject (none → paired, unpaired → paired).",
  why: "a policy that rewards hiding the device invites clients to drop it, which is exactly the identity we want",
  kind: "pair",
  cells: (c) => c.device !== "paired",
  check: (c, ctx) => {
    const stronger = withField(c, "device", "paired");
    if (!stronger || !admitted(ctx.verdict(c))) return undefined;
    const v = ctx.verdict(stronger);
    return admitted(v) ? undefined : violation(`admitted with device ${c.device} but rejected with a paired device`, { label: "with paired device", cell: stronger, verdict: v });
  },
};
