import type { AuthMethod, ControlUiPairingInput, GatewayAuthMode } from "../../../model/policy-functions.ts";
import { expectBoolean, obj, objectParamReading, positional, type RealAdapter } from "./adapter.ts";

const DEVICE = { id: "device-under-test" };
const policyOf = (i: ControlUiPairingInput) => ({
  isControlUi: i.isControlUi, allowInsecureAuthConfigured: false, dangerouslyDisableDeviceAuth: i.allowBypass, allowBypass: i.allowBypass,
  device: i.hasDevice ? DEVICE : null,
});
const fromPolicy = (p: Record<string, any>) => ({ isControlUi: !!p.isControlUi, allowBypass: !!p.allowBypass, hasDevice: !!p.device });
const base = (i: Partial<ControlUiPairingInput>): ControlUiPairingInput => ({
  isControlUi: false, role: "operator", allowBypass: false, sharedAuthOk: false, trustedProxyAuthOk: false, authMode: "token",
  authMethod: "token", hasDevice: false, ...i,
});
const role = (v: unknown) => (v === "node" ? "node" : "operator");
const common = { real: "shouldSkipControlUiPairing", abstract: "shouldSkipControlUiPairing" as const };
const bool = (v: unknown) => expectBoolean("shouldSkipControlUiPairing", v);

/** shouldSkipControlUiPairing went through five positional shapes, then an object returning a kind. */
export const CONTROL_UI_PAIRING: RealAdapter<ControlUiPairingInput, boolean>[] = [
  { ...common, shape: "(policy, sharedAuthOk) → boolean", releases: { since: "2026.2.21", until: "2026.2.26" },
    matches: positional("*", "sharedAuthOk"), toArgs: (i) => [policyOf(i), i.sharedAuthOk], fromResult: bool,
    fromArgs: (a) => base({ ...fromPolicy(obj(a)), sharedAuthOk: a[1] === true }), toResult: (o) => o },
  { ...common, shape: "(policy, sharedAuthOk, trustedProxyAuthOk) → boolean", releases: { since: "2026.2.26", until: "2026.3.13" },
    matches: positional("*", "sharedAuthOk", "trustedProxyAuthOk"), toArgs: (i) => [policyOf(i), i.sharedAuthOk, i.trustedProxyAuthOk], fromResult: bool,
    fromArgs: (a) => base({ ...fromPolicy(obj(a)), sharedAuthOk: a[1] === true, trustedProxyAuthOk: a[2] === true }), toResult: (o) => o },
  { ...common, shape: "(policy, role, trustedProxyAuthOk) → boolean", releases: { since: "2026.3.13", until: "2026.3.22" },
    matches: positional("*", "role", "trustedProxyAuthOk"), toArgs: (i) => [policyOf(i), i.role, i.trustedProxyAuthOk], fromResult: bool,
    fromArgs: (a) => base({ ...fromPolicy(obj(a)), role: role(a[1]), trustedProxyAuthOk: a[2] === true }), toResult: (o) => o },
  { ...common, shape: "(policy, role, trustedProxyAuthOk, authMode) → boolean", releases: { since: "2026.3.22", until: "2026.4.25" },
    matches: positional("*", "role", "trustedProxyAuthOk", "authMode"), toArgs: (i) => [policyOf(i), i.role, i.trustedProxyAuthOk, i.authMode], fromResult: bool,
    fromArgs: (a) => base({ ...fromPolicy(obj(a)), role: role(a[1]), trustedProxyAuthOk: a[2] === true, authMode: a[3] as GatewayAuthMode }), toResult: (o) => o },
  { ...common, shape: "(policy, role, trustedProxyAuthOk, authMode, authMethod) → boolean", releases: { since: "2026.4.25", until: "2026.8.1" },
    matches: positional("*", "role", "trustedProxyAuthOk", "authMode", "authMethod"),
    toArgs: (i) => [policyOf(i), i.role, i.trustedProxyAuthOk, i.authMode, i.authMethod], fromResult: bool,
    fromArgs: (a) => base({ ...fromPolicy(obj(a)), role: role(a[1]), trustedProxyAuthOk: a[2] === true, authMode: a[3] as GatewayAuthMode, authMethod: a[4] as AuthMethod }),
    toResult: (o) => o },
  { ...common, shape: "params{isControlUi,role,authMode,authMethod,device} → kind|null", releases: { since: "2026.8.1" },
    matches: objectParamReading(["isControlUi", "role", "authMode", "authMethod", "device"]),
    toArgs: (i) => [{ isControlUi: i.isControlUi, role: i.role, authMode: i.authMode, authMethod: i.authMethod, device: i.hasDevice ? DEVICE : null }],
    fromResult: (v) => {
      if (v !== null && typeof v !== "string") throw new Error(`shouldSkipControlUiPairing returned ${JSON.stringify(v)}, expected a kind or null`);
      return v !== null;
    },
    fromArgs: (a) => {
      const p = obj(a);
      return base({ isControlUi: !!p.isControlUi, role: role(p.role), authMode: p.authMode, authMethod: p.authMethod, hasDevice: !!p.device });
    },
    toResult: (skip, i) => (!skip ? null : i.authMethod === "tailscale" && i.hasDevice ? "tailscale-device" : "auth-none") },
];
