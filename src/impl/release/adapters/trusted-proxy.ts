import type { AuthMethod, GatewayAuthMode, TrustedProxyInput } from "../../../model/policy-functions.ts";
import { expectBoolean, obj, objectParamReading, type RealAdapter } from "./adapter.ts";

/** isTrustedProxyControlUiOperatorAuth({isControlUi, role, authMode, authOk, authMethod}) → boolean, 2.26–9.6. */
export const TRUSTED_PROXY: RealAdapter<TrustedProxyInput, boolean> = {
  real: "isTrustedProxyControlUiOperatorAuth",
  abstract: "isTrustedProxyControlUiOperatorAuth",
  shape: "params{isControlUi,role,authMode,authOk,authMethod} → boolean",
  releases: { since: "2026.2.26" },
  matches: objectParamReading(["isControlUi", "role", "authMode", "authOk", "authMethod"]),
  toArgs: (i) => [{ isControlUi: i.isControlUi, role: i.role, authMode: i.authMode, authOk: i.authOk, authMethod: i.authMethod }],
  fromResult: (v) => expectBoolean("isTrustedProxyControlUiOperatorAuth", v),
  fromArgs: (args) => {
    const p = obj(args);
    return { isControlUi: !!p.isControlUi, role: p.role === "node" ? "node" : "operator", authMode: p.authMode as GatewayAuthMode, authOk: !!p.authOk, authMethod: p.authMethod as AuthMethod };
  },
  toResult: (out) => out,
};
