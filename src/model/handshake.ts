import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { ModelAt } from "./model-at.ts";
import type { AuthMethod, GateKind, GatewayAuthMode, PairingLocality, PairingReason, PolicyFunctions } from "./policy-functions.ts";
import { OPERATOR_SHARED_AUTH_SKIP, PAIRING_REASONS_OF } from "./pairing-helper-rules.ts";
import { decide, rulesAt, type HitCounter } from "./rule.ts";
import { silentPairingInline } from "./pairing-glue.ts";
import { modelOriginHelpers, originStepInput, type OriginHelpers } from "./origin-step.ts";
import type { AuthFacts, FinalAuth, FinalAuthInput } from "./stage-types.ts";

const REJECT_REASON: Record<Exclude<GateKind, "allow">, Verdict["reason"]> = {
  "reject-control-ui-insecure-auth": "control-ui-insecure-auth",
  "reject-unauthorized": "unauthorized",
  "reject-device-required": "device-required",
};

const reject = (reason: Verdict["reason"], rules: string[], pairing: Verdict["pairing"] = "no-device"): Verdict =>
  ({ outcome: "reject", reason, scopes: "cleared", pairing, rules });

/** What the handshake knows about a connect once auth and the Control UI policy have run. */
interface ConnectFacts {
  cell: Cell;
  auth: AuthFacts;
  /** Tailscale is token mode with allowTailscale; the functions see OpenClaw's own mode names. */
  mode: GatewayAuthMode;
  isControlUi: boolean;
  allowBypass: boolean;
  allowInsecureAuthConfigured: boolean;
  /** false when no device was sent, or the Control UI bypass made the gateway ignore it. */
  hasDevice: boolean;
  isLocalClient: boolean;
  locality: PairingLocality;
  hasOrigin: boolean;
  trustedProxyAuthOk: boolean;
}

/** The auth step's answer for a connect (resolveConnectAuthState's facts), reporting what decided it to the counter. */
export type AuthStep = (cell: Cell, hit: HitCounter) => AuthFacts;

/** The model's own auth stage as the auth step. */
export const modelAuthStep = (model: ModelAt): AuthStep => (cell, hit) => decide(model.auth, cell, hit).value;

/** The final-auth step's answer (resolveConnectAuthDecision's, in the model's words), reporting what decided it to the counter. */
export type FinalAuthStep = (input: FinalAuthInput, hit: HitCounter) => FinalAuth;

/** The model's own final-auth list as the final-auth step. */
export const modelFinalAuthStep = (model: ModelAt): FinalAuthStep => (input, hit) => decide(model.finalAuth, input, hit).value;

/**
 * One connect through the handshake, in OpenClaw's order: origin check → auth → device gate and
 * scope clearing → final auth → pairing. The glue is the model's; the policy functions, the
 * origin step's helpers (the call site's guard among them, inline before 9.2), the auth step and
 * the final-auth step may be the model's or a release's, which is what lets the same properties run on both.
 */
export function runHandshake(
  cell: Cell, model: ModelAt, functions: (hit: HitCounter) => PolicyFunctions, hit: HitCounter,
  origin: (hit: HitCounter) => OriginHelpers = (h) => modelOriginHelpers(model, h),
  auth: AuthStep = modelAuthStep(model),
  finalAuth: FinalAuthStep = modelFinalAuthStep(model),
): Verdict {
  const rules: string[] = [];
  const track: HitCounter = (id) => {
    rules.push(id);
    hit(id);
  };
  const fns = functions(track);
  if (decide(model.origin, originStepInput(cell, origin(track)), track).value === "reject") return reject("origin-not-allowed", rules);
  const facts = connectFacts(cell, auth(cell, track), fns);
  const backend = (authMethod: AuthMethod) =>
    fns.shouldSkipBackendSelfPairing({
      isBackendClient: cell.client === "backend", locality: facts.locality, hasBrowserOriginHeader: facts.hasOrigin, sharedAuthOk: facts.auth.sharedAuthOk, authMethod,
    });
  const localBackendSelfPairingOk = model.shape.backendSkipFeedsGate && backend(facts.auth.method);

  const kind = fns.evaluateMissingDeviceIdentity({
    hasDeviceIdentity: facts.hasDevice, role: cell.role, isControlUi: facts.isControlUi, allowInsecureAuthConfigured: facts.allowInsecureAuthConfigured,
    allowBypass: facts.allowBypass, isLocalClient: facts.isLocalClient, sharedAuthOk: facts.auth.sharedAuthOk, authOk: facts.auth.ok,
    hasSharedAuth: cell.credential === "secret-ok" || cell.credential === "secret-wrong", trustedProxyAuthOk: facts.trustedProxyAuthOk, localBackendSelfPairingOk,
  });
  // scopes are settled before the gate's verdict is acted on, as upstream does
  const scopes = facts.hasDevice ? "kept" : unboundScopes(facts, kind, localBackendSelfPairingOk, model, fns, track);
  if (kind !== "allow") return reject(REJECT_REASON[kind], rules);

  const final = finalAuth({
    role: cell.role, authOk: facts.auth.ok, method: facts.auth.method, hasDevice: facts.hasDevice, credential: cell.credential,
    deviceToken: cell.credential === "device-token" || cell.withDeviceToken, upgrade: cell.upgrade,
  }, track);
  if (final === "unauthorized") return reject("unauthorized", rules);
  const method = final === "auth-ok" ? facts.auth.method : final;

  const pairing = pairingStep(cell, model, fns, facts, method, backend, track);
  if (pairing === "required") return reject("pairing-required", rules, pairing);
  return { outcome: "admit", reason: "ok", scopes, pairing, rules };
}

