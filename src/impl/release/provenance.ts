import type { Agreement } from "../../differential/agreement.ts";
import type { Release } from "../../differential/release.ts";
import type { ModelAt } from "../../model/model-at.ts";
import { HANDSHAKE_STEPS, type HandshakeStep, type StepProvenance } from "../implementation.ts";
import type { AuthStepSources } from "./auth-table.ts";
import { glueFor } from "./glue-tables.ts";
import { FINAL_AUTH } from "../../model/auth-rules.ts";

/** What a layer left for provenance: which functions the release answered for, and the agreements. */
export interface LayerSummary {
  sliced: Record<string, { real: string; cells: number }>;
  agreement: readonly Agreement[];
}

/** Steps the handshake takes from the model's glue: no OpenClaw export decides them on its own. */
const GLUE: Partial<Record<HandshakeStep, string>> = {
  pairing: "pairing decision",
};

/** What decided the final-auth step where the release's resolveConnectAuthDecision did: its export and how many inputs its table holds. */
export interface FinalAuthSource {
  real: string;
  cells: number;
}

/**
 * Every handshake step of a release and what decided it: its own sliced (or transpiled) function
 * with the number of inputs it answered, or the model, saying why the model stands in there.
 */
export function provenanceOf(release: Release, model: ModelAt, layers: readonly LayerSummary[], guard?: OriginGuardFacts, auth?: AuthStepSources, final?: FinalAuthSource): StepProvenance[] {
  const sliced = Object.assign({}, ...layers.map((l) => l.sliced)) as LayerSummary["sliced"];
  const agreement = layers.flatMap((l) => l.agreement);
  const real = (fn: string) => sliced[fn];
  const at = `${model.id} model at ${release.version}`;
  return HANDSHAKE_STEPS.map((step): StepProvenance => {
    if (step === "locality") {
      const fn = real("ingressAttribution") ? "ingressAttribution" : "isLocalDirectRequest";
      const s = real(fn)!;
      return { step, decidedBy: release.decider, detail: `${s.real} on ${s.cells} connections` };
    }
    if (step === "origin") return originProvenance(release, at, real, agreement, guard);
    if (step === "auth") return authProvenance(release, at, auth, agreement);
    if (step === "finalAuth" && final) {
      return { step, decidedBy: release.decider, detail: `the release's sliced ${final.real} on ${final.cells} inputs; its token-verifier callbacks are answered by the model's verifier rules (whether a device token covers the role and scopes asked for is the ${FINAL_AUTH.name} list's verifier rules; a bootstrap token the domain sends is a valid one)` };
    }
    if (step === "finalAuth") {
      const why = agreement.find((a) => a.function === "resolveConnectAuthDecision")?.note ?? "not in this release";
      return { step, decidedBy: "model", detail: `${at} (final auth: handshake glue the model stands in for; resolveConnectAuthDecision: ${why})` };
    }
    const glue = GLUE[step];
    // a pairing request's silent-or-not is the handler's inline glue, sliced statement-wise and tabulated like a policy function
    const sliced = step === "pairing" ? real("pairingGlue") : undefined;
    if (sliced) {
      return { step, decidedBy: release.decider, detail: `whether a pairing request is silent: the release's sliced ${sliced.real} on ${sliced.cells} inputs (the skips and the paired state: ${at})` };
    }
    if (step === "pairing") return { step, decidedBy: "model", detail: `${at} (${glue}: handshake glue; the release has no sliced pairing glue, the model's stands in)` };
    if (glue) return { step, decidedBy: "model", detail: `${at} (${glue}: handshake glue, no function of its own)` };
    const s = real(step);
    if (s) return { step, decidedBy: release.decider, detail: `${s.real} on ${s.cells} inputs` };
    const why = (fn: string) => agreement.find((a) => a.function === fn)?.note ?? "not in this release";
    // where the release keeps the decision inline, its sliced glue answers in the function's place (tabulated on the function's domain)
    const inline = glueFor(step);
    const g = inline && real(inline);
    if (g) return { step, decidedBy: release.decider, detail: `the release's sliced inline ${g.real} (${inline}, cut from the connect handler, where it has no ${step} of its own) on ${g.cells} inputs` };
    return { step, decidedBy: "model", detail: `${at}: ${why(step)}${inline ? `; ${inline}: ${why(inline)}` : ""}` };
  });
}

