import { trulyLocal } from "../src/topology/ground-truth.ts";
import { pairingConnect, perConnectionAndPairing } from "../src/topology/pairing-truth.ts";
import type { TopologyProperty } from "../src/topology/property.ts";

export const remoteOriginNeverSilentlyPaired: TopologyProperty = {
  id: "remote-origin-never-silently-paired",
  statement:
    "A client on another host never has a new device paired, or a paired device's scope or role upgrade approved, silently, nor its pairing skipped as the gateway's own backend, under any deployment topology — decided by the release's own resolvePairingLocality, shouldAllowSilentLocalPairing and backend self-pairing skip on the request the topology delivers.",
  why: "silent pairing trusts 'local' to mean the gateway host; a socket, Host or Origin the client or a hop controls must not earn an approval nobody gave",
  kind: "topology",
  evaluate: (ctx) =>
    perConnectionAndPairing(
      ctx,
      (connection) => !trulyLocal(connection),
      pairingConnect,
      (connection, truth, reason) => {
        const by = ` [${truth.by.join(" > ")}]`;
        if (truth.backendSkip) return `a remote client (${connection.origin}) through ${connection.topology} skips pairing as the local backend (pairing locality ${truth.locality})${by}`;
        if (truth.silent) return `a remote client (${connection.origin}) through ${connection.topology} is classed ${truth.locality} and its ${reason === "not-paired" ? "new device is paired" : `paired device's ${reason} is approved`} silently${by}`;
        return undefined;
      },
    ),
};
