import { GATE_KINDS, type GateInput, type GateKind } from "../../../model/policy-functions.ts";
import { obj, objectParamReading, type RealAdapter } from "./adapter.ts";

const FIELDS = [
  "hasDeviceIdentity", "role", "isControlUi", "controlUiAuthPolicy", "isLocalClient", "sharedAuthOk", "authOk", "hasSharedAuth",
  "trustedProxyAuthOk", "localBackendSelfPairingOk",
];

/** evaluateMissingDeviceIdentity(params) → { kind }: one object shape 2.22–9.6, fields added over time. */
export const GATE: RealAdapter<GateInput, GateKind> = {
  real: "evaluateMissingDeviceIdentity",
  abstract: "evaluateMissingDeviceIdentity",
  shape: "params{...} → {kind}",
  releases: { since: "2026.2.22" },
  matches: objectParamReading(FIELDS),
  toArgs: (i) => [{
    hasDeviceIdentity: i.hasDeviceIdentity, role: i.role, isControlUi: i.isControlUi, isLocalClient: i.isLocalClient,
    sharedAuthOk: i.sharedAuthOk, authOk: i.authOk, hasSharedAuth: i.hasSharedAuth, trustedProxyAuthOk: i.trustedProxyAuthOk,
    localBackendSelfPairingOk: i.localBackendSelfPairingOk,
    controlUiAuthPolicy: {
      isControlUi: i.isControlUi, allowInsecureAuthConfigured: i.allowInsecureAuthConfigured,
      dangerouslyDisableDeviceAuth: i.allowBypass, allowBypass: i.allowBypass, device: null,
    },
  }],
  fromResult: (value) => {
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (!GATE_KINDS.includes(kind as GateKind)) throw new Error(`evaluateMissingDeviceIdentity returned ${JSON.stringify(value)}`);
    return kind as GateKind;
  },
  fromArgs: (args) => {
    const p = obj(args);
    const policy = (p.controlUiAuthPolicy ?? {}) as Record<string, unknown>;
    return {
      hasDeviceIdentity: !!p.hasDeviceIdentity, role: p.role === "node" ? "node" : "operator", isControlUi: !!p.isControlUi,
      allowInsecureAuthConfigured: !!policy.allowInsecureAuthConfigured, allowBypass: !!policy.allowBypass, isLocalClient: !!p.isLocalClient,
      sharedAuthOk: !!p.sharedAuthOk, authOk: !!p.authOk, hasSharedAuth: !!p.hasSharedAuth, trustedProxyAuthOk: !!p.trustedProxyAuthOk,
      localBackendSelfPairingOk: !!p.localBackendSelfPairingOk,
    };
  },
  toResult: (kind) => ({ kind }),
};
