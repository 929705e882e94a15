import { mergeAgreements, type Agreement } from "../../differential/agreement.ts";
import { runFunction, runLayer, type FunctionRun, type Layer } from "../../differential/layer.ts";
import type { Release } from "../../differential/release.ts";
import { randomAddresses, randomRequests } from "../../locality/real/inputs.ts";
import { LOCALITY_LAYER, observationsOf, type RealLocalityObservation } from "../../locality/real/layer.ts";
import { observerOf } from "../../locality/real/observe.ts";
import { eraOf } from "../../model/eras/index.ts";
import { policyDomain } from "../../model/function-domains.ts";
import { GLUE_LAYER } from "../../glue/layer.ts";
import { runHandshake } from "../../model/handshake.ts";
import { modelAt, modelFunctions, type ModelAt } from "../../model/model-at.ts";
import { silentPairingInline } from "../../model/pairing-glue.ts";
import type { PolicyFunctionName } from "../../model/policy-functions.ts";
import type { Observation } from "../../topology/observer.ts";
import type { Cell } from "../../domain/cell.ts";
import { localityCells, type LocalityCell } from "../../locality/locality-domain.ts";
import type { ImplKind, Implementation } from "../implementation.ts";
import { coverageRules } from "../model-impl.ts";
import { derivedFromRelease } from "./derived-cache.ts";
import { pairingTruthObserver, pairingTruthTable, type PairingTruthTable } from "../../pairing-locality/truth-table.ts";
import { LAYERS, LAYER_SOURCES } from "./layers.ts";
import { mixedFunctions, type PolicyTable } from "./tabulate.ts";
import { policySlotOf } from "./glue-tables.ts";
import { provenanceOf, type LayerSummary } from "./provenance.ts";
import { proxyHeadersOf, proxyHeadersTable, type ProxyHeadersTable } from "./proxy-headers.ts";
import { modelHandshakeGlue } from "../handshake-glue.ts";
import { ORIGIN_LAYER, originTables } from "../../origin/layer.ts";
import { releaseOriginHelpers } from "../../origin/release-helpers.ts";
import { APPLIES_FN } from "../../origin/adapters.ts";
import { ORIGIN_GUARD } from "../../glue/origin-guard.ts";
import { guardReadsAnyClientFlag, originGuardTable, releaseOriginGuard, withOriginGuard, type OriginGuardTable } from "./origin-guard.ts";
import { AUTH_LAYER, AUTHORIZE, CONNECT_STATE, CONNECT_STATE_LAYER, FINAL_AUTH_LAYER } from "../../auth/real/layer.ts";
import { FINAL_DECISION } from "../../auth/real/final-decision.ts";
import { finalAnswersOf, releaseFinalAuthStep, type FinalAnswers } from "./final-table.ts";
import { authAnswersOf, releaseAuthStep, type AuthAnswers } from "./auth-table.ts";

/** Per class, how many concrete spellings each run draws (addresses, and requests built around them). */
export const SPELLINGS_PER_CLASS = 10;

/** What one layer's run leaves behind, as JSON (derived tables are cached per release). */
export interface StoredLayer {
  agreement: Agreement[];
  /** per function the release has: its export and how many inputs it answered. */
  sliced: Record<string, { real: string; cells: number }>;
  /** policy functions and the origin helpers: the release's answer per input key. */
  tables?: Record<string, Record<string, unknown>>;
  /** locality: the release's own view of every abstract connection. */
  observations?: Record<string, RealLocalityObservation | { error: string }>;
  /** glue: the Origin check's sliced call-site guard (before 9.2) on every input. */
  originGuard?: OriginGuardTable;
  /** auth and connect-auth state: the release's answers on the auth cells a connect stands for, which the auth step composes. */
  authAnswers?: AuthAnswers;
  /** final auth: resolveConnectAuthDecision's answer on every final-auth input, which the final-auth step composes. */
  finalAnswers?: FinalAnswers;
}

