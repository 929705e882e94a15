import type { RuleList } from "./rule.ts";

/**
 * The browser Origin check is three helpers the handshake chains: the browser security context
 * (does the Origin header make this connect a browser one, and is its Origin checked whatever the
 * client claims to be), the call site's condition (is the check run for this connect), and the
 * check itself (checkBrowserOrigin). Each is one dated list used by every era; the dates were
 * measured by running each release's own sliced function on its whole domain (src/origin), and,
 * where the call site's condition is inline (before 9.2), its statement-level slice (src/glue).
 *
 * Inputs are abstract: which Origin (the gateway's loopback page, its LAN page, a foreign site,
 * a malformed one such as `null`), which Host header (loopback, LAN, or the foreign site's name
 * rebound to the gateway), which allowlist (gateway.controlUi.allowedOrigins unset, naming the
 * loopback page, naming the foreign site, or `*`).
 */
export const ORIGIN_KINDS = ["none", "loopback", "lan", "foreign", "malformed"] as const;
export type OriginKind = (typeof ORIGIN_KINDS)[number];
export const HOST_KINDS = ["loopback", "lan", "rebound"] as const;
export type HostKind = (typeof HOST_KINDS)[number];
export const ALLOWLIST_KINDS = ["unset", "loopback", "foreign", "wildcard"] as const;
export type AllowlistKind = (typeof ALLOWLIST_KINDS)[number];
/** client id/mode as the call site classes it: the Control UI, WebChat, any other client. */
export const ORIGIN_CLIENTS = ["control-ui", "webchat", "other"] as const;
export type OriginClient = (typeof ORIGIN_CLIENTS)[number];

/** checkBrowserOrigin's params, abstractly. */
export interface OriginCheckInput {
  origin: OriginKind;
  host: HostKind;
  allowlist: AllowlistKind;
  /** gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback */
  fallback: boolean;
  isLocalClient: boolean;
}
/** What checkBrowserOrigin returns: ≤3.1 an accepted Origin names no matcher. */
export type OriginCheckResult = { ok: true; matchedBy?: string } | { ok: false; reason: string };

/** resolveHandshakeBrowserSecurityContext's params (the rate-limit fields are not the check's). */
export interface BrowserContextInput {
  origin: OriginKind;
  hasProxyHeaders: boolean;
  /** the resolved client IP is loopback (it only moves the rate-limit key). */
  loopbackClientIp: boolean;
}
export interface BrowserContext {
  hasBrowserOriginHeader: boolean;
  enforceOriginCheckForAnyClient: boolean;
}

/** The call site's inputs: the connect's client and the context's any-client flag. */
export interface OriginAppliesInput {
  client: OriginClient;
  enforceOriginCheckForAnyClient: boolean;
  origin: OriginKind;
}

const parses = (i: { origin: OriginKind }) => i.origin !== "none" && i.origin !== "malformed";
/** The Origin's host:port equals the Host header (the pairs the abstract values spell alike). */
const sameHost = (i: OriginCheckInput) =>
  (i.origin === "loopback" && i.host === "loopback") || (i.origin === "lan" && i.host === "lan") || (i.origin === "foreign" && i.host === "rebound");
const named = (i: OriginCheckInput) => (i.allowlist === "loopback" && i.origin === "loopback") || (i.allowlist === "foreign" && i.origin === "foreign");
const namedOrAny = (i: OriginCheckInput) => named(i) || i.allowlist === "wildcard";
/** 5.18 isTrustedSameOriginHost: a loopback Host only for a local client, a private IP, or a .local/.ts.net name (the rebound name is neither). */
const trustedSameOriginHost = (i: OriginCheckInput) => (i.host === "loopback" ? i.isLocalClient : i.host === "lan");

const NOT_ALLOWED: OriginCheckResult = { ok: false, reason: "origin not allowed" };
const allowed = (matchedBy?: string): OriginCheckResult => (matchedBy ? { ok: true, matchedBy } : { ok: true });

