import type { Cell } from "../domain/cell.ts";
import { PRODUCT_SIZE, indexOf } from "../domain/enumerate.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { Implementation } from "../impl/implementation.ts";
import { UnrealisedCellError } from "../domain/errors.ts";
import { cellKey } from "../domain/cell-key.ts";

/**
 * Each cell is decided once per run; properties that look at neighbours then cost a lookup. A cell
 * the implementation cannot realise throws UnrealisedCellError, so whatever asked is unchecked.
 */
export function memoizedVerdicts(impl: Implementation): (cell: Cell) => Verdict {
  const memo: (Verdict | undefined)[] = new Array(PRODUCT_SIZE);
  return (cell) => {
    const index = indexOf(cell);
    let verdict = memo[index];
    if (!verdict) {
      const unrealised = impl.unrealised?.(cell);
      if (unrealised !== undefined) throw new UnrealisedCellError(cellKey(cell), unrealised);
      verdict = impl.decide(cell);
      memo[index] = verdict;
    }
    return verdict;
  };
}
