import { cellKey, matchesPattern, type CellPattern } from "../domain/cell-key.ts";
import type { Cell } from "../domain/cell.ts";
import { cellsAt } from "../domain/enumerate.ts";
import { compareVersions } from "../domain/versions.ts";
import type { Implementation } from "../impl/implementation.ts";
import { coverageOf } from "./coverage.ts";
import { exceptionsFor, exemption, type ExceptionRule } from "./exceptions.ts";
import { counterexample } from "./counterexample.ts";
import type { AnyProperty, Property, PropertyContext } from "./property.ts";
import { localityCells, localityCellKey, type LocalityCell } from "../locality/locality-domain.ts";
import { modelLocalityObserver, type LocalityObserver, type Observation } from "../topology/observer.ts";
import { checkTopologyProperty } from "./topology-check.ts";
import { DEFAULT_SEED, randomPass } from "./random.ts";
import type { ImplResult, PropertyResult } from "./results.ts";
import { memoizedVerdicts } from "./verdict-memo.ts";
import { UnrealisedCellError } from "../domain/errors.ts";

export interface CheckOptions {
  properties: readonly AnyProperty[];
  /** the accepted exceptions (the catalogue in properties/); a cell they cover is reported as exempted, not violated. */
  exceptions: readonly ExceptionRule[];
  /** limit ground-truth properties to connections whose key contains these `name=value` parts. */
  connections?: string;
  /** limit the run to cells matching this pattern (a full cell key selects one cell). */
  cells?: CellPattern;
  seed?: number;
  randomRuns?: number;
  /** base for relational properties; defaults to the implementation's own (a candidate's base model). */
  base?: Implementation;
}

/** Exhaustive check of every property over every selected cell, then a seeded random pass. */
export function checkImplementation(impl: Implementation, options: CheckOptions): ImplResult {
  const base = options.base ?? impl.base;
  const ctx: PropertyContext = {
    impl,
    verdict: memoizedVerdicts(impl),
    ...(base ? { baseVerdict: memoizedVerdicts(base) } : {}),
  };
  const domain = cellsAt(impl.version);
  const selected = options.cells ? domain.filter((c) => matchesPattern(c, options.cells!)) : domain;
  const unchecked = tallyUnrealised(impl, selected);
  const cells = unchecked.length ? selected.filter((c) => impl.unrealised!(c) === undefined) : selected;
  for (const cell of cells) ctx.verdict(cell); // decide every cell, so coverage sees the whole domain

  const topologyContext = () => ({
    impl,
    verdict: ctx.verdict,
    observe: memoized(impl.observeLocality ?? modelLocalityObserver(impl.version)),
    localityCells: options.connections ? localityCells().filter(matchesConnection(options.connections)) : localityCells(),
    policyCells: cells,
  });
  let topology: ReturnType<typeof topologyContext> | undefined;
  const properties = options.properties.map((p) =>
    p.kind === "topology" ? checkTopologyProperty(p, (topology ??= topologyContext()), options.exceptions) : checkProperty(p, cells, ctx, options.exceptions, base),
  );
  const seed = options.seed ?? DEFAULT_SEED;
  const cellProperties = options.properties.filter((p): p is Property => p.kind !== "topology");
  const random = randomPass(cellProperties, ctx, impl.ref, seed, options.randomRuns ?? 200, options.exceptions, options.cells);
  for (const failure of random.failures) {
    const result = properties.find((r) => r.id === failure.property)!;
    if (result.status !== "violated") Object.assign(result, { status: "violated", violations: 1, counterexample: failure.counterexample });
  }
  const judged = !options.cells && options.properties.length > 0;
  const coverage = { ...coverageOf(impl), judged };
  const mismatch = impl.agreement?.some((a) => a.status === "mismatch") ?? false;
  const violated = mismatch || properties.some((p) => p.status === "violated") || (judged && !coverage.complete);
  return {
    ref: impl.ref,
    kind: impl.kind,
    version: impl.version,
    era: impl.era,
    title: impl.title,
    ...(base ? { base: base.ref } : {}),
    status: violated ? "violated" : "holds",
    properties,
    coverage,
    random: { seed, runs: random.runs, failed: random.failures.length > 0 },
    ...(impl.agreement ? { agreement: [...impl.agreement] } : {}),
    ...(impl.imports ? { imports: { node: impl.imports.node, bare: impl.imports.bare } } : {}),
    provenance: [...impl.provenance],
    ...(unchecked.length ? { unchecked } : {}),
    notes: impl.notes,
  };
}

