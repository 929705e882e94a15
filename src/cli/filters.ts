/**
 * `check`'s filters. A filter that selects nothing must not pass as "every property holds":
 * it is refused up front when its key is malformed or matches no item of its domain, and
 * after the run when the chosen properties checked no cell of any implementation.
 */
import { matchesPattern, parseCellPattern, type CellPattern } from "../domain/cell-key.ts";
import { allCells } from "../domain/enumerate.ts";
import type { Cell } from "../domain/cell.ts";
import { CannotCheckError } from "../domain/errors.ts";
import type { CheckReport } from "../engine/results.ts";
import { localityCells, parseLocalityPattern } from "../locality/locality-domain.ts";

const refused = (flag: string, error: unknown) => new CannotCheckError(`${flag}: ${(error as Error).message}`);

/** `--cell`: a valid pattern that at least one valid connect matches. */
export function cellFilter(key: string): CellPattern {
  let pattern: CellPattern;
  try {
    pattern = parseCellPattern(key);
  } catch (error) {
    throw refused("--cell", error);
  }
  if (!allCells().some((c) => matchesPattern(c, pattern))) {
    throw new CannotCheckError(`--cell ${key} selects no cell: no valid connect has all of these values`);
  }
  return pattern;
}

/**
 * Why a pattern valid somewhere selects nothing at one release: the values no connect of that
 * release has (a dated value such as a knob the release's config does not take), or, when each
 * value occurs but never together, that.
 */
export function noCellAt(key: string, pattern: CellPattern, cells: readonly Cell[], ref: string): CannotCheckError {
  const absent = Object.entries(pattern)
    .filter(([field, value]) => !cells.some((c) => (c as unknown as Record<string, unknown>)[field] === value))
    .map(([field, value]) => `${field}=${String(value)}`);
  const why = absent.length
    ? `no connect of ${ref} has ${absent.join(", ")}: this release cannot express it`
    : `no connect of ${ref} has all of these values together`;
  return new CannotCheckError(`--cell ${key} selects no cell: ${why}`);
}

/** `--connection`: validated like `--cell` (known fields, known values, each once), and matching some connection. */
export function connectionFilter(key: string): string {
  let pattern: Record<string, unknown>;
  try {
    pattern = parseLocalityPattern(key);
  } catch (error) {
    throw refused("--connection", error);
  }
  const matches = localityCells().some((c) => Object.entries(pattern).every(([f, v]) => (c as unknown as Record<string, unknown>)[f] === v));
  if (!matches) throw new CannotCheckError(`--connection ${key} selects no connection`);
  return key;
}

export interface Filters {
  property?: string | undefined;
  cell?: string | undefined;
  connection?: string | undefined;
}

/** After the run: with a filter given, the selected properties must have checked (or reported unchecked) some cell. */
export function assertSelectedSomething(report: CheckReport, filters: Filters): void {
  const given = (["property", "cell", "connection"] as const).filter((f) => filters[f] !== undefined);
  if (!given.length) return;
  let selected = 0;
  for (const impl of report.impls) {
    for (const p of impl.properties) selected += p.cells + (p.unchecked ?? []).reduce((n, u) => n + u.cells, 0);
  }
  if (selected === 0) {
    const shown = given.map((f) => `--${f} ${filters[f]}`).join(" ");
    throw new CannotCheckError(`${shown} selects no cells to check in ${report.impls.map((i) => i.ref).join(", ")}`);
  }
}
