import type { Implementation } from "../impl/implementation.ts";

export interface CoverageReport {
  rules: number;
  hit: number;
  /** rules the run never reached: dead or untested policy. */
  missed: string[];
  /** rules marked unreachable that were reached anyway: the annotation is wrong. */
  unreachableHit: string[];
  complete: boolean;
  /** rules marked unmeasured that decided at least one cell, in rule order: boundaries no real code confirmed. */
  unmeasured: { rule: string; why: string }[];
}

/** QuickCheck-style coverage as an assertion: every reachable rule of the model must fire at least once. */
export function coverageOf(impl: Implementation): CoverageReport {
  const { rules, hits } = impl.coverage;
  const missed = rules.filter((r) => !r.unreachable && !hits.get(r.id)).map((r) => r.id);
  const unreachableHit = rules.filter((r) => r.unreachable && hits.get(r.id)).map((r) => r.id);
  const hit = rules.filter((r) => hits.get(r.id)).length;
  const unmeasured = rules.filter((r) => r.unmeasured && hits.get(r.id)).map((r) => ({ rule: r.id, why: r.unmeasured! }));
  return { rules: rules.length, hit, missed, unreachableHit, complete: missed.length === 0 && unreachableHit.length === 0, unmeasured };
}
