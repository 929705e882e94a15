import { cellKey } from "../domain/cell-key.ts";
import type { Cell } from "../domain/cell.ts";
import type { PropertyContext, Violation } from "./property.ts";
import type { Counterexample } from "./results.ts";

/** The one line that re-runs exactly this check on exactly this cell. */
export const replayCommand = (ref: string, property: string, cell: Cell) =>
  `npx clawproof check ${ref} --property ${property} --cell ${cellKey(cell)}`;

export function counterexample(ctx: PropertyContext, property: string, cell: Cell, found: Violation): Counterexample {
  return {
    cell,
    key: cellKey(cell),
    verdict: ctx.verdict(cell),
    message: found.message,
    witnesses: found.witnesses.map((w) => ({ ...w, key: cellKey(w.cell) })),
    replay: replayCommand(ctx.impl.ref, property, cell),
  };
}
