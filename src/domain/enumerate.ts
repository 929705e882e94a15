import { APPENDED_FIELDS, CELL_FIELDS, type Cell } from "./cell.ts";
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

/** Appended fields come last, so a cell's index is its base cell's index times this, plus their own. */
const APPENDED = CELL_FIELDS.filter(([name]) => APPENDED_FIELDS.has(name));
const APPENDED_PRODUCT = APPENDED.reduce((n, [, values]) => n * values.length, 1);
/** Each appended field's [stride in the index, number of values]. */
const STRIDES: [number, number][] = APPENDED.map(([, values], f) => [APPENDED.slice(f + 1).reduce((n, [, v]) => n * v.length, 1), values.length]);

/**
 * Every valid cell exactly once, in benign-first (index) order. Built per base cell (appended
 * fields at their defaults): an invalid base is skipped with all its extensions, and an appended
 * value that is invalid on the base alone is not combined with the others. Sound while exclusions
 * only ever read an appended field at a non-default value, one at a time (every rule today); the
 * enumeration test holds the result to a filter of the whole product, so a rule that breaks this
 * fails there.
 */
export function allCells(): readonly Cell[] {
  if (!cached) {
    const cells: Cell[] = [];
    for (let base = 0; base < PRODUCT_SIZE; base += APPENDED_PRODUCT) {
      if (!isValidCell(cellAt(base))) continue;
      // per appended field, the index offsets of its values that are valid on the base alone
      let offsets = [0];
      for (const [stride, size] of STRIDES) {
        const valid = [0];
        for (let p = 1; p < size; p++) if (isValidCell(cellAt(base + p * stride))) valid.push(p * stride);
        offsets = offsets.flatMap((o) => valid.map((v) => o + v));
      }
      for (const offset of offsets.sort((a, b) => a - b)) {
        const cell = cellAt(base + offset);
        if (isValidCell(cell)) cells.push(Object.freeze(cell));
      }
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
