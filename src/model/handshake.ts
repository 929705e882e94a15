import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { ModelAt } from "./model-at.ts";
import type { GateKind, GatewayAuthMode, PairingLocality, PolicyFunctions } from "./policy-functions.ts";
import { decide, type HitCounter } from "./rule.ts";

const REJECT_REASON: Record<Exclude<GateKind, "allow">, Verdict["reason"]> = {
  "reject-control-ui-insecure-auth": "control-ui-insecure-auth",
  "reject-unauthorized": "unauthorized",
  "reject-device-required": "device-required",
};

const SHARED_SECRET_METHODS: readonly string[] = ["token", "password"];

/** Tailscale is token mode with allowTailscale; the functions see OpenClaw's own mode names. */
const gatewayMode = (cell: Cell): GatewayAuthMode => (cell.authMode === "tailscale" ? "token" : cell.authMode);

/**
 * One connect through the handshake, in OpenClaw's order: origin check → auth → device gate and scope clearing →
 * final auth → pairing. The glue is the model's; the policy functions may be the model's or a
 * release's, which is what lets the same properties run on both.
 */
export function runHandshake(cell: Cell, model: ModelAt, functions: (hit: HitCounter) => PolicyFunctions, hit: HitCounter): Verdict {
  const rules: string[] = [];
  const track: HitCounter = (id) => {
    rules.push(id);
    hit(id);
  };
  const fns = functions(track);
  const shape = model.shape;
  if (decide(model.origin, cell, track).value === "reject") {
    return { outcome: "reject", reason: "origin-not-allowed", scopes: "cleared", pairing: "no-device", rules };
  }
  const auth = decide(model.auth, cell, track).value;
  const isControlUi = cell.client === "control-ui";
  const policy = fns.resolveControlUiAuthPolicy({
    isControlUi, allowInsecureAuth: cell.allowInsecureAuth, dangerouslyDisableDeviceAuth: cell.dangerouslyDisableDeviceAuth, hasDevice: cell.device !== "none",
  });
  const { allowBypass, allowInsecureAuthConfigured } = policy;
  const hasDevice = policy.keepsDevice;
  const isLocalClient = cell.locality === "local";
  const locality: PairingLocality = isLocalClient ? "direct_local" : "remote";
  const hasOrigin = cell.origin !== "none";
  const hasSharedAuth = cell.credential === "secret-ok" || cell.credential === "secret-wrong";
  const mode = gatewayMode(cell);
  const trustedProxyAuthOk = fns.isTrustedProxyControlUiOperatorAuth({ isControlUi, role: cell.role, authMode: mode, authOk: auth.ok, authMethod: auth.method });
  const backendInput = (authMethod: typeof auth.method) => ({
    isBackendClient: cell.client === "backend", locality, hasBrowserOriginHeader: hasOrigin, sharedAuthOk: auth.sharedAuthOk, authMethod,
  });
  const localBackendSelfPairingOk = shape.backendSkipFeedsGate && fns.shouldSkipBackendSelfPairing(backendInput(auth.method));

  const kind = fns.evaluateMissingDeviceIdentity({
    hasDeviceIdentity: hasDevice, role: cell.role, isControlUi, allowInsecureAuthConfigured, allowBypass, isLocalClient,
    sharedAuthOk: auth.sharedAuthOk, authOk: auth.ok, hasSharedAuth, trustedProxyAuthOk, localBackendSelfPairingOk,
  });
  let scopes: Verdict["scopes"] = "kept";
  if (!hasDevice) {
    // scopes are settled before the gate's verdict is acted on, as upstream does
    const clear = fns.shouldClearUnboundScopes({
      decision: kind, allowBypass, isControlUi, sharedAuthOk: auth.sharedAuthOk, authMethod: auth.method, trustedProxyAuthOk,
      preserveInsecureLocalControlUiScopes: allowInsecureAuthConfigured && isLocalClient,
    });
    const isLocalCliSharedSecret = cell.client === "cli" && isLocalClient && !hasOrigin && auth.sharedAuthOk && SHARED_SECRET_METHODS.includes(auth.method);
    scopes = decide(model.scopeExemptions, { clear, localBackendSelfPairingOk, isLocalCliSharedSecret }, track).value ? "cleared" : "kept";
  }
  if (kind !== "allow") return { outcome: "reject", reason: REJECT_REASON[kind], scopes: "cleared", pairing: "no-device", rules };

  const final = decide(model.finalAuth, { authOk: auth.ok, method: auth.method, hasDevice, credential: cell.credential }, track).value;
  if (final === "unauthorized") return { outcome: "reject", reason: "unauthorized", scopes: "cleared", pairing: "no-device", rules };
  const method = final === "auth-ok" ? auth.method : final;

  const pairing = decide(model.pairing, {
    hasDevice,
    controlUiSkip: hasDevice && fns.shouldSkipControlUiPairing({
      isControlUi, role: cell.role, allowBypass, sharedAuthOk: auth.sharedAuthOk, trustedProxyAuthOk, authMode: mode, authMethod: method, hasDevice,
    }),
    backendSkip: hasDevice && fns.shouldSkipBackendSelfPairing(backendInput(method)),
    paired: cell.device === "paired",
    silent: hasDevice && cell.device === "unpaired" && fns.shouldAllowSilentLocalPairing({
      locality, hasBrowserOriginHeader: hasOrigin, isControlUi, isWebchat: cell.client === "webchat", authMethod: method,
    }),
  }, track).value;
  if (pairing === "required") return { outcome: "reject", reason: "pairing-required", scopes: "cleared", pairing, rules };
  return { outcome: "admit", reason: "ok", scopes, pairing, rules };
}
