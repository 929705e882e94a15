import { PAIRING_REASONS, type AuthMethod, type PairingLocality, type SilentPairingInput } from "../../../model/policy-functions.ts";
import { expectBoolean, obj, objectParamReading, type RealAdapter } from "./adapter.ts";

const FIELDS = ["isLocalClient", "locality", "hasBrowserOriginHeader", "isControlUi", "isWebchat", "isNativeAppUi", "reason", "autoApproveLocal", "authMethod"];

/** shouldAllowSilentLocalPairing(params) for a first pairing or an upgrade (its reason): one object, fields added over time (2.25–9.6). */
export const SILENT_PAIRING: RealAdapter<SilentPairingInput, boolean> = {
  real: "shouldAllowSilentLocalPairing",
  abstract: "shouldAllowSilentLocalPairing",
  shape: "params{isLocalClient|locality,hasBrowserOriginHeader,isControlUi,isWebchat,reason,...} → boolean",
  releases: { since: "2026.2.25" },
  matches: objectParamReading(FIELDS),
  toArgs: (i) => [{
    isLocalClient: i.locality === "direct_local", locality: i.locality, hasBrowserOriginHeader: i.hasBrowserOriginHeader,
    isControlUi: i.isControlUi, isWebchat: i.isWebchat, isNativeAppUi: false, reason: i.reason, autoApproveLocal: true, authMethod: i.authMethod,
  }],
  fromResult: (v) => expectBoolean("shouldAllowSilentLocalPairing", v),
  fromArgs: (a) => {
    const p = obj(a);
    const locality = (p.locality ?? (p.isLocalClient ? "direct_local" : "remote")) as PairingLocality;
    return { locality, hasBrowserOriginHeader: !!p.hasBrowserOriginHeader, isControlUi: !!p.isControlUi, isWebchat: !!p.isWebchat, authMethod: p.authMethod as AuthMethod,
      reason: (PAIRING_REASONS as readonly string[]).includes(p.reason) ? p.reason : "not-paired" };
  },
  toResult: (o) => o,
};
