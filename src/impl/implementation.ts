import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { EraId } from "../model/era.ts";
import type { Agreement } from "../differential/agreement.ts";
import type { LocalityObserver } from "../topology/observer.ts";
import type { PairingObserver } from "../pairing-locality/truth-table.ts";
import type { HandshakeGlue } from "./handshake-glue.ts";

export type ImplKind = "model" | "candidate" | "release" | "checkout" | "live";

/**
 * What decided a handshake step: the reference model, code sliced from a published bundle or a
 * built checkout, a checkout's TypeScript sources, or a real gateway process answering handshakes.
 */
export const DECIDERS = ["model", "sliced", "source", "live"] as const;
export type Decider = (typeof DECIDERS)[number];

/** The handshake's steps in OpenClaw's order; policy-function steps carry the function's name. */
export const HANDSHAKE_STEPS = [
  "origin", "locality", "auth", "resolveControlUiAuthPolicy", "isTrustedProxyControlUiOperatorAuth", "evaluateMissingDeviceIdentity",
  "shouldClearUnboundScopes", "finalAuth", "shouldSkipControlUiPairing", "shouldSkipBackendSelfPairing", "shouldAllowSilentLocalPairing", "pairing",
] as const;
export type HandshakeStep = (typeof HANDSHAKE_STEPS)[number];

/** One handshake step of one implementation and what decided it, so no verdict hides its origin. */
export interface StepProvenance {
  step: HandshakeStep;
  decidedBy: Decider;
  /** the function, gateway or model list that answered, and why the model stands in where it does. */
  detail: string;
}

/** Every step decided by the same thing, e.g. the model for a model implementation. */
export function uniformProvenance(decidedBy: Decider, detail: string): StepProvenance[] {
  return HANDSHAKE_STEPS.map((step) => ({ step, decidedBy, detail }));
}

/** A rule the implementation's model can hit, for coverage. */
export interface CoverageRule {
  id: string;
  list: string;
  /** set when the handshake cannot reach the rule; hitting it is then an error too. */
  unreachable?: string;
  /** the rule admits: a gate allow, or a pairing that lets the device in. */
  admits?: boolean;
  /** the rule's behaviour or boundary is not measured on real code (the rule's `unmeasured`): why. */
  unmeasured?: string;
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
  /** for sliced releases: each function against the model, on its whole domain (and this run's random spellings). */
  readonly agreement?: readonly Agreement[];
  /** how it classes concrete connections; the era's locality model unless the release's own functions are loaded. */
  observeLocality?: LocalityObserver;
  /**
   * How its pairing-locality code (resolvePairingLocality, shouldAllowSilentLocalPairing, the
   * backend self-pairing skip) answers the concrete requests of the topologies: the release's own
   * functions, or the model for model implementations. Absent: ground-truth pairing is unchecked.
   */
  observePairing?: PairingObserver;
  /** the handshake glue the pairing ground truth composes with it (a release's sliced glue where it has it). Absent: that ground truth is unchecked. */
  handshakeGlue?: HandshakeGlue;
  /** sliced code only: the `node:` and bare imports its slices pulled in. */
  imports?: { bare: string[]; node: string[] };
  /**
   * What results derived from it are keyed by (with a digest of clawproof's sources): a release's
   * integrity, a checkout's fingerprint, a release's model's ref. Absent where nothing is kept.
   */
  integrity?: string;
  /** every handshake step and what decided it (model, sliced, source, live). */
  provenance: readonly StepProvenance[];
  /**
   * Why this implementation cannot decide a cell (e.g. a live gateway cannot realise it), or
   * undefined when it can. `decide` must not be called on such a cell; the engine reports it as
   * unchecked, never as holding.
   */
  unrealised?(cell: Cell): string | undefined;
}
