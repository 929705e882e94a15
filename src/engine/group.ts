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
  // cells are numbered in the product of the fields' values (mixed radix), so growing a cube
  // walks numbers instead of building an object and a string key for every cell it spans
  const codec = productCodec(fields);
  const inDomain = new Set(domain.map(codec.code));
  const uncovered = new Set(members.map(codec.code));
  const rows: GroupRow[] = [];
  for (const seed of members) {
    if (!uncovered.has(codec.code(seed))) continue;
    const cube = fields.map(([f], i) => [codec.indexOf(i, seed[f])]);
    fields.forEach(([, values], f) => {
      for (let v = 0; v < values.length; v++) {
        if (cube[f]!.includes(v)) continue;
        const slice = cube.map((allowed, g) => (g === f ? [v] : allowed));
        if (everyCode(slice, codec.stride, (k) => !inDomain.has(k) || uncovered.has(k))) cube[f]!.push(v);
      }
    });
    tidy(cube, fields, codec.stride, (k) => uncovered.has(k), (k) => inDomain.has(k));
    let covered = 0;
    everyCode(cube, codec.stride, (k) => {
      if (uncovered.delete(k)) covered++;
      return true;
    });
    rows.push({ cube: Object.fromEntries(fields.map(([f, values], i) => [f, cube[i]!.map((v) => values[v])])), cells: covered });
  }
  return rows;
}

/** Numbers for the items of a product of fields: each field's value index times its stride. */
function productCodec(fields: readonly GroupField[]) {
  const index = fields.map(([, values]) => new Map(values.map((v, i) => [v, i])));
  const stride: number[] = new Array(fields.length);
  let size = 1;
  for (let f = fields.length - 1; f >= 0; f--) {
    stride[f] = size;
    size *= fields[f]![1].length;
  }
  const indexOf = (f: number, value: unknown): number => {
    const i = index[f]!.get(value);
    if (i === undefined) throw new Error(`${fields[f]![0]}=${String(value)} is not one of the field's values`);
    return i;
  };
  const code = (item: Item): number => fields.reduce((k, [f], i) => k + indexOf(i, item[f]) * stride[i]!, 0);
  return { stride, indexOf, code };
}

/** Whether every item of a cube (value indices per field) satisfies a test, in enumeration order. */
function everyCode(cube: readonly (readonly number[])[], stride: readonly number[], test: (code: number) => boolean): boolean {
  const walk = (f: number, base: number): boolean => {
    if (f === cube.length) return test(base);
    for (const v of cube[f]!) if (!walk(f + 1, base + v * stride[f]!)) return false;
    return true;
  };
  return walk(0, 0);
}

export function groupCells(members: readonly Cell[], domain: readonly Cell[]): GroupRow[] {
  return groupItems(members, domain, CELL_FIELDS);
}

/**
 * Drops values that only add impossible cells, unless keeping them lets the field read as "any":
 * `credential=secret-ok` rather than `credential=secret-ok|device-token` when device=none.
 */
function tidy(cube: number[][], fields: readonly GroupField[], stride: readonly number[], member: (k: number) => boolean, possible: (k: number) => boolean): void {
  fields.forEach(([, values], f) => {
    const at = (v: number) => cube.map((allowed, g) => (g === f ? [v] : allowed));
    const live = cube[f]!.filter((v) => !everyCode(at(v), stride, (k) => !member(k)));
    const all = values.map((_, v) => v);
    const dead = all.filter((v) => everyCode(at(v), stride, (k) => !possible(k)));
    cube[f] = all.every((v) => live.includes(v) || dead.includes(v)) ? all : live;
  });
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
