import { TOPOLOGIES, TOPOLOGY_IDS, type TopologyId } from "../locality/topology.ts";
import { LOCALITY_ORIGINS, type LocalityCell } from "../locality/locality-domain.ts";
import type { Cell } from "../domain/cell.ts";
import type { TopologyContext, TopologyFinding, TopologyViolation } from "./context.ts";

/** Is the client really a process on the gateway host? The ground truth the gateway has to guess. */
export const trulyLocal = (cell: LocalityCell) => TOPOLOGIES[cell.topology].trueLocality(LOCALITY_ORIGINS[cell.origin]);

/** Topologies whose proxy announces itself with forwarding headers (a blind TCP relay does not). */
export const PROXYING_TOPOLOGIES: readonly TopologyId[] = ["same-host-proxy", "passthrough-proxy", "tailscale-serve", "lan-proxy"];

const byTopology = (cells: readonly LocalityCell[]) =>
  TOPOLOGY_IDS.map((topology) => ({ topology, cells: cells.filter((c) => c.topology === topology) }));

/** proxy_attribution_required: from 8.1 authorizeGatewayConnect fails unattributable proxy traffic first (measured). */
export const refusedByAuth = (observation: { ingressKind?: string }) => observation.ingressKind === "unattributable-proxy";

/** A property of the locality layer alone: each connection either is fine or is a violation. */
export function perConnection(
  ctx: TopologyContext,
  applies: (cell: LocalityCell) => boolean,
  violates: (cell: LocalityCell) => string | undefined,
): TopologyFinding[] {
  return byTopology(ctx.localityCells.filter(applies)).map(({ topology, cells }) => {
    const violations: TopologyViolation[] = [];
    for (const cell of cells) {
      const message = violates(cell);
      if (message) violations.push({ locality: cell, observation: ctx.observe(cell), message, weight: 1 });
    }
    return { topology, cells: cells.length, violations };
  });
}

/**
 * A property of connection × connect. The connect policy only sees the connection through the
 * locality it was given, so each connection is checked against the connects of its observed
 * locality once, and a violation names the first such connect.
 */
export function perConnectionAndConnect(
  ctx: TopologyContext,
  connection: (cell: LocalityCell) => boolean,
  connect: (cell: Cell) => boolean,
  admittedIsViolation: (locality: LocalityCell, cell: Cell) => string,
): TopologyFinding[] {
  const admittedFor = new Map<string, Cell[]>();
  const candidatesFor = new Map<string, number>();
  for (const locality of ["local", "remote"] as const) {
    const candidates = ctx.policyCells.filter((c) => connect(c) && c.locality === locality);
    candidatesFor.set(locality, candidates.length);
    admittedFor.set(locality, candidates.filter((c) => ctx.verdict(c).outcome === "admit"));
  }
  return byTopology(ctx.localityCells.filter(connection)).map(({ topology, cells }) => {
    const violations: TopologyViolation[] = [];
    let checked = 0;
    for (const cell of cells) {
      const observation = ctx.observe(cell);
      const locality = observation.isLocalClient ? "local" : "remote";
      // the auth layer (8.1+) refuses traffic it cannot attribute before looking at any credential
      const admitted = refusedByAuth(observation) ? [] : admittedFor.get(locality)!;
      checked += candidatesFor.get(locality)!;
      if (admitted.length) violations.push({ locality: cell, observation, cell: admitted[0]!, message: admittedIsViolation(cell, admitted[0]!), weight: admitted.length });
    }
    return { topology, cells: checked, violations };
  });
}