/** Pairing outcomes the step settles before the pairing request is made: no device, a skip, or already paired for what it asks. */
const SETTLED_BEFORE_REQUEST: ReadonlySet<Verdict["pairing"]> = new Set(["no-device", "skipped", "paired"]);

/**
 * The pairing step: the model's list settles the skips and the paired state; whether a pairing
 * request is then approved silently is the pairing glue's (a policy function like the others, so a
 * release's own sliced glue answers it where the release has it). The glue reads the silent-pairing
 * helper's answer for the request's reason, or, where the release computes that inline (before
 * 2.25), isLocalClient and whether a client other than the Control UI or WebChat sent an Origin.
 */
function pairingStep(
  cell: Cell, model: ModelAt, fns: PolicyFunctions, facts: ConnectFacts, method: AuthMethod, backend: (m: AuthMethod) => boolean, track: HitCounter,
): Verdict["pairing"] {
  const controlUiSkip = facts.hasDevice && fns.shouldSkipControlUiPairing({
    isControlUi: facts.isControlUi, role: cell.role, allowBypass: facts.allowBypass, sharedAuthOk: facts.auth.sharedAuthOk,
    trustedProxyAuthOk: facts.trustedProxyAuthOk, authMode: facts.mode, authMethod: method, hasDevice: facts.hasDevice,
  });
  const settled = decide(model.pairing, {
    hasDevice: facts.hasDevice, controlUiSkip, backendSkip: facts.hasDevice && backend(method), paired: cell.device === "paired", upgrade: cell.upgrade,
    approvedRole: cell.upgrade === "role" ? (cell.role === "operator" ? "node" : "operator") : cell.role,
    // the request's silent-or-not is the glue's below: a list rule reading these settles no request
    silent: false, localSilentOk: false, isLocalClient: facts.isLocalClient, method,
    operatorSharedAuthSkip: facts.hasDevice && decide(rulesAt(OPERATOR_SHARED_AUTH_SKIP, model.version), {
      role: cell.role, sharedAuthOk: facts.auth.sharedAuthOk, browserUi: facts.isControlUi || cell.client === "webchat",
    }).value,
  });
  if (SETTLED_BEFORE_REQUEST.has(settled.value)) {
    track(settled.rule);
    return settled.value;
  }
  // one connect may ask several things in turn (a node asking to be an operator: the role, then operator scopes); it is silent only if each is
  const reasons = decide(PAIRING_REASONS_OF, { paired: cell.device === "paired", upgrade: cell.upgrade, requestedRole: cell.role }).value;
  const inline = silentPairingInline(model.version);
  const origin = inline && facts.hasOrigin && !facts.isControlUi && cell.client !== "webchat";
  const silent = (reason: PairingReason) => fns.pairingGlue({ reason, paired: cell.device === "paired", role: cell.role, origin,
    silentOk: inline ? facts.isLocalClient : fns.shouldAllowSilentLocalPairing({
      // the real Control UI connects in mode webchat (src/domain/client-wire.ts), so the gateway's isWebchatConnect is true for it too
      locality: facts.locality, hasBrowserOriginHeader: facts.hasOrigin, isControlUi: facts.isControlUi, isWebchat: cell.client === "webchat" || cell.client === "control-ui", authMethod: method, reason,
    }) });
  return reasons.every(silent) ? "silent" : "required";
}

function connectFacts(cell: Cell, auth: AuthFacts, fns: PolicyFunctions): ConnectFacts {
  const isControlUi = cell.client === "control-ui";
  const mode: GatewayAuthMode = cell.authMode === "tailscale" ? "token" : cell.authMode;
  const policy = fns.resolveControlUiAuthPolicy({
    isControlUi, allowInsecureAuth: cell.allowInsecureAuth, dangerouslyDisableDeviceAuth: cell.dangerouslyDisableDeviceAuth, hasDevice: cell.device !== "none",
  });
  const isLocalClient = cell.locality === "local";
  return {
    cell, auth, mode, isControlUi, isLocalClient,
    allowBypass: policy.allowBypass,
    allowInsecureAuthConfigured: policy.allowInsecureAuthConfigured,
    hasDevice: policy.keepsDevice,
    locality: isLocalClient ? "direct_local" : "remote",
    hasOrigin: cell.origin !== "none",
    trustedProxyAuthOk: fns.isTrustedProxyControlUiOperatorAuth({ isControlUi, role: cell.role, authMode: mode, authOk: auth.ok, authMethod: auth.method }),
  };
}

/** Whether a device-less connect keeps the scopes it asked for: the function's answer, then the caller's exemptions. */
function unboundScopes(facts: ConnectFacts, kind: GateKind, localBackendSelfPairingOk: boolean, model: ModelAt, fns: PolicyFunctions, track: HitCounter): Verdict["scopes"] {
  const { auth, cell } = facts;
  const clear = fns.shouldClearUnboundScopes({
    decision: kind, allowBypass: facts.allowBypass, isControlUi: facts.isControlUi, sharedAuthOk: auth.sharedAuthOk, authMethod: auth.method,
    trustedProxyAuthOk: facts.trustedProxyAuthOk, preserveInsecureLocalControlUiScopes: facts.allowInsecureAuthConfigured && facts.isLocalClient,
  });
  const isLocalCliSharedSecret =
    cell.client === "cli" && facts.isLocalClient && !facts.hasOrigin && auth.sharedAuthOk && (auth.method === "token" || auth.method === "password");
  return decide(model.scopeExemptions, { clear, localBackendSelfPairingOk, isLocalCliSharedSecret }, track).value ? "cleared" : "kept";
}
