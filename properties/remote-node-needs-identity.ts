import { admitted, violation, type Property } from "../src/engine/property.ts";

export const remoteNodeNeedsIdentity: Property = {
  id: "remote-node-needs-identity",
  statement: "A node-role connect from a remote address without a device identity is rejected.",
  why: "nodes execute commands (system.run); a device-less node's id is self-declared, so a remote one could impersonate a paired node",
  kind: "cell",
  cells: (c) => c.role === "node" && c.locality === "remote" && c.device === "none",
  check: (c, ctx) => (admitted(ctx.verdict(c)) ? violation("remote device-less node admitted") : undefined),
};