function checkProperty(p: Property, cells: readonly Cell[], ctx: PropertyContext, accepted: readonly ExceptionRule[], base?: Implementation): PropertyResult {
  const result: PropertyResult = { id: p.id, statement: p.statement, status: "holds", cells: 0, violations: 0, moreViolations: [], exempted: [] };
  const spread = new Set<string>();
  if (p.since && compareVersions(ctx.impl.version, p.since) < 0) {
    return { ...result, status: "not-applicable", note: `holds from ${p.since}; ${ctx.impl.ref} is at ${ctx.impl.version}` };
  }
  if (p.kind === "relational" && !base) {
    return { ...result, status: "not-applicable", note: "relational: needs a base (candidates compare with the model they extend)" };
  }
  const exceptions = exceptionsFor(accepted, p.id, ctx.impl.version);
  const exempted = new Map<string, { why: string; cells: number; sample: string[] }>();
  for (const cell of cells) {
    if (!p.cells(cell)) continue;
    let found: ReturnType<Property["check"]>;
    try {
      found = p.check(cell, ctx);
    } catch (error) {
      // a neighbour or base cell this property needs is not realised: this cell is unchecked, not holding
      if (!(error instanceof UnrealisedCellError)) throw error;
      tallyUnchecked(result, error.reason);
      continue;
    }
    result.cells++;
    if (!found) continue;
    const exception = exemption(exceptions, cell);
    if (exception) {
      const entry = exempted.get(exception.id) ?? { why: exception.why, cells: 0, sample: [] };
      entry.cells++;
      if (entry.sample.length < 3) entry.sample.push(cellKey(cell));
      exempted.set(exception.id, entry);
      continue;
    }
    result.violations++;
    result.counterexample ??= counterexample(ctx, p.id, cell, found);
    const kind = `${cell.authMode}/${cell.locality}`;
    if (!spread.has(kind) && result.moreViolations.length < 8) {
      spread.add(kind);
      if (result.violations > 1) result.moreViolations.push(cellKey(cell));
    }
  }
  result.exempted = [...exempted].map(([exception, e]) => ({ exception, ...e }));
  if (result.violations > 0) result.status = "violated";
  return result;
}

function tallyUnchecked(result: PropertyResult, reason: string): void {
  const unchecked = (result.unchecked ??= []);
  const entry = unchecked.find((u) => u.reason === reason);
  if (entry) entry.cells++;
  else unchecked.push({ reason, cells: 1 });
}

/** Cells the implementation cannot decide, per reason, with a few example keys. */
function tallyUnrealised(impl: Implementation, cells: readonly Cell[]): NonNullable<ImplResult["unchecked"]> {
  if (!impl.unrealised) return [];
  const byReason = new Map<string, { reason: string; cells: number; sample: string[] }>();
  for (const cell of cells) {
    const reason = impl.unrealised(cell);
    if (reason === undefined) continue;
    const entry = byReason.get(reason) ?? { reason, cells: 0, sample: [] };
    entry.cells++;
    if (entry.sample.length < 3) entry.sample.push(cellKey(cell));
    byReason.set(reason, entry);
  }
  return [...byReason.values()];
}

/** Each connection observed once; the domain's own (shared, frozen) connections are found by identity, others by key. */
function memoized(observe: LocalityObserver): LocalityObserver {
  const seen = new Map<string, Observation>();
  const byIdentity = new WeakMap<LocalityCell, Observation>();
  return (cell) => {
    let observation = byIdentity.get(cell);
    if (observation) return observation;
    const key = localityCellKey(cell);
    observation = seen.get(key);
    if (!observation) seen.set(key, (observation = observe(cell)));
    if (Object.isFrozen(cell)) byIdentity.set(cell, observation);
    return observation;
  };
}

/** `topo=same-host-tcp-relay,origin=remote-lan`: every connection whose key has all these parts. */
function matchesConnection(pattern: string): (cell: LocalityCell) => boolean {
  const parts = pattern.split(",").map((p) => p.trim()).filter(Boolean);
  return (cell) => {
    const key = localityCellKey(cell).split(",");
    return parts.every((part) => key.includes(part));
  };
}