const ORIGIN_HELPERS = ["resolveHandshakeBrowserSecurityContext", "resolveGatewayWsBrowserOrigin", "checkBrowserOrigin"] as const;
const [CONTEXT, APPLIES, CHECK] = ORIGIN_HELPERS;
const GUARD = "originGuard";

/** What provenance needs of the release's sliced call-site guard (before 9.2): whether its answer depends on the any-client flag. */
export interface OriginGuardFacts {
  readsAnyClientFlag: boolean;
}

/**
 * The origin step chains three helpers. From 9.2 the release has all of them as functions. Before,
 * the call site's condition is the handler's inline guard, which the handshake composes from the
 * release's own slice of it: the release's code decides the step where that guard, checkBrowserOrigin
 * and (where the guard reads the any-client flag) the browser security context are all sliced. Where
 * one is missing the model stands in for it and the step says so, with why.
 */
function originProvenance(
  release: Release, at: string, real: (fn: string) => { real: string; cells: number } | undefined, agreement: readonly Agreement[], guard: OriginGuardFacts | undefined,
): StepProvenance {
  const on = (fn: string) => `${real(fn)!.real} on ${real(fn)!.cells} inputs`;
  const have = ORIGIN_HELPERS.filter((fn) => real(fn));
  const parts = have.map(on).join(", ");
  if (have.length === ORIGIN_HELPERS.length) return { step: "origin", decidedBy: release.decider, detail: parts };
  const sliced = real(GUARD) && guard ? on(GUARD) : undefined;
  const contextNeeded = guard?.readsAnyClientFlag !== false;
  if (sliced && real(CHECK) && (real(CONTEXT) || !contextNeeded)) {
    const noContext = real(CONTEXT) ? "" : `; no browser security context in ${release.version}, and its guard reads no any-client flag (the same answer either way for every client), so none is needed`;
    return { step: "origin", decidedBy: release.decider, detail: `the call site's condition: the release's sliced ${sliced} (its inline guard), composing its ${parts}${noContext}` };
  }
  const note = (fn: string) => agreement.find((a) => a.function === fn)?.note ?? "not in this release";
  const condition = sliced ? `the call site's condition: the release's sliced ${sliced}` : `the call site's condition is inline glue the model stands in for (${note(GUARD)})`;
  const why = [
    ...(real(APPLIES) ? [] : [condition]),
    ...(real(CHECK) ? [] : [`${CHECK}: ${note(CHECK)}`]),
    ...(real(CONTEXT) || !contextNeeded ? [] : [`${CONTEXT}: ${note(CONTEXT)}`]),
  ].join("; ");
  return { step: "origin", decidedBy: "model", detail: parts ? `${at} (${why}), composing the release's ${parts}` : `${at} (${why})` };
}

/**
 * The auth step: the release's own resolveConnectAuthState at each connect's auth cell where it
 * has it; where it has only authorizeGatewayConnect (before 2.22, and on the Tailscale-serve cells
 * resolveConnectAuthState is not driven on), that function's outcomes with authMethod and
 * sharedAuthOk derived by the model's resolveConnectAuthState rules; the model only where neither
 * is sliced.
 */
function authProvenance(release: Release, at: string, auth: AuthStepSources | undefined, agreement: readonly Agreement[]): StepProvenance {
  const note = (fn: string) => agreement.find((a) => a.function === fn)?.note ?? "not in this release";
  if (!auth) return { step: "auth", decidedBy: "model", detail: `${at} (authorizeGatewayConnect: ${note("authorizeGatewayConnect")})` };
  const { state, authorize, missing } = auth;
  const derived = (cells: string) =>
    `sliced ${authorize!.real}'s outcomes on ${cells} (full, and shared-secret-only where a secret is sent), with authMethod and sharedAuthOk derived from them by the model's resolveConnectAuthState rules (${at})`;
  const parts = [
    ...(state ? [`the release's sliced ${state.real} on ${state.cells} auth cells (its facts at each connect's auth cell)`] : []),
    ...(authorize && state ? [`its ${derived(`the ${authorize.cells} Tailscale-serve auth cells ${state.real} is not driven on`)}`] : []),
    ...(authorize && !state ? [`the release's ${derived(`${authorize.cells} auth cells`)}`, `resolveConnectAuthState: ${note("resolveConnectAuthState")}`] : []),
    ...(missing ? [`${missing} auth cells not tabulated: cannot check`] : []),
  ];
  return { step: "auth", decidedBy: release.decider, detail: parts.join("; ") };
}
