import { perConnectionAndConnect, trulyLocal } from "../src/topology/ground-truth.ts";
import type { TopologyProperty } from "../src/topology/property.ts";

export const remoteOriginNodeNeedsIdentity: TopologyProperty = {
  id: "remote-origin-node-needs-identity",
  statement: "A client on another host, connecting without a device identity, is never admitted as a node — under any deployment topology.",
  why: "what the gateway calls local is a guess from headers and sockets; a same-host relay or a lying proxy turns a remote caller into a local one",
  kind: "topology",
  evaluate: (ctx) =>
    perConnectionAndConnect(
      ctx,
      (connection) => !trulyLocal(connection),
      (cell) => cell.role === "node" && cell.device === "none",
      (connection) => `a remote client (${connection.origin}) through ${connection.topology} is admitted as a device-less node`,
    ),
};
