import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { ModelAt } from "./model-at.ts";
import type { AuthMethod, GateKind, GatewayAuthMode, PairingLocality, PairingReason, PolicyFunctions } from "./policy-functions.ts";
import { decide, type HitCounter } from "./rule.ts";
import { modelOriginHelpers, originStepInput, type OriginHelpers } from "./origin-step.ts";
import type { AuthFacts } from "./stage-types.ts";

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

/**
 * One connect through the handshake, in OpenClaw's order: origin check → auth → device gate and
 * scope clearing → final auth → pairing. The glue is the model's; the policy functions and the
 * origin step's helpers may be the model's or a release's, which is what lets the same properties
 * run on both.
 */
export function runHandshake(
  cell: Cell, model: ModelAt, functions: (hit: HitCounter) => PolicyFunctions, hit: HitCounter,
  origin: (hit: HitCounter) => OriginHelpers = (h) => modelOriginHelpers(model, h),
): Verdict {
  const rules: string[] = [];
  const track: HitCounter = (id) => {
    rules.push(id);
    hit(id);
  };
  const fns = functions(track);
  if (decide(model.origin, originStepInput(cell, origin(track)), track).value === "reject") return reject("origin-not-allowed", rules);
  const facts = connectFacts(cell, model, fns, track);
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

  const final = decide(model.finalAuth, {
    role: cell.role, authOk: facts.auth.ok, method: facts.auth.method, hasDevice: facts.hasDevice, credential: cell.credential,
    deviceToken: cell.credential === "device-token" || cell.withDeviceToken,
  }, track).value;
  if (final === "unauthorized") return reject("unauthorized", rules);
  const method = final === "auth-ok" ? facts.auth.method : final;

  // the release's own answer for this pairing's reason: a first pairing, or the upgrade the paired device asks for
  const localSilentOk = (reason: PairingReason) => fns.shouldAllowSilentLocalPairing({
    locality: facts.locality, hasBrowserOriginHeader: facts.hasOrigin, isControlUi: facts.isControlUi, isWebchat: cell.client === "webchat", authMethod: method, reason,
  });
  const pairing = decide(model.pairing, {
    hasDevice: facts.hasDevice,
    controlUiSkip: facts.hasDevice && fns.shouldSkipControlUiPairing({
      isControlUi: facts.isControlUi, role: cell.role, allowBypass: facts.allowBypass, sharedAuthOk: facts.auth.sharedAuthOk,
      trustedProxyAuthOk: facts.trustedProxyAuthOk, authMode: facts.mode, authMethod: method, hasDevice: facts.hasDevice,
    }),
    backendSkip: facts.hasDevice && backend(method),
    paired: cell.device === "paired",
    silent: facts.hasDevice && cell.device === "unpaired" && localSilentOk("not-paired"),
    upgrade: cell.upgrade,
    approvedRole: cell.upgrade === "role" ? (cell.role === "operator" ? "node" : "operator") : cell.role,
    localSilentOk: facts.hasDevice && cell.upgrade !== "none" && localSilentOk(cell.upgrade === "role" ? "role-upgrade" : "scope-upgrade"),
    isLocalClient: facts.isLocalClient,
    method,
  }, track).value;
  if (pairing === "required") return reject("pairing-required", rules, pairing);
  return { outcome: "admit", reason: "ok", scopes, pairing, rules };
}

function connectFacts(cell: Cell, model: ModelAt, fns: PolicyFunctions, track: HitCounter): ConnectFacts {
  const auth = decide(model.auth, cell, track).value;
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
