import { compareVersions } from "../domain/versions.ts";
import { SILENT_PAIRING_FUNCTION_FROM, type PairingGlueInput, type SilentPairingInput } from "./policy-functions.ts";
import { decide, type Decision, type HitCounter, type RuleList } from "./rule.ts";
import type { PairingStage, PairingStep } from "./stage-types.ts";

/** The two lists of a model at one version the glue reads (a ModelAt has them; named here so model-at can use this file). */
export interface PairingGlueModel {
  version: string;
  silentPairing: RuleList<SilentPairingInput, boolean>;
  pairing: PairingStage;
}

/** Where the release has no shouldAllowSilentLocalPairing, the pairing glue computes silent pairing itself. */
export const silentPairingInline = (version: string) => compareVersions(version, SILENT_PAIRING_FUNCTION_FROM) < 0;

/**
 * The model's pairing step on a pairing request (a device neither skipped nor already paired for
 * what it asks): silent or required, from the pairing list's own rules. Where the helper is inline
 * the model's helper list answers from what the inline code reads (the locality and the Origin of
 * a client that is neither the Control UI nor WebChat, which are all that list reads there).
 */
export function modelPairingGlue(model: PairingGlueModel, i: PairingGlueInput, hit?: HitCounter): Decision<PairingStep> {
  const ok = silentPairingInline(model.version)
    ? decide(model.silentPairing, {
      locality: i.silentOk ? "direct_local" : "remote", hasBrowserOriginHeader: i.origin, isControlUi: false, isWebchat: false, authMethod: "token", reason: i.reason,
    }, hit).value
    : i.silentOk;
  const upgrade = i.reason === "scope-upgrade" ? "scopes" : i.reason === "role-upgrade" ? "role" : "none";
  return decide(model.pairing, {
    hasDevice: true, controlUiSkip: false, backendSkip: false,
    paired: i.paired,
    silent: i.reason === "not-paired" && ok,
    upgrade,
    approvedRole: upgrade === "role" ? (i.role === "operator" ? "node" : "operator") : i.role,
    localSilentOk: i.reason !== "not-paired" && ok,
    // only the ≤2.17 rule reads it, where silentOk is isLocalClient itself
    isLocalClient: i.silentOk,
    // no pairing rule reads the auth method
    method: "token",
    // a pairing request is past every skip
    operatorSharedAuthSkip: false,
  }, hit);
}
