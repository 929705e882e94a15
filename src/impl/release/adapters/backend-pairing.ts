import type { AuthMethod, BackendPairingInput, PairingLocality } from "../../../model/policy-functions.ts";
import { expectBoolean, obj, objectParamReading, type RealAdapter } from "./adapter.ts";

const connectParams = (backend: boolean) => ({
  client: backend ? { id: "gateway-client", mode: "backend" } : { id: "cli", mode: "cli" },
});
const isBackend = (p: Record<string, any>) => p.connectParams?.client?.id === "gateway-client" && p.connectParams?.client?.mode === "backend";
const common = { abstract: "shouldSkipBackendSelfPairing" as const };

/** The backend self-pairing skip: isLocalClient-based 3.8–3.24, locality-based from 4.9. */
export const BACKEND_PAIRING: RealAdapter<BackendPairingInput, boolean>[] = [
  { ...common, real: "shouldSkipBackendSelfPairing", shape: "params{connectParams,isLocalClient,hasBrowserOriginHeader,sharedAuthOk,authMethod} → boolean",
    releases: { since: "2026.3.8", until: "2026.3.28" },
    matches: objectParamReading(["connectParams", "isLocalClient", "hasBrowserOriginHeader", "sharedAuthOk", "authMethod"]),
    toArgs: (i) => [{ connectParams: connectParams(i.isBackendClient), isLocalClient: i.locality === "direct_local", hasBrowserOriginHeader: i.hasBrowserOriginHeader, sharedAuthOk: i.sharedAuthOk, authMethod: i.authMethod }],
    fromResult: (v) => expectBoolean("shouldSkipBackendSelfPairing", v),
    fromArgs: (a) => {
      const p = obj(a);
      return { isBackendClient: isBackend(p), locality: p.isLocalClient ? "direct_local" : "remote", hasBrowserOriginHeader: !!p.hasBrowserOriginHeader, sharedAuthOk: !!p.sharedAuthOk, authMethod: p.authMethod as AuthMethod };
    },
    toResult: (o) => o },
  { ...common, real: "shouldSkipLocalBackendSelfPairing", shape: "params{connectParams,locality,hasBrowserOriginHeader,sharedAuthOk,authMethod} → boolean",
    releases: { since: "2026.4.5" },
    matches: objectParamReading(["connectParams", "locality", "hasBrowserOriginHeader", "sharedAuthOk", "authMethod"]),
    toArgs: (i) => [{ connectParams: connectParams(i.isBackendClient), locality: i.locality, hasBrowserOriginHeader: i.hasBrowserOriginHeader, sharedAuthOk: i.sharedAuthOk, authMethod: i.authMethod }],
    fromResult: (v) => expectBoolean("shouldSkipLocalBackendSelfPairing", v),
    fromArgs: (a) => {
      const p = obj(a);
      return { isBackendClient: isBackend(p), locality: (p.locality ?? "remote") as PairingLocality, hasBrowserOriginHeader: !!p.hasBrowserOriginHeader, sharedAuthOk: !!p.sharedAuthOk, authMethod: p.authMethod as AuthMethod };
    },
    toResult: (o) => o },
];
