/**
 * fast-check arbitraries of connect cells for `@fast-check/vitest`'s `test.prop`, e.g.
 * `test.prop([cellArb({ role: "node", device: "none" })])("…", (cell) => …)`. Fields given are
 * fixed; the rest range over the enumerator's domain, valid cells only (and, with `version`, only
 * cells that exist at that release), shrinking toward the most benign value of each field.
 */
import fc from "fast-check";
import { CELL_FIELDS, type Cell } from "../domain/cell.ts";
import { existsAt, isValidCell } from "../domain/validity.ts";

export type CellConstraints = Partial<Cell> & {
  /** only cells that exist at this release (credentials dated by release, for instance). */
  version?: string;
};

export function cellArb(constraints: CellConstraints = {}): fc.Arbitrary<Cell> {
  const { version, ...fixed } = constraints;
  const fields = Object.fromEntries(
    CELL_FIELDS.map(([name, values]) => {
      const value = (fixed as Record<string, unknown>)[name];
      if (value === undefined) return [name, fc.constantFrom(...(values as readonly unknown[]))];
      if (!(values as readonly unknown[]).includes(value)) throw new RangeError(`cellArb: ${name}=${String(value)} is not in the domain (${values.join(", ")})`);
      return [name, fc.constant(value)];
    }),
  ) as { [K in keyof Cell]: fc.Arbitrary<Cell[K]> };
  const unknownField = Object.keys(fixed).find((k) => !CELL_FIELDS.some(([name]) => name === k));
  if (unknownField) throw new RangeError(`cellArb: no cell field named ${unknownField}`);
  return fc.record(fields).filter((c) => isValidCell(c) && (version === undefined || existsAt(c, version)));
}
