import { expectBoolean, objectParam, type Adapter } from "../differential/adapter.ts";
import { concreteRequest, toIncomingMessage } from "../locality/request.ts";
import { HEADER_SETS, type PairingGlueInput, type ProxyGlueInput } from "./domain.ts";

/**
 * One adapter per shape the statement slicer found (release by release, see the README's
 * "Inline glue" part): each names the glue export (src/release/slice/glue-anchors.ts) and the
 * inputs that shape reads. The args carry every field any shape reads; a shape ignores the rest.
 */

/** A paired-device record: the glue reads only whether there is one. */
const PAIRED = { deviceId: "paired-device" };

const pairingArgs = (i: PairingGlueInput) => [{
  reason: i.reason, existingPairedDevice: i.paired ? PAIRED : null, role: i.role, shouldAllowSilentLocalPairing: i.silentOk, isLocalClient: i.silentOk,
}];
const pairing = (real: string, shape: string, releases: Adapter["releases"], known: string[], required: string[] = []): Adapter<PairingGlueInput, boolean> =>
  ({ real, shape, releases, matches: objectParam(known, required), toArgs: pairingArgs, fromResult: (v) => expectBoolean(real, v) });

const HELPER = "shouldAllowSilentLocalPairing";
const ROLE_GUARD = ["existingPairedDevice", "role", HELPER];

/** Silent or not, as the pairing request is made; newest shape first (chooseAdapter takes the first export present). */
export const PAIRING_GLUE_ADAPTERS: readonly Adapter<PairingGlueInput, boolean>[] = [
  pairing("gluePairingSilentLocal", "resolveLocalPairingApproval's test {existingPairedDevice, role, helper}", { since: "2026.9.2" }, ROLE_GUARD, [HELPER]),
  pairing("gluePairingSilentPlan", "approval plan's silent {existingPairedDevice, role, helper}", { since: "2026.8.1", until: "2026.9.2" }, ROLE_GUARD, [HELPER]),
  pairing("gluePairingSilentRequest", "requirePairing's silent {reason, existingPairedDevice?, role?, helper}", { since: "2026.2.25", until: "2026.8.1" }, ["reason", ...ROLE_GUARD], [HELPER]),
  pairing("gluePairingSilentRequest", "requirePairing's inline silent {isLocalClient, reason?}", { until: "2026.2.25" }, ["isLocalClient", "reason"], ["isLocalClient"]),
];

const headersOf = (i: ProxyGlueInput): Record<string, string> => (i.headers ? HEADER_SETS[i.headers] : {});
const proxy = (shape: string, releases: Adapter["releases"], known: string[], toArgs: (i: ProxyGlueInput) => unknown[]): Adapter<ProxyGlueInput, boolean> =>
  ({ real: "glueHasProxyHeaders", shape, releases, matches: objectParam(known, known), toArgs, fromResult: (v) => expectBoolean("glueHasProxyHeaders", v) });

export const PROXY_GLUE_ADAPTERS: readonly Adapter<ProxyGlueInput, boolean>[] = [
  // ≤4.21 the handler reads the two header values its caller took from the request (the first value of each)
  proxy("{forwardedFor, realIp} → boolean", { until: "2026.4.22" }, ["forwardedFor", "realIp"], (i) => [{ forwardedFor: headersOf(i)["x-forwarded-for"], realIp: headersOf(i)["x-real-ip"] }]),
  proxy("{upgradeReq} → boolean (hasForwardedRequestHeaders)", { since: "2026.4.22", until: "2026.8.1" }, ["upgradeReq"],
    (i) => [{ upgradeReq: toIncomingMessage(concreteRequest({ socketAddress: "127.0.0.1", headers: headersOf(i) })) }]),
  proxy("{ingressAttribution} → boolean", { since: "2026.8.1" }, ["ingressAttribution"], (i) => [{ ingressAttribution: { kind: i.ingress } }]),
];
