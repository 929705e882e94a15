import { compareVersions } from "../domain/versions.ts";
import { AUTH_METHODS, GATE_KINDS, GATEWAY_AUTH_MODES, PAIRING_LOCALITIES, type PolicyFunctionName } from "./policy-functions.ts";

/**
 * The finite input domain of each policy function: the differential check runs model and release
 * on every input here. Fields are listed like the cell fields; booleans are independent, so
 * combinations the handshake never produces are included on purpose (the model must match the
 * function, not just its callers).
 */
export type FieldSpec = readonly [name: string, values: readonly unknown[]];

const bool = [false, true] as const;
const ROLES = ["operator", "node"] as const;

/** Pairing localities a release can be asked about: shared-secret loopback exists from 5.7. */
const localities = (version: string) =>
  compareVersions(version, "2026.5.7") >= 0 ? PAIRING_LOCALITIES : PAIRING_LOCALITIES.filter((l) => l !== "shared_secret_loopback_local");

export const FUNCTION_DOMAINS: Record<PolicyFunctionName, (version: string) => FieldSpec[]> = {
  resolveControlUiAuthPolicy: () => [["isControlUi", bool], ["allowInsecureAuth", bool], ["dangerouslyDisableDeviceAuth", bool], ["hasDevice", bool]],
  evaluateMissingDeviceIdentity: () => [
    ["hasDeviceIdentity", bool], ["role", ROLES], ["isControlUi", bool], ["allowInsecureAuthConfigured", bool], ["allowBypass", bool],
    ["isLocalClient", bool], ["sharedAuthOk", bool], ["authOk", bool], ["hasSharedAuth", bool], ["trustedProxyAuthOk", bool],
    ["localBackendSelfPairingOk", bool],
  ],
  roleCanSkipDeviceIdentity: () => [["role", ROLES], ["sharedAuthOk", bool]],
  isTrustedProxyControlUiOperatorAuth: () => [["isControlUi", bool], ["role", ROLES], ["authMode", GATEWAY_AUTH_MODES], ["authOk", bool], ["authMethod", AUTH_METHODS]],
  shouldClearUnboundScopes: () => [
    ["decision", GATE_KINDS], ["allowBypass", bool], ["isControlUi", bool], ["preserveInsecureLocalControlUiScopes", bool],
    ["sharedAuthOk", bool], ["authMethod", AUTH_METHODS], ["trustedProxyAuthOk", bool],
  ],
  shouldSkipControlUiPairing: () => [
    ["isControlUi", bool], ["role", ROLES], ["allowBypass", bool], ["sharedAuthOk", bool], ["trustedProxyAuthOk", bool],
    ["authMode", GATEWAY_AUTH_MODES], ["authMethod", AUTH_METHODS], ["hasDevice", bool],
  ],
  shouldSkipBackendSelfPairing: (v) => [
    ["isBackendClient", bool], ["locality", localities(v)], ["hasBrowserOriginHeader", bool], ["sharedAuthOk", bool], ["authMethod", AUTH_METHODS],
  ],
  shouldAllowSilentLocalPairing: (v) => [
    ["locality", localities(v)], ["hasBrowserOriginHeader", bool], ["isControlUi", bool], ["isWebchat", bool], ["authMethod", AUTH_METHODS],
  ],
};

export function enumerateInputs(fields: readonly FieldSpec[]): Record<string, unknown>[] {
  let inputs: Record<string, unknown>[] = [{}];
  for (const [name, values] of fields) inputs = inputs.flatMap((partial) => values.map((v) => ({ ...partial, [name]: v })));
  return inputs;
}

/** Stable key of an input over its fields, for lookup tables and reports. */
export function inputKey(input: Record<string, unknown>, fields: readonly FieldSpec[]): string {
  return fields.map(([name]) => `${name}=${String(input[name])}`).join(",");
}
