import { CELL_FIELDS, type Cell, type CellField } from "../domain/cell.ts";
import { indexOf } from "../domain/enumerate.ts";

/** A cube: for each field, the values it allows. A row of a readable decision table. */
export type CellCube = { [K in CellField]: readonly Cell[K][] };

export interface GroupRow {
  cube: CellCube;
  /** how many cells of the group the row covers. */
  cells: number;
}

/**
 * Covers a set of cells with few cubes, each containing only cells of the set (cells outside
 * the domain are don't-cares). Greedy, like a one-pass Espresso: grow each seed cube field by
 * field while it stays inside the set. Readable rather than minimal.
 */
export function groupCells(members: readonly Cell[], domain: readonly Cell[]): GroupRow[] {
  const inSet = new Set(members.map(indexOf));
  const inDomain = new Set(domain.map(indexOf));
  const uncovered = new Set(inSet);
  const rows: GroupRow[] = [];
  for (const seed of members) {
    if (!uncovered.has(indexOf(seed))) continue;
    const cube = Object.fromEntries(CELL_FIELDS.map(([f]) => [f, [seed[f]]])) as unknown as Record<CellField, unknown[]>;
    for (const [field, values] of CELL_FIELDS) {
      for (const value of values as readonly unknown[]) {
        if (cube[field].includes(value)) continue;
        const slice = { ...cube, [field]: [value] };
        if (cellsOf(slice).every((c) => !inDomain.has(indexOf(c)) || inSet.has(indexOf(c)))) cube[field].push(value);
      }
    }
    tidy(cube, inSet, inDomain);
    let covered = 0;
    for (const cell of cellsOf(cube)) {
      const index = indexOf(cell);
      if (inSet.has(index)) covered++;
      uncovered.delete(index);
    }
    rows.push({ cube: cube as unknown as CellCube, cells: covered });
  }
  return rows;
}

/**
 * Drops values that only add impossible cells, unless keeping them lets the field read as "any":
 * `credential=secret-ok` rather than `credential=secret-ok|device-token` when device=none.
 */
function tidy(cube: Record<CellField, unknown[]>, inSet: Set<number>, inDomain: Set<number>): void {
  for (const [field, values] of CELL_FIELDS) {
    const live = cube[field].filter((v) => cellsOf({ ...cube, [field]: [v] }).some((c) => inSet.has(indexOf(c))));
    const dead = (values as readonly unknown[]).filter((v) => cellsOf({ ...cube, [field]: [v] }).every((c) => !inDomain.has(indexOf(c))));
    const readsAsAny = (values as readonly unknown[]).every((v) => live.includes(v) || dead.includes(v));
    cube[field] = readsAsAny ? [...(values as readonly unknown[])] : live;
  }
}

export function cellsOf(cube: Record<CellField, readonly unknown[]>): Cell[] {
  let cells: Record<string, unknown>[] = [{}];
  for (const [field] of CELL_FIELDS) cells = cells.flatMap((partial) => cube[field].map((v) => ({ ...partial, [field]: v })));
  return cells as Cell[];
}

/** `role=node loc=remote` — fields that allow every value are left out. */
export function showCube(cube: CellCube): string {
  const parts = CELL_FIELDS.filter(([f, values]) => cube[f].length < values.length).map(([f]) => {
    const shown = (cube[f] as readonly unknown[]).map((v) => (v === true ? "yes" : v === false ? "no" : String(v)));
    return `${f}=${shown.join("|")}`;
  });
  return parts.length ? parts.join(" ") : "(every cell)";
}
