import type { Cell } from "../domain/cell.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { AuthMethod } from "./policy-functions.ts";
import type { RuleList } from "./rule.ts";
import type { OriginStepInput } from "./origin-step.ts";

/** Result of the gateway's auth step (`resolveConnectAuthState`), before the device gate. */
export interface AuthFacts {
  ok: boolean;
  /** on failure OpenClaw still reports a method: `password` in password mode, `token` otherwise. */
  method: AuthMethod;
  /** the shared-secret check (token/password; trusted-proxy from 2026.2.26) verified. */
  sharedAuthOk: boolean;
}

/** Auth after the device gate (`resolveConnectAuthDecision`): device or bootstrap tokens may rescue it. */
export interface FinalAuthInput {
  role: Cell["role"];
  authOk: boolean;
  method: AuthMethod;
  hasDevice: boolean;
  credential: Cell["credential"];
  /** a device token was sent: as the credential, or beside a shared secret (auth.deviceToken). */
  deviceToken: boolean;
  /** what the paired device asks for beyond its approval (a token is issued per role, with the approved scopes). */
  upgrade: Cell["upgrade"];
}
export type FinalAuth = "auth-ok" | "device-token" | "bootstrap-token" | "unauthorized";

/** Caller-side exemptions from scope clearing (8.1+), applied after the function's answer. */
export interface ScopeExemptionInput {
  clear: boolean;
  localBackendSelfPairingOk: boolean;
  isLocalCliSharedSecret: boolean;
}

export interface PairingStepInput {
  hasDevice: boolean;
  controlUiSkip: boolean;
  backendSkip: boolean;
  paired: boolean;
  silent: boolean;
  /** what a paired device asks for beyond its approval (upgrade pairing). */
  upgrade: Cell["upgrade"];
  /** the role the device was approved for (the other role on a role upgrade). */
  approvedRole: Cell["role"];
  /** the release's own silent-pairing answer for this connect's upgrade (its reason, locality and Origin). */
  localSilentOk: boolean;
  isLocalClient: boolean;
  method: AuthMethod;
  /** 2.22-1–2.24's inline skipPairingForOperatorSharedAuth said so (its own list, pairing-helper-rules.ts). */
  operatorSharedAuthSkip: boolean;
}
export type PairingStep = Verdict["pairing"];

export type OriginStage = RuleList<OriginStepInput, "pass" | "reject">;
export type AuthStage = RuleList<Cell, AuthFacts>;
export type FinalAuthStage = RuleList<FinalAuthInput, FinalAuth>;
export type ScopeExemptionStage = RuleList<ScopeExemptionInput, boolean>;
export type PairingStage = RuleList<PairingStepInput, PairingStep>;
