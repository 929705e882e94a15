import fc from "fast-check";
import { CELL_FIELDS, type Cell } from "./cell.ts";
import { isValidCell } from "./validity.ts";
import type { CellPattern } from "./cell-key.ts";

/**
 * fast-check arbitraries over the same domain the enumerator walks. Values shrink toward the
 * first (most benign) value of each field, so shrunk counterexamples read simply.
 */
export const cellArbitrary: fc.Arbitrary<Cell> = fc
  .record(Object.fromEntries(CELL_FIELDS.map(([name, values]) => [name, fc.constantFrom(...(values as readonly unknown[]))])) as {
    [K in keyof Cell]: fc.Arbitrary<Cell[K]>;
  })
  .filter(isValidCell);

/**
 * The same arbitrary limited to the cells a pattern selects (`check --cell`): the pattern's fields
 * are fixed, the others drawn, so a filtered run's random pass never strays outside its filter.
 */
export function cellArbitraryMatching(pattern: CellPattern): fc.Arbitrary<Cell> {
  const fixed = pattern as Record<string, unknown>;
  return fc
    .record(Object.fromEntries(CELL_FIELDS.map(([name, values]) => [name, name in fixed ? fc.constant(fixed[name]) : fc.constantFrom(...(values as readonly unknown[]))])) as {
      [K in keyof Cell]: fc.Arbitrary<Cell[K]>;
    })
    .filter(isValidCell);
}