function stored(layer: Layer, runs: readonly FunctionRun[], version: string): StoredLayer {
  const sliced: StoredLayer["sliced"] = {};
  for (const run of runs) if (run.adapter) sliced[run.fn.function] = { real: run.adapter.real, cells: run.inputs.length };
  const out: StoredLayer = { agreement: runs.map((r) => r.agreement), sliced };
  // the policy functions, and the glue the handshake composes like one (the pairing request's silent-or-not)
  if (layer.id === "policy" || layer.id === GLUE_LAYER.id) {
    out.tables = {};
    for (const run of runs) if (run.answers && policySlotOf(run.fn.function)) out.tables[run.fn.function] = answerTable(run, version);
  }
  // and the Origin check's inline call-site guard, which the origin step composes as its condition
  const guard = layer.id === GLUE_LAYER.id ? runs.find((r) => r.fn.function === ORIGIN_GUARD.function) : undefined;
  const guardTable = guard && originGuardTable(guard);
  if (guardTable) out.originGuard = guardTable;
  if (layer.id === LOCALITY_LAYER.id) out.observations = observationsOf(runs);
  const auth = AUTH_FUNCTION_OF[layer.id];
  const authAnswers = auth && authAnswersOf(runs.find((r) => r.fn.function === auth));
  if (authAnswers) out.authAnswers = authAnswers;
  const finalAnswers = layer.id === FINAL_AUTH_LAYER.id ? finalAnswersOf(runs.find((r) => r.fn.function === FINAL_DECISION.function)) : undefined;
  if (finalAnswers) out.finalAnswers = finalAnswers;
  if (layer.id === ORIGIN_LAYER.id) out.tables = originTables(runs);
  return out;
}

/** The auth function each auth layer's table keeps. */
const AUTH_FUNCTION_OF: Record<string, string> = { [AUTH_LAYER.id]: AUTHORIZE.function, [CONNECT_STATE_LAYER.id]: CONNECT_STATE.function };

/** A policy function's (or the glue's standing in for one) answers from one run, by the key of its input in the function's domain. */
export function answerTable(run: FunctionRun, version: string): Record<string, unknown> {
  const domain = policyDomain(policySlotOf(run.fn.function)!, version);
  const table: Record<string, unknown> = {};
  run.answers?.forEach((a, i) => (table[domain.key(run.inputs[i]!)] = a.ok ? a.value : { error: a.error }));
  return table;
}

export interface ReleaseOptions {
  kind: ImplKind;
  /** where the code came from, for the title: `openclaw 2026.9.6 from npm`, `checkout /src/openclaw`. */
  origin: string;
  /** seed of the random spellings the locality layer adds on this run; none when undefined. */
  seed?: number;
}

/**
 * A release as an implementation: every layer's differential on the one handle (each derived
 * table cached per release), the policy functions' tables composed with the era's handshake
 * glue, the release's own locality as the observer. Closes the handle when done; the result is
 * complete and never changes afterwards.
 */
export async function releaseImplementation(release: Release, opts: ReleaseOptions): Promise<Implementation> {
  try {
    const version = release.version;
    const model = modelAt(eraOf(version), version);
    const layers: Record<string, StoredLayer> = {};
    for (const layer of LAYERS) {
      layers[layer.id] = await derivedFromRelease<StoredLayer>(layer.id, release.integrity, LAYER_SOURCES[layer.id]!, async () => stored(layer, await runLayer(layer, release), version));
    }
    // a seed's spellings are a pure function of the seed, the release and these sources: cached like a layer
    const seed = opts.seed;
    const random = seed === undefined ? [] : await derivedFromRelease(`random-spellings-${seed}`, release.integrity, RANDOM_SOURCES, () => randomSpellings(release, seed));
    const agreement = mergeAgreements(LAYERS.flatMap((l) => layers[l.id]!.agreement), random);
    // the release's own pairing-locality code on every concrete request the topologies give (ground truth)
    const pairing = await derivedFromRelease("pairing-ground-truth", release.integrity, PAIRING_TRUTH_SOURCES, () => pairingTruthTable(release));
    // and its own hasProxyHeaders glue on each of those requests, which the ground truth hands that code
    const proxy = await derivedFromRelease("proxy-headers-ground-truth", release.integrity, PROXY_TRUTH_SOURCES, () => proxyHeadersTable(release));
    return assemble(release, model, layers, agreement, opts, { pairing, proxy });
  } finally {
    await release.close();
  }
}

const RANDOM_SOURCES = ["differential", "locality", "impl/release"] as const;
const PAIRING_TRUTH_SOURCES = ["differential", "domain", "locality", "pairing-locality"] as const;
const PROXY_TRUTH_SOURCES = ["differential", "glue", "locality", "pairing-locality", "release/slice", "impl/release"] as const;

/** The seeded part of the locality differential: spellings of every address class drawn from the seed. */
async function randomSpellings(release: Release, seed: number): Promise<Agreement[]> {
  const addresses = randomAddresses(seed, SPELLINGS_PER_CLASS);
  const requests = randomRequests(seed, SPELLINGS_PER_CLASS);
  const out: Agreement[] = [];
  for (const fn of LOCALITY_LAYER.functions) {
    const run = await runFunction(fn, release, fn.function === "isLoopbackAddress" ? addresses : requests);
    if (run.adapter) out.push({ ...run.agreement, note: `random spellings, seed ${seed}` });
  }
  return out;
}

