import type { AuthMethod, GateKind, ScopeClearInput } from "../../../model/policy-functions.ts";
import { expectBoolean, obj, objectParamReading, type RealAdapter } from "./adapter.ts";

/** shouldClearUnboundScopesForMissingDeviceIdentity(params) → boolean (3.31+; inline before). */
export const SCOPES: RealAdapter<ScopeClearInput, boolean> = {
  real: "shouldClearUnboundScopesForMissingDeviceIdentity",
  abstract: "shouldClearUnboundScopes",
  shape: "params{decision,controlUiAuthPolicy?,preserveInsecureLocalControlUiScopes?,authMethod,trustedProxyAuthOk?} → boolean",
  releases: { since: "2026.3.31" },
  matches: objectParamReading(["decision", "controlUiAuthPolicy", "preserveInsecureLocalControlUiScopes", "authMethod", "trustedProxyAuthOk"]),
  toArgs: (i) => [{
    decision: { kind: i.decision },
    controlUiAuthPolicy: { isControlUi: i.isControlUi, allowInsecureAuthConfigured: false, dangerouslyDisableDeviceAuth: i.allowBypass, allowBypass: i.allowBypass, device: null },
    preserveInsecureLocalControlUiScopes: i.preserveInsecureLocalControlUiScopes,
    authMethod: i.authMethod,
    trustedProxyAuthOk: i.trustedProxyAuthOk,
  }],
  fromResult: (v) => expectBoolean("shouldClearUnboundScopesForMissingDeviceIdentity", v),
  fromArgs: (args) => {
    const p = obj(args);
    return {
      decision: (p.decision?.kind ?? "reject-device-required") as GateKind, allowBypass: !!p.controlUiAuthPolicy?.allowBypass,
      isControlUi: !!p.controlUiAuthPolicy?.isControlUi, preserveInsecureLocalControlUiScopes: !!p.preserveInsecureLocalControlUiScopes,
      sharedAuthOk: !!p.sharedAuthOk, authMethod: p.authMethod as AuthMethod, trustedProxyAuthOk: !!p.trustedProxyAuthOk,
    };
  },
  toResult: (out) => out,
};
