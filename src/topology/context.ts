import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { Implementation } from "../impl/implementation.ts";
import type { LocalityCell } from "../locality/locality-domain.ts";
import type { TopologyId } from "../locality/topology.ts";
import type { LocalityObserver, Observation } from "./observer.ts";

/** What a ground-truth property sees: concrete connections, what the gateway made of them, and the policy. */
export interface TopologyContext {
  impl: Implementation;
  verdict(cell: Cell): Verdict;
  observe: LocalityObserver;
  localityCells: readonly LocalityCell[];
  policyCells: readonly Cell[];
}

/** One concrete connection that broke a ground-truth property, with the connect it carried if any. */
export interface TopologyViolation {
  locality: LocalityCell;
  observation: Observation;
  cell?: Cell;
  message: string;
  /** how many composed checks it stands for (a connection can break it for many connects). */
  weight: number;
}

export interface TopologyFinding {
  topology: TopologyId;
  /** composed checks made (connection × connect, or connections alone). */
  cells: number;
  violations: TopologyViolation[];
  /** composed checks that could not be made, per reason (e.g. the release has no such function): never holding. */
  unchecked?: { reason: string; cells: number }[];
}

export type { LocalityCell };
