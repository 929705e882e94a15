import type { Cell } from "../domain/cell.ts";
import { indexOf } from "../domain/enumerate.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { Implementation } from "../impl/implementation.ts";
import { UnrealisedCellError } from "../domain/errors.ts";
import { cellKey } from "../domain/cell-key.ts";

/**
 * Verdicts already decided, per implementation. An implementation is complete once resolved and
 * never changes (its decide is a pure function of the cell), so a cell is decided once for as long
 * as the implementation lives, however many checks, properties or bisect rows ask about it; the
 * table goes when the implementation does.
 */
const decided = new WeakMap<Implementation, Map<number, Verdict>>();

/**
 * Each cell is decided once per implementation; properties that look at neighbours then cost a
 * lookup. A cell the implementation cannot realise throws UnrealisedCellError every time it is
 * asked, so whatever asked is unchecked.
 */
export function memoizedVerdicts(impl: Implementation): (cell: Cell) => Verdict {
  let memo = decided.get(impl);
  if (!memo) decided.set(impl, (memo = new Map()));
  return (cell) => {
    const index = indexOf(cell);
    let verdict = memo.get(index);
    if (!verdict) {
      const unrealised = impl.unrealised?.(cell);
      if (unrealised !== undefined) throw new UnrealisedCellError(cellKey(cell), unrealised);
      verdict = impl.decide(cell);
      memo.set(index, verdict);
    }
    return verdict;
  };
}
