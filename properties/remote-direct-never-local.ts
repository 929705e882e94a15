import { perConnection, trulyLocal } from "../src/topology/ground-truth.ts";
import type { TopologyProperty } from "../src/topology/property.ts";

export const remoteDirectNeverLocal: TopologyProperty = {
  id: "remote-direct-never-local",
  statement: "A client on another host that connects straight to the gateway (no relay, no proxy) is never classed local, whatever headers it sends.",
  why: "the socket of a direct connection is the one fact the client cannot forge; anything that overrides it is trusting the client",
  kind: "topology",
  evaluate: (ctx) =>
    perConnection(
      ctx,
      (connection) => connection.topology === "direct" && !trulyLocal(connection),
      (connection) => (ctx.observe(connection).isLocalClient ? `a direct connection from ${connection.origin} is classed local` : undefined),
    ),
};
