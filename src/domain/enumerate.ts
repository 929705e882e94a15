import { CELL_FIELDS, type Cell } from "./cell.ts";
import { existsAt, isValidCell } from "./validity.ts";

/** Size of the full product, valid or not; cell indices are mixed-radix numbers over CELL_FIELDS. */
export const PRODUCT_SIZE = CELL_FIELDS.reduce((n, [, values]) => n * values.length, 1);

export function cellAt(index: number): Cell {
  const cell: Record<string, unknown> = {};
  let rest = index;
  for (let f = CELL_FIELDS.length - 1; f >= 0; f--) {
    const [name, values] = CELL_FIELDS[f]!;
    cell[name] = values[rest % values.length];
    rest = Math.floor(rest / values.length);
  }
  return cell as Cell;
}

export function indexOf(cell: Cell): number {
  let index = 0;
  for (const [name, values] of CELL_FIELDS) {
    const position = (values as readonly unknown[]).indexOf(cell[name]);
    if (position < 0) throw new Error(`cell field ${name} has unknown value ${String(cell[name])}`);
    index = index * values.length + position;
  }
  return index;
}

let cached: readonly Cell[] | undefined;

/** Every valid cell exactly once, in benign-first order. */
export function allCells(): readonly Cell[] {
  if (!cached) {
    const cells: Cell[] = [];
    for (let i = 0; i < PRODUCT_SIZE; i++) {
      const cell = cellAt(i);
      if (isValidCell(cell)) cells.push(Object.freeze(cell));
    }
    cached = Object.freeze(cells);
  }
  return cached;
}

const byVersion = new Map<string, readonly Cell[]>();

/** The cells that can occur against one release (some credentials only exist from a release on). */
export function cellsAt(version: string): readonly Cell[] {
  let cells = byVersion.get(version);
  if (!cells) {
    cells = allCells().filter((c) => existsAt(c, version));
    byVersion.set(version, cells);
  }
  return cells;
}
