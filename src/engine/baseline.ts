/**
 * Comparing a checkout with what it started from. `--base auto` names the published release a
 * checkout's version belongs to (relational properties and `gate` compare against it);
 * `--baseline <impl>` splits violations into those the baseline has too (pre-existing: not the
 * contributor's doing, reported but not failing) and new ones (exit 1).
 */
import { cellKey } from "../domain/cell-key.ts";
import type { Cell } from "../domain/cell.ts";
import { cellsAt } from "../domain/enumerate.ts";
import { CannotCheckError, UnrealisedCellError } from "../domain/errors.ts";
import { compareVersions } from "../domain/versions.ts";
import type { Implementation } from "../impl/implementation.ts";
import { publishedReleases } from "../model/releases.ts";
import { exceptionsFor, exemption, type ExceptionRule } from "./exceptions.ts";
import type { AnyProperty, Property, PropertyContext } from "./property.ts";
import type { GateReport } from "./gate.ts";
import type { ImplResult } from "./results.ts";
import { memoizedVerdicts } from "./verdict-memo.ts";

/** The published release `version` names, or the nearest older one (a dev version such as 2026.9.7-dev). */
export function autoBaseVersion(version: string): string {
  const published = publishedReleases().map((r) => r.version);
  if (published.includes(version)) return version;
  const older = published.filter((v) => compareVersions(v, version) <= 0);
  const pick = older.at(-1);
  if (!pick) throw new CannotCheckError(`--base auto: no published openclaw release at or before ${version}`);
  return pick;
}

/** Relational counterexamples replay only with the same base, so their command carries it. */
export function withBaseInReplays(result: ImplResult, properties: readonly AnyProperty[], baseFlag: string): ImplResult {
  const relational = new Set(properties.filter((p) => p.kind === "relational").map((p) => p.id));
  const arg = ` --base ${shellWord(baseFlag)}`;
  return {
    ...result,
    properties: result.properties.map((p) =>
      relational.has(p.id) && p.counterexample && !p.counterexample.replay.includes(" --base ")
        ? { ...p, counterexample: { ...p.counterexample, replay: p.counterexample.replay + arg } }
        : p,
    ),
  };
}

const shellWord = (s: string): string => (/^[\w@:./=,+-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

export interface BaselineEntry {
  property: string;
  /** `new`: the head violates where the baseline does not; `pre-existing`: every violation is the baseline's too. */
  status: "new" | "pre-existing";
  /** violating cells (or connections, for ground-truth properties) the baseline does not have. */
  newViolations: number;
  preExisting: number;
  /** a new violating cell or topology, for the report. */
  example?: string;
}

export interface BaselineReport {
  baseline: string;
  entries: BaselineEntry[];
  /** true when some violation is new: the only case that fails the run. */
  failed: boolean;
}

/**
 * Splits the head's violated properties by whether `baseline` violates them at the same cells.
 * Cell properties are compared cell by cell (keys, so a baseline of another version works on the
 * shared cells); ground-truth properties per topology, by count of violating connections.
 */
export function compareWithBaseline(
  head: { impl: Implementation; result: ImplResult },
  baseline: { impl: Implementation; result: ImplResult },
  properties: readonly AnyProperty[],
  accepted: readonly ExceptionRule[],
  base?: Implementation,
): BaselineReport {
  const entries: BaselineEntry[] = [];
  for (const pr of head.result.properties) {
    if (pr.status !== "violated") continue;
    const p = properties.find((x) => x.id === pr.id);
    const theirs = baseline.result.properties.find((x) => x.id === pr.id);
    if (!p) continue;
    if (p.kind === "topology") {
      const fresh = (pr.topologies ?? []).filter((t) => {
        const b = theirs?.topologies?.find((x) => x.topology === t.topology);
        return t.violations > (b?.violations ?? 0);
      });
      const newViolations = fresh.reduce((n, t) => n + t.violations - (theirs?.topologies?.find((x) => x.topology === t.topology)?.violations ?? 0), 0);
      // no per-topology split (a single-topology run): the totals decide
      const totalNew = pr.topologies?.length ? newViolations : Math.max(0, pr.violations - (theirs?.violations ?? 0));
      // per topology the counts are violating connections, not the cell-weighted total: keep one unit
      const total = pr.topologies?.length ? pr.topologies.reduce((n, t) => n + t.violations, 0) : pr.violations;
      entries.push({
        property: pr.id,
        status: totalNew > 0 ? "new" : "pre-existing",
        newViolations: totalNew,
        preExisting: total - totalNew,
        ...(fresh[0] ? { example: `topology ${fresh[0].topology}` } : {}),
      });
      continue;
    }
    const mine = violatingCells(p, head.impl, accepted, base);
    const known = new Set(violatingCells(p, baseline.impl, accepted, base).map(cellKey));
    const fresh = mine.filter((c) => !known.has(cellKey(c)));
    entries.push({
      property: pr.id,
      status: fresh.length ? "new" : "pre-existing",
      newViolations: fresh.length,
      preExisting: mine.length - fresh.length,
      ...(fresh[0] ? { example: cellKey(fresh[0]) } : {}),
    });
  }
  return { baseline: baseline.impl.ref, entries, failed: entries.some((e) => e.status === "new") };
}

/** Cells where `p` is violated on `impl` (accepted exceptions and unrealised cells left out, as the engine does). */
function violatingCells(p: Property, impl: Implementation, accepted: readonly ExceptionRule[], base?: Implementation): Cell[] {
  const b = base ?? impl.base;
  if (p.kind === "relational" && !b) return [];
  const ctx: PropertyContext = { impl, verdict: memoizedVerdicts(impl), ...(b ? { baseVerdict: memoizedVerdicts(b) } : {}) };
  const exceptions = exceptionsFor(accepted, p.id, impl.version);
  const out: Cell[] = [];
  for (const cell of cellsAt(impl.version)) {
    if (!p.cells(cell) || impl.unrealised?.(cell) !== undefined) continue;
    try {
      if (p.check(cell, ctx) && !exemption(exceptions, cell)) out.push(cell);
    } catch (error) {
      if (!(error instanceof UnrealisedCellError)) throw error;
    }
  }
  return out;
}

/** A gate run with a baseline: the head's open widenings the baseline also has (against the same base) are pre-existing. */
export interface GateBaseline {
  baseline: string;
  /** open widenings (cell keys) the baseline has too. */
  preExisting: string[];
  /** open widenings that are the change's own. */
  fresh: string[];
  failed: boolean;
}

export function gateAgainstBaseline(head: GateReport, baseline: GateReport): GateBaseline {
  const known = new Set(baseline.widened.filter((w) => !w.acceptedBy).map((w) => `${w.cell}\u0000${w.head}`));
  const open = head.widened.filter((w) => !w.acceptedBy);
  const preExisting = open.filter((w) => known.has(`${w.cell}\u0000${w.head}`)).map((w) => w.cell);
  const fresh = open.filter((w) => !known.has(`${w.cell}\u0000${w.head}`)).map((w) => w.cell);
  return { baseline: baseline.head, preExisting, fresh, failed: fresh.length > 0 };
}
