import fc from "fast-check";
import { cellArbitrary, cellArbitraryMatching } from "../domain/arbitraries.ts";
import { patternKey, type CellPattern } from "../domain/cell-key.ts";
import type { Cell } from "../domain/cell.ts";
import { compareVersions } from "../domain/versions.ts";
import { existsAt } from "../domain/validity.ts";
import { exceptionsFor, exemption, type ExceptionRule } from "./exceptions.ts";
import { counterexample } from "./counterexample.ts";
import type { Property, PropertyContext } from "./property.ts";
import type { Counterexample } from "./results.ts";
import { UnrealisedCellError } from "../domain/errors.ts";

/**
 * The seed when none is given. Fixed, so the same inputs give the same report bytes; a reviewer
 * who wants other draws passes `--seed`, and every report names the seed it used.
 */
export const DEFAULT_SEED = 1;

export interface RandomFailure {
  property: string;
  counterexample: Counterexample;
}

/**
 * A seeded fast-check pass over the same properties. The abstract domain is already covered
 * exhaustively; this pass is where drawn, non-finite inputs plug in, and it gives every run a
 * seed and path that replay a failure exactly (`--seed`).
 */
export function randomPass(
  properties: readonly Property[], ctx: PropertyContext, ref: string, seed: number, runs: number, accepted: readonly ExceptionRule[],
  /** the run's `--cell` filter: drawn cells stay inside it, and the replay command carries it. */
  cells?: CellPattern,
) {
  const arbitrary = cells ? cellArbitraryMatching(cells) : cellArbitrary;
  const filterFlag = cells ? ` --cell ${patternKey(cells)}` : "";
  const failures: RandomFailure[] = [];
  // every property's fc.check draws the very same cells (same arbitrary, same seed; a draw never depends
  // on earlier answers until one fails), so they are drawn once and each property is first tried on them;
  // only a property that fails (or throws) on one goes through fc.check, for its exact counterexample and path
  const drawn = fc.sample(fc.property(arbitrary, (_cell: Cell) => true), { seed, numRuns: runs }).map(([cell]) => cell);
  for (const p of properties) {
    if (p.since && compareVersions(ctx.impl.version, p.since) < 0) continue;
    if (p.kind === "relational" && !ctx.baseVerdict) continue;
    const exceptions = exceptionsFor(accepted, p.id, ctx.impl.version);
    const holds = (cell: Cell) => {
      if (!existsAt(cell, ctx.impl.version) || !p.cells(cell)) return true;
      try {
        return !p.check(cell, ctx) || exemption(exceptions, cell) !== undefined;
      } catch (error) {
        // an unrealised cell is reported by the exhaustive pass as unchecked; it proves nothing here
        if (error instanceof UnrealisedCellError) return true;
        throw error;
      }
    };
    if (drawn.every((cell) => holdsWithoutThrowing(holds, cell))) continue;
    const details = fc.check(fc.property(arbitrary, holds), { seed, numRuns: runs });
    if (details.failed && details.counterexample) {
      const [cell] = details.counterexample;
      const found = p.check(cell, ctx)!;
      const example = counterexample(ctx, p.id, cell, found);
      example.seed = seed;
      example.path = details.counterexamplePath ?? undefined;
      example.replay = `npx clawproof check ${ref} --property ${p.id}${filterFlag} --seed ${seed}`;
      failures.push({ property: p.id, counterexample: example });
    }
  }
  return { runs, failures };
}

/** A throw counts as not holding here: fc.check then runs the property and reports the throw as it always has. */
function holdsWithoutThrowing(holds: (cell: Cell) => boolean, cell: Cell): boolean {
  try {
    return holds(cell);
  } catch {
    return false;
  }
}
