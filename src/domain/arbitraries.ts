import fc from "fast-check";
import { CELL_FIELDS, type Cell } from "./cell.ts";
import { isValidCell } from "./validity.ts";

/**
 * fast-check arbitraries over the same domain the enumerator walks. Values shrink toward the
 * first (most benign) value of each field, so shrunk counterexamples read simply.
 */
export const cellArbitrary: fc.Arbitrary<Cell> = fc
  .record(Object.fromEntries(CELL_FIELDS.map(([name, values]) => [name, fc.constantFrom(...(values as readonly unknown[]))])) as {
    [K in keyof Cell]: fc.Arbitrary<Cell[K]>;
  })
  .filter(isValidCell);
