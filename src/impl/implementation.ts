import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { EraId } from "../model/era.ts";
import type { Agreement } from "./release/agreement.ts";
import type { LocalityObserver } from "../topology/observer.ts";

export type ImplKind = "model" | "candidate" | "release" | "checkout";

/** A rule the implementation's model can hit, for coverage. */
export interface CoverageRule {
  id: string;
  list: string;
  /** set when the handshake cannot reach the rule; hitting it is then an error too. */
  unreachable?: string;
  /** the rule admits: a gate allow, or a pairing that lets the device in. */
  admits?: boolean;
}

/**
 * Anything clawproof can check: a reference model, a candidate patch, a published release, a
 * checkout. All answer the same question, one cell at a time.
 */
export interface Implementation {
  /** normalised reference, e.g. `model:2026.3.13`, `model:pr-48285`, `openclaw@2026.9.6`. */
  ref: string;
  kind: ImplKind;
  /** the release whose era applies (a candidate's base release). */
  version: string;
  era: EraId;
  title: string;
  /** what a relational property compares against (a candidate's base model). */
  base?: Implementation;
  decide(cell: Cell): Verdict;
  /** rules the run should hit, and how often each was hit so far. */
  coverage: { rules: readonly CoverageRule[]; hits: Map<string, number> };
  /** free-form facts for reports (sliced imports, cache state, ...). */
  notes: string[];
  /** for sliced releases: each function against the model, on its whole domain. */
  agreement?: Agreement[];
  /** how it classes concrete connections; the era's locality model unless the release's own functions are loaded. */
  observeLocality?: LocalityObserver;
  /** sliced code only: the `node:` and bare imports its slices pulled in. */
  imports?: { bare: string[]; node: string[] };
  /** the seeded part of the differential (random concrete spellings), run once per check with its seed. */
  randomAgreement?: (seed: number) => Promise<Agreement[]>;
}
