import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { Implementation } from "../impl/implementation.ts";
import type { TopologyProperty } from "../topology/property.ts";

/** Another cell a property looked at to reach its answer (a neighbour, or the base's verdict). */
export interface Witness {
  label: string;
  cell: Cell;
  verdict: Verdict;
}

export interface Violation {
  message: string;
  witnesses: Witness[];
}

export interface PropertyContext {
  impl: Implementation;
  verdict(cell: Cell): Verdict;
  /** the base implementation's verdict; present only for relational checks. */
  baseVerdict?: (cell: Cell) => Verdict;
}

/**
 * A named security invariant. `cells` says which cells it speaks about; `check` returns a
 * violation or nothing. Properties never carry exemptions: those are accepted exceptions (data).
 */
export interface Property {
  id: string;
  statement: string;
  why: string;
  /** cell: one verdict; pair: a verdict against a neighbouring cell's; relational: head against base. */
  kind: "cell" | "pair" | "relational";
  /** first release the invariant is meant to hold in; older ones report not-applicable. */
  since?: string;
  cells(cell: Cell): boolean;
  check(cell: Cell, ctx: PropertyContext): Violation | undefined;
}

export function violation(message: string, ...witnesses: Witness[]): Violation {
  return { message, witnesses };
}

export const admitted = (v: Verdict) => v.outcome === "admit";

/** Every property clawproof runs: over connects (cells), or over concrete connections (topologies). */
export type AnyProperty = Property | TopologyProperty;
