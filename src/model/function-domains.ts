import { compareVersions } from "../domain/versions.ts";
import { finiteDomain, named, type FiniteDomain } from "../differential/domain.ts";
import {
  AUTH_METHODS, GATE_KINDS, GATEWAY_AUTH_MODES, PAIRING_LOCALITIES, PAIRING_REASONS, SILENT_PAIRING_FUNCTION_FROM, type PolicyFunctionName,
} from "./policy-functions.ts";

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
    ["reason", PAIRING_REASONS],
  ],
  // the glue layer answers only the inputs the handler can hand it (a first pairing is never paired, an upgrade always): the rest are holes, never asked
  pairingGlue: (v) => [
    ["reason", PAIRING_REASONS], ["paired", bool], ["role", ROLES], ["silentOk", bool],
    ["origin", compareVersions(v, SILENT_PAIRING_FUNCTION_FROM) < 0 ? bool : [false]],
  ],
};

const domains = new Map<string, FiniteDomain<Record<string, unknown>>>();

/** A policy function's whole abstract domain at a release, as the differential enumerates it. */
export function policyDomain(fn: PolicyFunctionName, version: string): FiniteDomain<Record<string, unknown>> {
  const fields = FUNCTION_DOMAINS[fn](version);
  const id = `${fn}\u0000${fields.map(([name, values]) => `${name}:${values.length}`).join(",")}`;
  let domain = domains.get(id);
  if (!domain) domains.set(id, (domain = finiteDomain(`${fn} input`, named(fields))));
  return domain;
}
