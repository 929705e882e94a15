import type { TopologyContext, TopologyFinding } from "./context.ts";

/**
 * A property stated over the client's TRUE origin: each concrete connection of each deployment
 * topology, what the gateway observed, and (where it matters) the connect policy's verdict.
 */
export interface TopologyProperty {
  id: string;
  statement: string;
  why: string;
  kind: "topology";
  since?: string;
  evaluate(ctx: TopologyContext): TopologyFinding[];
}
