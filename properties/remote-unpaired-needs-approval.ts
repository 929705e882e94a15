import { admitted, violation, type Property } from "../src/engine/property.ts";

export const remoteUnpairedNeedsApproval: Property = {
  id: "remote-unpaired-needs-approval",
  statement: "An unpaired device connecting from a remote address waits for an operator's approval.",
  why: "pairing is the moment a human vouches for a device; skipping it remotely trusts whoever holds the network path",
  kind: "cell",
  cells: (c) => c.device === "unpaired" && c.locality === "remote",
  check: (c, ctx) => {
    const v = ctx.verdict(c);
    return admitted(v) ? violation(`remote unpaired device admitted (pairing ${v.pairing})`) : undefined;
  },
};
