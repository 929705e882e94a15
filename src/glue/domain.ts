import { ROLES } from "../domain/cell.ts";
import { compareVersions } from "../domain/versions.ts";
import { INGRESS_KINDS, type IngressKind } from "../locality/eras/model.ts";
import { HEADER } from "../locality/request.ts";
import { silentPairingInline } from "../model/pairing-glue.ts";
import { PAIRING_REASONS, type PairingGlueInput, type PairingReason } from "../model/policy-functions.ts";

/**
 * The inputs of the handshake glue the connect handler keeps inline, in clawproof's words. Each
 * is what the glue itself reads; what computes those inputs (the silent-pairing helper, the
 * browser security context, the request classification) is sliced and judged by other layers.
 */


/** The pairing request's silent-or-not reads what the handshake hands the policy function of that name. */
export type { PairingGlueInput } from "../model/policy-functions.ts";

/** Before 2.25 the silent-pairing helper is inline, so the glue's own inputs are the locality and the Origin. */
export const helperInline = silentPairingInline;

/** Every pairing glue input at a version (`canBeSilent` says which reasons the helper can answer yes for there). */
export function pairingGlueInputs(version: string, canBeSilent: (reason: PairingReason) => boolean): PairingGlueInput[] {
  const out: PairingGlueInput[] = [];
  const origins = helperInline(version) ? [false, true] : [false];
  for (const reason of PAIRING_REASONS)
    for (const role of ROLES)
      for (const silentOk of [false, true])
        for (const origin of origins) {
          // a helper answer the helper never gives for this reason is no input of the glue
          if (!helperInline(version) && silentOk && !canBeSilent(reason)) continue;
          out.push({ reason, paired: reason !== "not-paired", role, silentOk, origin });
        }
  return out;
}

/** Header sets an upgrade request may carry (values as a proxy writes them; `""` a present but empty header). */
export const HEADER_SETS = {
  none: {},
  "x-forwarded-for": { [HEADER.xForwardedFor]: "203.0.113.9" },
  "x-forwarded-for-empty": { [HEADER.xForwardedFor]: "" },
  "x-real-ip": { [HEADER.xRealIp]: "203.0.113.9" },
  forwarded: { [HEADER.forwarded]: "for=203.0.113.9" },
  "x-forwarded-proto": { [HEADER.xForwardedProto]: "https" },
  "x-forwarded-host": { [HEADER.xForwardedHost]: "gateway.example" },
  "x-forwarded-port": { "x-forwarded-port": "443" },
  "x-forwarded-for+x-real-ip": { [HEADER.xForwardedFor]: "203.0.113.9", [HEADER.xRealIp]: "203.0.113.9" },
} as const satisfies Record<string, Record<string, string>>;
export type HeaderSet = keyof typeof HEADER_SETS;

/** hasProxyHeaders' input: a header set before 8.1, the ingress attribution's kind from 8.1 (what the handler reads there). */
export interface ProxyGlueInput {
  headers?: HeaderSet;
  ingress?: IngressKind;
}

export const ingressDecides = (version: string) => compareVersions(version, "2026.8.1") >= 0;

export function proxyGlueInputs(version: string): ProxyGlueInput[] {
  if (ingressDecides(version)) return INGRESS_KINDS.map((ingress) => ({ ingress }));
  return (Object.keys(HEADER_SETS) as HeaderSet[]).map((headers) => ({ headers }));
}
