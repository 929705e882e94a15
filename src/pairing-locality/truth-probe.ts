import type { Client } from "../domain/cell.ts";
import { CLIENT_WIRE } from "../domain/client-wire.ts";
import { compareVersions } from "../domain/versions.ts";
import { HEADER, type ConcreteRequest } from "../locality/request.ts";
import { requestOf, type LocalityCell } from "../locality/locality-domain.ts";
import type { PairingReason } from "../model/policy-functions.ts";

/**
 * One concrete question for a release's pairing-locality code: what its handshake would hand
 * resolvePairingLocality, shouldAllowSilentLocalPairing and the backend self-pairing skip for a
 * device-carrying connect, given the upgrade request a deployment topology delivered. The
 * fields are the concrete values (socket address, Host, Origin as sent), not classes, so the
 * release's own address and host parsing decides.
 */
export interface PairingProbe {
  /** `req.socket.remoteAddress` as the gateway sees it. */
  socket: string;
  /** the Host header as it arrives; undefined when absent. */
  host: string | undefined;
  /** the Origin header: none, or the gateway's own loopback page (one the origin check allows). */
  origin: "none" | "loopback";
  client: Client;
  /** the auth the handshake verified: a token or password, an auth-none gateway, or a paired device's own device token. */
  auth: PairingAuth;
  /** the release's own isLocalClient for the connection. */
  isLocalClient: boolean;
  /** the handshake's hasProxyHeaders (glue, see hasProxyHeadersAt). */
  hasProxyHeaders: boolean;
  /** why pairing is asked for: a first pairing, or a paired device asking for more scopes or the other role. */
  reason: PairingReason;
}

export const PAIRING_AUTHS = ["token", "password", "none", "device-token"] as const;
export type PairingAuth = (typeof PAIRING_AUTHS)[number];

export const LOOPBACK_ORIGIN = "http://127.0.0.1:18789";

/** client id/mode as each kind sends it (one table with the live harness); the Control UI connects in webchat mode (it is what browser_container_local names). */
const CLIENT_INFO = CLIENT_WIRE;

/** The connect frame's params as that client sends them (protocol 3). */
export function probeConnectParams(p: Pick<PairingProbe, "client">): Record<string, unknown> {
  const { id, mode } = CLIENT_INFO[p.client];
  return { minProtocol: 3, maxProtocol: 3, client: { id, version: "2026.9.6", platform: "linux", mode }, role: p.client === "node-host" ? "node" : "operator", scopes: [] };
}

/** sharedAuthOk and authMethod as resolveConnectAuthState reports a verified first connect (notes §3.10). */
export const authFacts = (auth: PairingAuth) => ({ sharedAuthOk: auth === "token" || auth === "password", authMethod: auth });

/** How the handshake classes the client for silent pairing (isOperatorUiClient / isWebchatClient / isNativeAppUiClient). */
export const clientFlags = (p: Pick<PairingProbe, "client">) => ({
  isControlUi: p.client === "control-ui",
  isWebchat: CLIENT_INFO[p.client].mode === "webchat",
  isNativeAppUi: false,
});

/** resolvePairingLocality's params, as the handshake builds them (every field any release reads). */
export function pairingLocalityParams(p: PairingProbe): Record<string, unknown> {
  return {
    connectParams: probeConnectParams(p),
    isLocalClient: p.isLocalClient,
    ...(p.host !== undefined ? { requestHost: p.host } : {}),
    ...(p.origin === "loopback" ? { requestOrigin: LOOPBACK_ORIGIN } : {}),
    remoteAddress: p.socket,
    hasProxyHeaders: p.hasProxyHeaders,
    hasBrowserOriginHeader: p.origin !== "none",
    ...authFacts(p.auth),
  };
}

const PROXY_KINDS = ["trusted-proxy", "tailscale-serve", "tailscale-funnel"];

/**
 * The handshake's hasProxyHeaders, which it computes inline (glue, read from the bundles): 4.5–4.21
 * X-Forwarded-For or X-Real-IP with a value; 4.22–5.12 hasForwardedRequestHeaders (Forwarded,
 * X-Forwarded-For/-Proto/-Host, X-Real-IP with a value); 5.18–7.x any `x-forwarded-*` name,
 * Forwarded or X-Real-IP; from 8.1 the release's own ingress attribution naming a proxy.
 */
export function hasProxyHeadersAt(version: string, request: ConcreteRequest, ingressKind: string | undefined): boolean {
  const h = request.headers;
  if (compareVersions(version, "2026.8.1") >= 0) return PROXY_KINDS.includes(ingressKind ?? "");
  if (compareVersions(version, "2026.5.18") >= 0) return Boolean(h[HEADER.forwarded] || h[HEADER.xRealIp] || Object.keys(h).some((n) => n.startsWith("x-forwarded-")));
  if (compareVersions(version, "2026.4.22") >= 0) {
    return Boolean(h[HEADER.forwarded] || h[HEADER.xForwardedFor] || h[HEADER.xForwardedProto] || h[HEADER.xRealIp] || h[HEADER.xForwardedHost]);
  }
  return Boolean(h[HEADER.xForwardedFor] || h[HEADER.xRealIp]);
}

const observed = new Map<string, ConcreteRequest>();

/**
 * The request a connection delivers, built once per topology, origin and client headers: the
 * gateway's trustedProxies and X-Real-IP settings change how a request is read, never what
 * arrives (and building a request validates it, which costs time over 18,480 connections).
 */
export function observedRequest(cell: LocalityCell): ConcreteRequest {
  const key = `${cell.topology}|${cell.origin}|${cell.spoof}|${cell.host}`;
  let request = observed.get(key);
  if (!request) observed.set(key, (request = requestOf({ ...cell, trusted: "none", realIp: false })));
  return request;
}
