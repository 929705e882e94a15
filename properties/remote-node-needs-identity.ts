import { neverAdmitted } from "../src/engine/property-builders.ts";

export const remoteNodeNeedsIdentity = neverAdmitted({
  id: "remote-node-needs-identity",
  statement: "A node-role connect from a remote address without a device identity is rejected.",
  why: "nodes execute commands (system.run); a device-less node's id is self-declared, so a remote one could impersonate a paired node",
  cells: (c) => c.role === "node" && c.locality === "remote" && c.device === "none",
  message: () => "remote device-less node admitted",
});
