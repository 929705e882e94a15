import { SPOOF_OPTIONS } from "../src/locality/locality-domain.ts";
import { perConnection } from "../src/topology/ground-truth.ts";
import type { TopologyProperty } from "../src/topology/property.ts";

export const spoofedHeadersNeverRaiseLocality: TopologyProperty = {
  id: "spoofed-headers-never-raise-locality",
  statement: "Headers a client writes itself (X-Forwarded-For, X-Real-IP, Tailscale identity, ...) never turn a connection the gateway would class remote into a local one.",
  why: "anything the client controls is attacker input; it may lower trust, never raise it",
  kind: "topology",
  evaluate: (ctx) =>
    perConnection(
      ctx,
      (connection) => connection.spoof !== "none",
      (connection) => {
        if (!ctx.observe(connection).isLocalClient) return undefined;
        const honest = { ...connection, spoof: "none" as const };
        return ctx.observe(honest).isLocalClient ? undefined : `sending ${JSON.stringify(SPOOF_OPTIONS[connection.spoof])} makes a remote-classed connection local`;
      },
    ),
};
