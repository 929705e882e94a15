import type { Cell } from "../domain/cell.ts";
import { sameDecision } from "../domain/verdict.ts";
import { admitted, violation, type Property } from "./property.ts";

interface Described {
  id: string;
  statement: string;
  why: string;
}

/**
 * Monotonicity: whenever a cell is admitted, its stronger neighbour (a paired device, a verified
 * credential, a local address, ...) is admitted too.
 */
export function neverWorseWith(spec: Described & {
  cells: (c: Cell) => boolean;
  stronger: (c: Cell) => Cell | undefined;
  label: string;
  message: (c: Cell) => string;
}): Property {
  return {
    id: spec.id, statement: spec.statement, why: spec.why, kind: "pair", cells: spec.cells,
    check: (c, ctx) => {
      const stronger = spec.stronger(c);
      if (!stronger || !admitted(ctx.verdict(c))) return undefined;
      const v = ctx.verdict(stronger);
      return admitted(v) ? undefined : violation(spec.message(c), { label: spec.label, cell: stronger, verdict: v });
    },
  };
}

/** Relational: a candidate decides these cells exactly as its base does. */
export function unchangedFromBase(spec: Described & { cells: (c: Cell) => boolean; what: string }): Property {
  return {
    id: spec.id, statement: spec.statement, why: spec.why, kind: "relational", cells: spec.cells,
    check: (c, ctx) => {
      const base = ctx.baseVerdict!(c);
      return sameDecision(ctx.verdict(c), base) ? undefined : violation(`${spec.what} decision differs from the base`, { label: "base", cell: c, verdict: base });
    },
  };
}

/** A cell property: these cells are never admitted. */
export function neverAdmitted(spec: Described & { cells: (c: Cell) => boolean; since?: string; message: (c: Cell) => string }): Property {
  return {
    id: spec.id, statement: spec.statement, why: spec.why, kind: "cell", cells: spec.cells, ...(spec.since ? { since: spec.since } : {}),
    check: (c, ctx) => (admitted(ctx.verdict(c)) ? violation(spec.message(c)) : undefined),
  };
}
