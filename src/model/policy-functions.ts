import type { Role } from "../domain/cell.ts";

/**
 * The connect-policy functions OpenClaw ships, each with an abstract input that is the superset
 * of what any release reads. A reference model and a sliced release both provide these, so the
 * handshake composition and the differential check treat them alike.
 */

export const GATE_KINDS = ["allow", "reject-control-ui-insecure-auth", "reject-unauthorized", "reject-device-required"] as const;
export type GateKind = (typeof GATE_KINDS)[number];

/** `authMethod` as the handshake sees it; the final decision may add device-token or bootstrap-token. */
export const AUTH_METHODS = ["none", "token", "password", "tailscale", "trusted-proxy", "device-token", "bootstrap-token"] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** OpenClaw's `gateway.auth.mode`; a Tailscale-enabled gateway is token mode with `allowTailscale`. */
export const GATEWAY_AUTH_MODES = ["none", "token", "password", "trusted-proxy"] as const;
export type GatewayAuthMode = (typeof GATEWAY_AUTH_MODES)[number];

export const PAIRING_LOCALITIES = ["direct_local", "shared_secret_loopback_local", "remote"] as const;
export type PairingLocality = (typeof PAIRING_LOCALITIES)[number];

/** evaluateMissingDeviceIdentity: what to do with a connect that carries no device identity. */
export interface GateInput {
  hasDeviceIdentity: boolean;
  role: Role;
  isControlUi: boolean;
  /** controlUiAuthPolicy.allowInsecureAuthConfigured */
  allowInsecureAuthConfigured: boolean;
  /** controlUiAuthPolicy.allowBypass (= dangerouslyDisableDeviceAuth on a Control UI) */
  allowBypass: boolean;
  isLocalClient: boolean;
  sharedAuthOk: boolean;
  authOk: boolean;
  hasSharedAuth: boolean;
  trustedProxyAuthOk: boolean;
  localBackendSelfPairingOk: boolean;
}

/** roleCanSkipDeviceIdentity(role, sharedAuthOk). */
export interface RoleSkipInput {
  role: Role;
  sharedAuthOk: boolean;
}

/** isTrustedProxyControlUiOperatorAuth. */
export interface TrustedProxyInput {
  isControlUi: boolean;
  role: Role;
  authMode: GatewayAuthMode;
  authOk: boolean;
  authMethod: AuthMethod;
}

/** shouldClearUnboundScopesForMissingDeviceIdentity (and the inline clearing before it). */
export interface ScopeClearInput {
  decision: GateKind;
  allowBypass: boolean;
  isControlUi: boolean;
  preserveInsecureLocalControlUiScopes: boolean;
  sharedAuthOk: boolean;
  authMethod: AuthMethod;
  trustedProxyAuthOk: boolean;
}

/** shouldSkipControlUiPairing: does a Control UI connect skip device pairing? */
export interface ControlUiPairingInput {
  isControlUi: boolean;
  role: Role;
  allowBypass: boolean;
  sharedAuthOk: boolean;
  trustedProxyAuthOk: boolean;
  authMode: GatewayAuthMode;
  authMethod: AuthMethod;
  hasDevice: boolean;
}

/** shouldSkipBackendSelfPairing / shouldSkipLocalBackendSelfPairing. */
export interface BackendPairingInput {
  isBackendClient: boolean;
  locality: PairingLocality;
  hasBrowserOriginHeader: boolean;
  sharedAuthOk: boolean;
  authMethod: AuthMethod;
}

/** Why a device is being paired: a first pairing, or a paired device asking for more scopes or the other role. */
export const PAIRING_REASONS = ["not-paired", "scope-upgrade", "role-upgrade"] as const;
export type PairingReason = (typeof PAIRING_REASONS)[number];

/** shouldAllowSilentLocalPairing: may this pairing (first, or an upgrade) be approved without an operator? */
export interface SilentPairingInput {
  locality: PairingLocality;
  hasBrowserOriginHeader: boolean;
  isControlUi: boolean;
  isWebchat: boolean;
  authMethod: AuthMethod;
  reason: PairingReason;
}

/**
 * The pairing request's silent-or-not, which the connect handler keeps inline (the glue layer
 * slices it statement-wise): once a device is neither skipped nor already paired for what it asks,
 * is it approved without an operator? The inputs are what that glue reads.
 */
export interface PairingGlueInput {
  /** why the handler asks for pairing (the helper's `reason`). */
  reason: PairingReason;
  /** the handler holds a paired-device record (every upgrade; never a first pairing). */
  paired: boolean;
  /** the role the connect asks for (on a role upgrade, the new one). */
  role: Role;
  /**
   * silent local pairing's answer: shouldAllowSilentLocalPairing's (from 2.25), or, where the
   * release computes it inline (before 2.25), what the inline code reads: isLocalClient.
   */
  silentOk: boolean;
  /** a client other than the Control UI or WebChat sent an Origin: told apart only where the helper is inline. */
  origin: boolean;
}

/** From this release shouldAllowSilentLocalPairing is a function of its own; before it the pairing glue computes it inline. */
export const SILENT_PAIRING_FUNCTION_FROM = "2026.2.25";

/** resolveControlUiAuthPolicy: what the Control UI knobs mean for this connect. */
export interface ControlUiPolicyInput {
  isControlUi: boolean;
  allowInsecureAuth: boolean;
  dangerouslyDisableDeviceAuth: boolean;
  hasDevice: boolean;
}
export interface ControlUiPolicy {
  allowInsecureAuthConfigured: boolean;
  allowBypass: boolean;
  /** false when the bypass makes the gateway ignore the device the client sent. */
  keepsDevice: boolean;
}

/** The functions one implementation provides, in the abstract vocabulary. */
export interface PolicyFunctions {
  resolveControlUiAuthPolicy(input: ControlUiPolicyInput): ControlUiPolicy;
  evaluateMissingDeviceIdentity(input: GateInput): GateKind;
  roleCanSkipDeviceIdentity(input: RoleSkipInput): boolean;
  isTrustedProxyControlUiOperatorAuth(input: TrustedProxyInput): boolean;
  shouldClearUnboundScopes(input: ScopeClearInput): boolean;
  shouldSkipControlUiPairing(input: ControlUiPairingInput): boolean;
  shouldSkipBackendSelfPairing(input: BackendPairingInput): boolean;
  shouldAllowSilentLocalPairing(input: SilentPairingInput): boolean;
  /** the pairing request's inline silent-or-not (handler glue, no export of its own: the glue layer cuts it out). */
  pairingGlue(input: PairingGlueInput): boolean;
}

export type PolicyFunctionName = keyof PolicyFunctions;