/** checkBrowserOrigin, first match wins; measured on every cached release 2.9–9.6. */
export const BROWSER_ORIGIN_CHECK: RuleList<OriginCheckInput, OriginCheckResult> = {
  name: "checkBrowserOrigin",
  rules: [
    { id: "origin-check.invalid", when: (i) => !parses(i), then: { ok: false, reason: "origin missing or invalid" },
      why: "no Origin, or one that does not parse (`null` included), is refused in every release" },
    { id: "origin-check.allowlist-exact", until: "2026.3.1", when: named, then: allowed(),
      why: "≤2.26: an allowlist entry equal to the Origin; `*` is an entry like any other (it names no page)" },
    { id: "origin-check.allowlist-wildcard", since: "2026.3.1", until: "2026.3.2", when: namedOrAny, then: allowed(),
      why: "measured 2.26 → 3.1: `*` allows every Origin (an operator's deliberate choice)" },
    { id: "origin-check.allowlist", since: "2026.3.2", when: namedOrAny, then: allowed("allowlist"),
      why: "3.2: the same, now naming its matcher" },
    { id: "origin-check.host-header-match", until: "2026.2.23", when: sameHost, then: allowed(),
      why: "≤2.22-1: any Origin whose host equals the Host header passes, so a foreign name rebound to the gateway passes (DNS rebinding)" },
    { id: "origin-check.host-header-fallback-unnamed", since: "2026.2.23", until: "2026.3.2", when: (i) => i.fallback && sameHost(i), then: allowed(),
      why: "measured 2.22-1 → 2.23: the Host-header match only with gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback" },
    { id: "origin-check.host-header-fallback", since: "2026.3.2", when: (i) => i.fallback && sameHost(i), then: allowed("host-header-fallback"),
      why: "the opt-in Host-header match, naming its matcher" },
    { id: "origin-check.private-same-origin", since: "2026.5.18", when: (i) => sameHost(i) && trustedSameOriginHost(i), then: allowed("private-same-origin"),
      why: "measured 5.12 → 5.18: a page served from the Host it names passes when that Host is a private address (a loopback one only for a local client); the rebound public name never" },
    { id: "origin-check.loopback-host", until: "2026.3.2", when: (i) => i.origin === "loopback" && i.host === "loopback", then: allowed(),
      why: "≤3.1: a loopback Origin with a loopback Host header passes, whatever the socket" },
    { id: "origin-check.local-loopback", since: "2026.3.2", when: (i) => i.origin === "loopback" && i.isLocalClient, then: allowed("local-loopback"),
      why: "measured 3.1 → 3.2: a loopback Origin passes only for a local client (isLocalClient), whatever the Host header" },
    { id: "origin-check.not-allowed", when: () => true, then: NOT_ALLOWED, why: "every other Origin" },
  ],
};

/** resolveHandshakeBrowserSecurityContext's two Origin facts; the function is sliced from 2.25. */
export const BROWSER_CONTEXT: RuleList<BrowserContextInput, BrowserContext> = {
  name: "resolveHandshakeBrowserSecurityContext",
  rules: [
    { id: "browser-context.no-origin", when: (i) => i.origin === "none", then: { hasBrowserOriginHeader: false, enforceOriginCheckForAnyClient: false },
      why: "no (or a blank) Origin header: not a browser connect" },
    { id: "browser-context.browser-clients-only", until: "2026.2.25", when: () => true, then: { hasBrowserOriginHeader: true, enforceOriginCheckForAnyClient: false },
      why: "≤2.24 has no such function and no any-client flag: its call-site guard (held to ORIGIN_CHECK_APPLIES by the glue layer on every release, and live on 2.24/2.25) checks browser clients only, whatever this says" },
    { id: "browser-context.proxied", since: "2026.2.25", until: "2026.3.11", when: (i) => i.hasProxyHeaders,
      then: { hasBrowserOriginHeader: true, enforceOriginCheckForAnyClient: false },
      why: "GHSA-5wcw-8jjv-m286, measured 3.8 → 3.11: 2.25–3.8 enforce the check for any client only without proxy headers" },
    { id: "browser-context.any-client", since: "2026.2.25", when: () => true, then: { hasBrowserOriginHeader: true, enforceOriginCheckForAnyClient: true },
      why: "measured from 2.25: an Origin header makes its Origin checked whatever the client claims (from 3.11 whatever the headers)" },
  ],
};

/** Before 9.2 the condition is inline; the glue layer slices it statement-wise (originGuard) and holds these rules to it. */
const INLINE_MEASURED = "measured before 9.2 on the release's own inline guard (the glue layer's originGuard, every release)";
const browserClient = (i: OriginAppliesInput) => i.client === "control-ui" || i.client === "webchat";

/** Whether the connect's Origin is checked at all: inline before 9.2, then resolveGatewayWsBrowserOrigin. */
export const ORIGIN_CHECK_APPLIES: RuleList<OriginAppliesInput, boolean> = {
  name: "resolveGatewayWsBrowserOrigin",
  rules: [
    { id: "origin-applies.browser-client-inline", until: "2026.9.2", when: browserClient, then: true,
      why: `the Control UI and WebChat are always checked (${INLINE_MEASURED})` },
    { id: "origin-applies.any-client-inline", since: "2026.2.25", until: "2026.9.2", when: (i) => i.enforceOriginCheckForAnyClient, then: true,
      why: `from 2.25 any client the context flags (${INLINE_MEASURED})` },
    { id: "origin-applies.browser-client", since: "2026.9.2", when: browserClient, then: true,
      why: "measured from 9.2: the Control UI and WebChat are always checked (the browser copilot with its extension origin is not, no cell has it)" },
    { id: "origin-applies.any-client", since: "2026.9.2", when: (i) => i.enforceOriginCheckForAnyClient, then: true,
      why: "measured from 9.2: any client the context flags" },
    { id: "origin-applies.no-inline", until: "2026.9.2", when: () => true, then: false,
      why: `other clients without the flag are not checked (${INLINE_MEASURED})` },
    { id: "origin-applies.no", since: "2026.9.2", when: () => true, then: false, why: "measured from 9.2: other clients without the flag are not checked" },
  ],
};
