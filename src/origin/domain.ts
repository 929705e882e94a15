import { finiteDomain, named, type FiniteDomain } from "../differential/domain.ts";
import {
  ALLOWLIST_KINDS, HOST_KINDS, ORIGIN_CLIENTS, ORIGIN_KINDS,
  type AllowlistKind, type BrowserContextInput, type HostKind, type OriginAppliesInput, type OriginCheckInput, type OriginClient, type OriginKind,
} from "../model/origin-helper-rules.ts";

/**
 * The origin layer's domains, one per helper, each every combination of what that helper reads
 * (src/model/origin-helper-rules.ts names the values): checkBrowserOrigin 240 inputs, the browser
 * security context 20, the call site's condition 30. Fields each helper does not read are left
 * out of its domain rather than repeated.
 */
const bool = [false, true] as const;

export const CHECK_DOMAIN: FiniteDomain<OriginCheckInput> = finiteDomain("checkBrowserOrigin input", named([
  ["origin", ORIGIN_KINDS], ["host", HOST_KINDS], ["allowlist", ALLOWLIST_KINDS], ["fallback", bool], ["isLocalClient", bool],
]));
export const CONTEXT_DOMAIN: FiniteDomain<BrowserContextInput> = finiteDomain("browser security context input", named([
  ["origin", ORIGIN_KINDS], ["hasProxyHeaders", bool], ["loopbackClientIp", bool],
]));
export const APPLIES_DOMAIN: FiniteDomain<OriginAppliesInput> = finiteDomain("origin call site input", named([
  ["client", ORIGIN_CLIENTS], ["enforceOriginCheckForAnyClient", bool], ["origin", ORIGIN_KINDS],
]));

/**
 * Concrete spellings. The gateway listens on 18789; its LAN address is private (what 5.18's
 * same-origin rule trusts); the foreign site is a public name, served on the gateway's port so
 * that, rebound to the gateway, its Origin's host equals the Host header. `null` is what a
 * sandboxed frame or a file:// page sends: a header that is present but names no origin.
 */
export const ORIGIN_HEADER: Record<OriginKind, string | undefined> = {
  none: undefined, loopback: "http://127.0.0.1:18789", lan: "http://192.168.1.20:18789", foreign: "http://evil.example:18789", malformed: "null",
};
export const HOST_HEADER: Record<HostKind, string> = { loopback: "127.0.0.1:18789", lan: "192.168.1.20:18789", rebound: "evil.example:18789" };
export const ALLOWED_ORIGINS: Record<AllowlistKind, string[] | undefined> = {
  unset: undefined, loopback: [ORIGIN_HEADER.loopback!], foreign: [ORIGIN_HEADER.foreign!], wildcard: ["*"],
};
/** The resolved client IP the context is handed: loopback, or the LAN client's. */
export const clientIpOf = (loopback: boolean) => (loopback ? "127.0.0.1" : "192.168.1.30");

/** connectParams.client as each kind sends it: the Control UI by its id, WebChat by its mode, the CLI for any other. */
export const CLIENT_OF: Record<OriginClient, { id: string; version: string; platform: string; mode: string }> = {
  "control-ui": { id: "openclaw-control-ui", version: "2026.9.6", platform: "linux", mode: "ui" },
  webchat: { id: "webchat", version: "2026.9.6", platform: "linux", mode: "webchat" },
  other: { id: "cli", version: "2026.9.6", platform: "linux", mode: "cli" },
};

/** checkBrowserOrigin's params object (fields an older release does not read are ignored by it). */
export function checkArgs(i: OriginCheckInput): Record<string, unknown> {
  const origin = ORIGIN_HEADER[i.origin];
  const allowedOrigins = ALLOWED_ORIGINS[i.allowlist];
  return {
    requestHost: HOST_HEADER[i.host],
    ...(origin !== undefined ? { origin } : {}),
    ...(allowedOrigins ? { allowedOrigins } : {}),
    allowHostHeaderOriginFallback: i.fallback,
    isLocalClient: i.isLocalClient,
  };
}

/** resolveHandshakeBrowserSecurityContext's params, as the handshake builds them (no limiters). */
export function contextArgs(i: BrowserContextInput): Record<string, unknown> {
  const origin = ORIGIN_HEADER[i.origin];
  return { ...(origin !== undefined ? { requestOrigin: origin } : {}), hasProxyHeaders: i.hasProxyHeaders, clientIp: clientIpOf(i.loopbackClientIp) };
}

/** resolveGatewayWsBrowserOrigin's params (Host and locality are carried through, not read). */
export function appliesArgs(i: OriginAppliesInput): Record<string, unknown> {
  const origin = ORIGIN_HEADER[i.origin];
  return {
    client: CLIENT_OF[i.client], requestHost: HOST_HEADER.loopback, ...(origin !== undefined ? { origin } : {}),
    isLocalClient: true, enforceOriginCheckForAnyClient: i.enforceOriginCheckForAnyClient,
  };
}