/** What the pairing ground truth reads of the release: its pairing-locality code and its hasProxyHeaders glue, on the topologies' requests. */
interface GroundTruthTables {
  pairing: PairingTruthTable;
  proxy: ProxyHeadersTable;
}

function assemble(release: Release, model: ModelAt, layers: Record<string, StoredLayer>, agreement: Agreement[], opts: ReleaseOptions, truth: GroundTruthTables): Implementation {
  const version = release.version;
  const tables = policyTablesOf(layers, version);
  const hits = new Map<string, number>();
  const functions = mixedFunctions(model, tables, release.ref);
  const origin = originStepOf(release, model, layers);
  const auth = authStepOf(release, layers);
  const final = finalAuthStepOf(release, layers);
  // where the release's own auth (final auth) answers the step, the model's auth (final-auth) list no longer runs
  const replaced = new Set([...Object.keys(tables).flatMap((fn) => LIST_OF[fn as PolicyFunctionName] ?? []), ...(auth ? ["auth"] : []), ...(final ? ["finalAuth"] : [])]);
  const glueRules = tables.pairingGlue ? pairingRequestRules(model) : new Set<string>();
  const rules = coverageRules(model).filter((r) => !replaced.has(listKey(model, r.list)) && !glueRules.has(r.id));
  // the release's own gate answering allow is what justifies a device-less admit (default-deny)
  if (tables.evaluateMissingDeviceIdentity) rules.push({ id: "openclaw:evaluateMissingDeviceIdentity=allow", list: "evaluateMissingDeviceIdentity (release)", admits: true });
  // likewise its own pairing glue answering silent justifies a silent pairing
  if (tables.pairingGlue) rules.push({ id: `openclaw:${tables.pairingGlue.real}=true`, list: "pairingGlue (release)", admits: true });
  const locality = layers.locality!;
  const observe = observerOf(release.ref, locality.observations ?? {});
  const decider = locality.sliced.ingressAttribution ? "ingress attribution" : "isLocalDirectRequest";
  const guardTable = layers[GLUE_LAYER.id]?.originGuard;
  const summaries: LayerSummary[] = Object.values(layers).map((l) => ({ sliced: l.sliced, agreement: l.agreement }));
  const sliced = Object.values(layers).flatMap((l) => Object.values(l.sliced).map((s) => s.real));
  return Object.freeze({
    ref: release.ref,
    kind: opts.kind,
    version,
    era: model.id,
    title: `${opts.origin} (${release.decider}; handshake glue from the ${model.id} model at ${version})`,
    decide: (cell: Cell) => runHandshake(cell, model, functions, (id) => hits.set(id, (hits.get(id) ?? 0) + 1), origin, auth?.step, final?.step),
    coverage: { rules, hits },
    agreement,
    imports: release.imports,
    integrity: release.integrity,
    provenance: provenanceOf(release, model, summaries, guardTable && { readsAnyClientFlag: guardReadsAnyClientFlag(guardTable) }, auth?.sources, final && { real: final.real, cells: final.cells }),
    // a connect whose auth cell neither auth table holds is unchecked, never the model's (asked only when some are missing: a lookup per cell otherwise)
    ...(auth?.sources.missing ? { unrealised: auth.unrealised } : {}),
    observePairing: pairingTruthObserver(truth.pairing),
    // the ground truth asks the glue outside any handshake: its own set of functions, so no cell's hit counter hears it
    handshakeGlue: {
      hasProxyHeaders: proxyHeadersOf(truth.proxy, modelHandshakeGlue(version, modelFunctions(model)).hasProxyHeaders),
      pairingSilent: mixedFunctions(model, tables, release.ref)(() => {}).pairingGlue,
    },
    observeLocality: (cell: LocalityCell): Observation => {
      const seen = observe(cell);
      return { ...seen, trail: [`openclaw:${decider}=${seen.ingressKind ?? seen.isLocalClient}`] };
    },
    notes: [
      // one request per abstract connection: counted, not built (building them all just to count them cost a tenth of a warm check)
      `locality: the release's own functions (${decider} on ${localityCells().length} connections)`,
      `integrity ${release.integrity}`,
      `sliced: ${[...new Set(sliced)].join(", ") || "none"}`,
      `imports pulled in: ${[...release.imports.node, ...release.imports.bare].join(", ") || "none"}`,
    ],
  });
}

