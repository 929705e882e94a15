import type { AuthMode, Cell, Credential } from "./cell.ts";
import { compareVersions } from "./versions.ts";

/**
 * Combinations that cannot occur on a real connect. Each is a stated rule with its reason, so
 * the enumerator never drops a cell silently and a reviewer can dispute any exclusion.
 */
export interface ValidityRule {
  id: string;
  why: string;
  excludes(cell: Cell): boolean;
}

const CREDENTIALS_BY_MODE: Record<AuthMode, readonly Credential[]> = {
  // no secret is configured; `secret-wrong` stands for "a token was sent anyway" (it cannot verify)
  none: ["none", "secret-wrong", "device-token", "bootstrap-token"],
  token: ["none", "secret-ok", "secret-wrong", "device-token", "bootstrap-token"],
  password: ["none", "secret-ok", "secret-wrong", "device-token", "bootstrap-token"],
  // the proxy either vouches for a user (ok) or the required identity header is missing; a caller
  // that bypasses the proxy may send the gateway password instead (#17761's local fallback)
  "trusted-proxy": ["proxy-ok", "proxy-missing", "device-token", "bootstrap-token", "secret-ok", "secret-wrong"],
  // token mode with `allowTailscale`: a Tailscale identity or the shared token
  tailscale: ["none", "secret-ok", "secret-wrong", "tailscale-ok", "tailscale-missing", "device-token", "bootstrap-token"],
};

/** Clients that run in a browser: their Origin is always checked. */
const isBrowserClient = (c: Cell) => c.client === "control-ui" || c.client === "webchat";

/** A new device's first pairing whose auth lets it reach the pairing step: a right token or password, or auth none. */
const firstPairing = (c: Cell) =>
  c.device === "unpaired" && c.upgrade === "none" && (c.authMode === "none" || ((c.authMode === "token" || c.authMode === "password") && c.credential === "secret-ok"));

export const VALIDITY_RULES: readonly ValidityRule[] = [
  {
    id: "credential-fits-mode",
    why: "each auth mode only has certain credentials to check (proxy identity only in trusted-proxy mode, Tailscale identity only with Tailscale)",
    excludes: (c) => !CREDENTIALS_BY_MODE[c.authMode].includes(c.credential),
  },
  {
    id: "device-credentials-need-device",
    why: "device and bootstrap tokens are bound to a device identity; without one there is nothing to present them for",
    excludes: (c) => c.device === "none" && (c.credential === "device-token" || c.credential === "bootstrap-token"),
  },
  {
    id: "upgrade-needs-paired-device",
    why: "only a device the gateway already paired can ask for more than it was approved for; a new or absent device has no approval to exceed",
    excludes: (c) => c.upgrade !== "none" && c.device !== "paired",
  },
  {
    id: "forwarding-headers-where-read",
    why: "forwarding headers are told apart only where a step reads them beyond locality (which `loc` already gives): the origin check of a disallowed Origin on a client id other than the Control UI and WebChat (2.25–3.8 skipped it when they were present; a browser client's Origin is checked whatever the headers, in every release), and a new device's first pairing with a verified token or password or under auth none (resolvePairingLocality reads hasProxyHeaders, and the pairing ground truth pairs each concrete connection with the connects of its own headers). Elsewhere the connect is the same with or without them, so it is modelled once, without",
    excludes: (c) => c.forwarded && !(c.origin === "foreign" ? !isBrowserClient(c) : firstPairing(c)),
  },
  {
    id: "host-header-read-for-browser-origin",
    why: "a Host header equal to the Origin's host is told apart only where the origin check reads it: a disallowed (foreign) Origin on the Control UI or WebChat. A loopback Origin already passes; other client ids' Origins were not checked before 2.25 and from 2.25 the Host-header match is opt-in; a foreign public name is never a trusted same-origin host (5.18+)",
    excludes: (c) => c.hostHeader !== "gateway" && (c.origin !== "foreign" || !isBrowserClient(c)),
  },
  {
    id: "device-token-beside-a-secret",
    why: "a second credential is modelled where it is one: the device's own token beside a shared secret the client also sent. A device token that verifies exists only for a paired device; beside no secret it is `cred=device-token` itself; beside a proxy or Tailscale identity the gateway reads the token only when the identity failed, which `cred=device-token` in those modes already stands for",
    excludes: (c) => c.withDeviceToken && (c.device !== "paired" || (c.credential !== "secret-ok" && c.credential !== "secret-wrong")),
  },
  {
    id: "proxy-socket-where-the-proxy-speaks",
    why: "the trusted proxy's socket can change a connect only where the proxy vouches for a user in trusted-proxy mode (authorizeGatewayConnect refuses a loopback proxy from 3.31 unless 4.27's allowLoopback is set). With the identity header missing auth fails on any socket (trusted_proxy_user_missing or trusted_proxy_loopback_source: the same failed auth to the handshake; the auth layer measures both), and a direct caller's password fallback, a device or bootstrap token and every other mode never reach the proxy check, so there the connect is modelled once, at `lan`",
    excludes: (c) => c.proxySocket !== "lan" && !(c.authMode === "trusted-proxy" && c.credential === "proxy-ok"),
  },
  {
    id: "tailscale-identity-is-proxied",
    why: "a Tailscale identity only arrives through Tailscale serve, which adds forwarding headers, so the gateway never observes it as local",
    excludes: (c) => c.locality === "local" && (c.credential === "tailscale-ok" || c.credential === "tailscale-missing"),
  },
];

export function isValidCell(cell: Cell): boolean {
  return VALIDITY_RULES.every((rule) => !rule.excludes(cell));
}

/** The first rule that excludes a cell, for error messages. */
export function exclusionOf(cell: Cell): ValidityRule | undefined {
  return VALIDITY_RULES.find((rule) => rule.excludes(cell));
}

/** Credentials that only exist from some release on: before it, a connect cannot carry them. */
export const DATED_CREDENTIALS: readonly { credential: Cell["credential"]; since: string; why: string }[] = [
  { credential: "bootstrap-token", since: "2026.3.13", why: "bootstrap tokens were added in 2026.3.13; earlier gateways have no such credential" },
];

/** Other connects that only exist from some release on. */
export const DATED_CONNECTS: readonly { id: string; since: string; why: string; applies(cell: Cell): boolean }[] = [
  { id: "device-token-field", since: "2026.2.22",
    why: "auth.deviceToken is a field of its own from 2.22; before, the device token travelled in auth.token, so a connect could carry it beside a password but not beside a token",
    applies: (c) => c.withDeviceToken && c.authMode !== "password" },
  { id: "trusted-proxy-allow-loopback", since: "2026.4.27",
    why: "gateway.auth.trustedProxy.allowLoopback is in the config schema from 4.27 (#73266); before, the strict trustedProxy schema refuses the key, so no gateway runs with the opt-in (read from every bundle's zod schema)",
    applies: (c) => c.proxySocket === "loopback-opted-in" },
];

/** Whether the cell is a connect that can happen against this release. */
export function existsAt(cell: Cell, version: string): boolean {
  return DATED_CREDENTIALS.every((d) => d.credential !== cell.credential || compareVersions(version, d.since) >= 0)
    && DATED_CONNECTS.every((d) => !d.applies(cell) || compareVersions(version, d.since) >= 0);
}
