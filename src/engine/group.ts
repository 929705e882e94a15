import { CELL_FIELDS, type Cell } from "../domain/cell.ts";

/** A field of a finite domain and its values, in enumeration order. */
export type GroupField = readonly [name: string, values: readonly unknown[]];

/** A cube: for each field, the values it allows. A row of a readable decision table. */
export type Cube = Record<string, readonly unknown[]>;

export interface GroupRow {
  cube: Cube;
  /** how many cells of the group the row covers. */
  cells: number;
}

type Item = Record<string, unknown>;

/**
 * Covers a set of cells with few cubes, each containing only cells of the set (cells outside
 * the domain are don't-cares). Greedy, like a one-pass Espresso: grow each seed cube field by
 * field while it stays inside the set's cells no earlier row covers. Readable rather than
 * minimal, and a partition: every member is in exactly one row, so the rows' counts add up to
 * the set's size.
 */
export function groupItems(members: readonly Item[], domain: readonly Item[], fields: readonly GroupField[]): GroupRow[] {
  const key = (item: Item) => fields.map(([f]) => String(item[f])).join("\u0000");
  const inSet = new Set(members.map(key));
  const inDomain = new Set(domain.map(key));
  const uncovered = new Set(inSet);
  const rows: GroupRow[] = [];
  for (const seed of members) {
    if (!uncovered.has(key(seed))) continue;
    const cube: Record<string, unknown[]> = Object.fromEntries(fields.map(([f]) => [f, [seed[f]]]));
    for (const [field, values] of fields) {
      for (const value of values) {
        if (cube[field]!.includes(value)) continue;
        const slice = itemsOf({ ...cube, [field]: [value] }, fields);
        if (slice.every((c) => !inDomain.has(key(c)) || uncovered.has(key(c)))) cube[field]!.push(value);
      }
    }
    tidy(cube, fields, (c) => uncovered.has(key(c)), (c) => inDomain.has(key(c)));
    let covered = 0;
    for (const item of itemsOf(cube, fields)) {
      if (uncovered.delete(key(item))) covered++;
    }
    rows.push({ cube, cells: covered });
  }
  return rows;
}

export function groupCells(members: readonly Cell[], domain: readonly Cell[]): GroupRow[] {
  return groupItems(members, domain, CELL_FIELDS);
}

/**
 * Drops values that only add impossible cells, unless keeping them lets the field read as "any":
 * `credential=secret-ok` rather than `credential=secret-ok|device-token` when device=none.
 */
function tidy(cube: Record<string, unknown[]>, fields: readonly GroupField[], member: (i: Item) => boolean, possible: (i: Item) => boolean): void {
  for (const [field, values] of fields) {
    const live = cube[field]!.filter((v) => itemsOf({ ...cube, [field]: [v] }, fields).some(member));
    const dead = values.filter((v) => itemsOf({ ...cube, [field]: [v] }, fields).every((i) => !possible(i)));
    cube[field] = values.every((v) => live.includes(v) || dead.includes(v)) ? [...values] : live;
  }
}

export function itemsOf(cube: Cube, fields: readonly GroupField[]): Item[] {
  let items: Item[] = [{}];
  for (const [field] of fields) items = items.flatMap((partial) => cube[field]!.map((v) => ({ ...partial, [field]: v })));
  return items;
}

/** Whether an item lies in a row's cube. */
export function inCube(cube: Cube, item: Item, fields: readonly GroupField[] = CELL_FIELDS): boolean {
  return fields.every(([f]) => cube[f]!.includes(item[f]));
}

/** `role=node locality=remote` — fields that allow every value are left out. */
export function showCube(cube: Cube, fields: readonly GroupField[] = CELL_FIELDS): string {
  const parts = fields.filter(([f, values]) => cube[f]!.length < values.length).map(([f]) => {
    const shown = cube[f]!.map((v) => (v === true ? "yes" : v === false ? "no" : String(v)));
    return `${f}=${shown.join("|")}`;
  });
  return parts.length ? parts.join(" ") : "(every cell)";
}
