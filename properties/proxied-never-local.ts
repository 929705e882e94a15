import { PROXYING_TOPOLOGIES, perConnection } from "../src/topology/ground-truth.ts";
import type { TopologyProperty } from "../src/topology/property.ts";

export const proxiedNeverLocal: TopologyProperty = {
  id: "proxied-never-local",
  statement: "A connection that came through a proxy (one that adds forwarding headers) is never classed local.",
  why: "behind a proxy the gateway only has the proxy's word for who the client is; local trust must not rest on a header",
  kind: "topology",
  evaluate: (ctx) =>
    perConnection(
      ctx,
      (connection) => PROXYING_TOPOLOGIES.includes(connection.topology),
      (connection) => (ctx.observe(connection).isLocalClient ? `a connection through ${connection.topology} is classed local` : undefined),
    ),
};
