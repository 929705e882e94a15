import { presentsSecret, type AuthCell } from "./auth-cell.ts";

/**
 * What the auth rules ask of a cell, named once so the era lists read as decisions. Each fact
 * holds for the concrete request auth-args.ts builds; the agreement sweep is what keeps the two
 * honest (a fact that misdescribes the request shows up as a mismatch).
 */

/** isLocalDirectRequest: a loopback socket with no forwarding headers (every era agrees on our requests). */
export const isLocal = (c: AuthCell) => c.via === "direct-local";

/** The socket's address is in gateway.trustedProxies. */
export const socketIsTrustedProxy = (c: AuthCell) => c.via === "trusted-proxy" || c.via === "trusted-proxy-funnel";

export const proxyMode = (c: AuthCell) => c.mode === "trusted-proxy";

/** The trusted proxy sits on the gateway's own host (its socket address is loopback). */
export const proxyOnLoopback = (c: AuthCell) => c.proxySocket !== "lan";
/** gateway.auth.trustedProxy.allowLoopback is set for that same-host proxy. */
export const loopbackOptedIn = (c: AuthCell) => c.proxySocket === "loopback-opted-in";

/** The proxy setup itself is broken: these are reported before the request is looked at. */
export const proxyConfigMissing = (c: AuthCell) => c.proxySetup === "missing-config";
export const proxyListEmpty = (c: AuthCell) => c.proxySetup === "no-proxies";

/** A required identity header is configured but the proxy did not send it. */
export const proxyRequiredHeaderMissing = (c: AuthCell) => c.proxySetup === "user-and-required" && c.proxyIdentity !== "full";
export const proxyUserMissing = (c: AuthCell) => c.proxyIdentity === "none";

export const sendsTailscaleIdentity = (c: AuthCell) => c.tailscale !== "absent";

/**
 * Tailscale serve vouched for the user: identity headers arrived through Tailscale's loopback
 * proxy (loopback socket plus the three X-Forwarded headers) and whois of the client address
 * names the same login. Any other outcome (no headers, no proxy, whois empty or another login)
 * is silent: auth falls through to the shared secret with no Tailscale reason.
 */
export const tailscaleVerified = (c: AuthCell) => c.via === "tailscale-serve" && c.tailscale === "whois-match";

/** Only the WebSocket connect surface ever takes a Tailscale header identity. */
export const tailscaleSurface = (c: AuthCell) => c.surface === "ws-control-ui" && c.allowTailscale;

export { presentsSecret };

/**
 * 8.1+ ingress attribution (ordinary listener): a proxy the gateway cannot attribute. Forwarding
 * headers from an untrusted socket, or Tailscale-owned headers on a socket that is neither a
 * trusted proxy nor Tailscale's own listener, make the request unattributable.
 */
export const unattributable = (c: AuthCell) =>
  c.via === "untrusted-proxy" || (sendsTailscaleIdentity(c) && (c.via === "direct-local" || c.via === "direct-remote"));

/** 8.1+: a trusted proxy marked the request as arriving through Tailscale Funnel (public internet). */
export const viaFunnel = (c: AuthCell) => c.via === "trusted-proxy-funnel";