/**
 * The release's tables the handshake asks in place of the model's policy functions: the policy
 * layer's, the pairing glue's, and the inline glue standing in for a function the release keeps
 * inline (the scope clearing before 3.31), under that function's name. A function of its own wins
 * over glue answering for it (no release has both: the glue's adapters end where the function begins).
 */
export function policyTablesOf(layers: Record<string, Pick<StoredLayer, "tables" | "sliced">>, version: string): Partial<Record<PolicyFunctionName, PolicyTable>> {
  const tables: Partial<Record<PolicyFunctionName, PolicyTable>> = {};
  for (const layer of [layers.policy, layers[GLUE_LAYER.id]].filter((l) => l !== undefined)) {
    for (const [fn, answers] of Object.entries(layer.tables ?? {})) {
      const name = policySlotOf(fn)!;
      tables[name] ??= { real: layer.sliced[fn]!.real, answers, domain: policyDomain(name, version) };
    }
  }
  return tables;
}

/**
 * The origin step's helpers: the release's own where it has them (checkBrowserOrigin in every
 * release, the browser security context from 2.25, resolveGatewayWsBrowserOrigin from 9.2), and
 * before 9.2 the call site's guard is its sliced inline guard, so its own code decides whether
 * the Origin is checked at all. Only where neither is sliced does the model's condition stand in.
 */
export function originStepOf(release: Pick<Release, "ref">, model: ModelAt, layers: Record<string, Pick<StoredLayer, "tables" | "originGuard">>) {
  const tables = layers[ORIGIN_LAYER.id]?.tables ?? {};
  const helpers = releaseOriginHelpers(tables, model, release.ref);
  const guard = layers[GLUE_LAYER.id]?.originGuard;
  return guard && !(APPLIES_FN in tables) ? withOriginGuard(helpers, releaseOriginGuard(guard, release.ref)) : helpers;
}

/**
 * The auth step: the release's own auth functions as the auth layers kept them (resolveConnectAuthState
 * where it has it, authorizeGatewayConnect's outcomes elsewhere); undefined, so the model's stage
 * stands in, only where the release has neither sliced.
 */
export function authStepOf(release: Pick<Release, "ref" | "version">, layers: Record<string, Pick<StoredLayer, "authAnswers">>) {
  return releaseAuthStep({ state: layers[CONNECT_STATE_LAYER.id]?.authAnswers, authorize: layers[AUTH_LAYER.id]?.authAnswers }, release.version, release.ref);
}

/**
 * The final-auth step: the release's own resolveConnectAuthDecision (2.22+) as the final-auth layer
 * kept it; undefined, so the model's list stands in, where the release does not have it sliced.
 */
export function finalAuthStepOf(release: Pick<Release, "ref" | "version">, layers: Record<string, Pick<StoredLayer, "finalAnswers">>) {
  const table = layers[FINAL_AUTH_LAYER.id]?.finalAnswers;
  return table && { real: table.real, ...releaseFinalAuthStep(table, release.version, release.ref) };
}

/**
 * The model rules a release's pairing glue stands in for: the pairing list's rules that settle a
 * pairing request (silent or required), and, where the helper is inline, the silent-pairing list
 * the glue computes itself. The skips and the paired state still run as the model's.
 */
function pairingRequestRules(model: ModelAt): Set<string> {
  const request = model.pairing.rules.filter((r) => r.then === "silent" || r.then === "required").map((r) => r.id);
  const helper = silentPairingInline(model.version) ? model.silentPairing.rules.map((r) => r.id) : [];
  return new Set([...request, ...helper]);
}

/** The model list each policy function replaces, so coverage is judged only on the model glue that still runs (the pairing glue: some of a list's rules, above). */
const LIST_OF: Partial<Record<PolicyFunctionName, string>> = {
  resolveControlUiAuthPolicy: "controlUiPolicy", evaluateMissingDeviceIdentity: "gate", roleCanSkipDeviceIdentity: "roleSkip",
  isTrustedProxyControlUiOperatorAuth: "trustedProxy", shouldClearUnboundScopes: "scopes", shouldSkipControlUiPairing: "controlUiPairing",
  shouldSkipBackendSelfPairing: "backendPairing", shouldAllowSilentLocalPairing: "silentPairing",
};

function listKey(model: ModelAt, listName: string): string {
  const entry = Object.entries(model).find(([, v]) => typeof v === "object" && v !== null && (v as { name?: string }).name === listName);
  return entry?.[0] ?? listName;
}
