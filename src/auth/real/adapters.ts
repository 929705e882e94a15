import { objectParam, type Adapter } from "../../differential/adapter.ts";
import { signatureOf, type Signature } from "../../differential/signature.ts";
import { functionReturning } from "../../release/runner.ts";
import { AUTH_VALUES, authArgs, type AuthArgs } from "../auth-args.ts";
import type { AuthCell } from "../auth-cell.ts";
import { outcomeOf, type AuthOutcome } from "../outcome.ts";

/**
 * How one parameter shape of OpenClaw's authorizeGatewayConnect is fed an abstract cell. Every
 * release takes one params object; what differs is which fields it reads, and in 8.1+ that the
 * Tailscale listener's attribution arrives as an `ingressAttribution` argument.
 */
export type AuthAdapter = Adapter<AuthCell, AuthOutcome>;

const REAL = "authorizeGatewayConnect";

/**
 * Fields the adapters know. Those they leave unset are deliberate: no rate limiter (the domain
 * has none), no clientIp (derived from req), no browser Origin policy (the WS connect checks
 * Origin elsewhere), no deferred rate-limit accounting, no X-Real-IP fallback.
 */
const KNOWN = [
  "auth", "connectAuth", "req", "trustedProxies", "authSurface", "tailscaleWhois", "allowRealIpFallback", "clientIp",
  "rateLimiter", "rateLimitScope", "browserOriginPolicy", "deferRateLimitFailure",
];

function common(args: AuthArgs): Record<string, unknown> {
  return {
    auth: args.auth,
    ...(args.connectAuth ? { connectAuth: args.connectAuth } : {}),
    req: args.req,
    trustedProxies: args.trustedProxies,
    authSurface: args.authSurface,
    // whois of the client address; the worker revives the marker into an async function
    tailscaleWhois: functionReturning(args.whois, { async: true }),
  };
}

/** Both shapes read one params object (the core and request-context helper included, see authReads). */
const shared = { real: REAL, read: authReads, fromResult: (value: unknown) => outcomeOf(value) };

/** 2.9 – 7.x: whois is a parameter; Tailscale serve is recognised from the request alone. */
export const WHOIS_PARAM: AuthAdapter = {
  ...shared,
  shape: "params{auth,connectAuth,req,trustedProxies,authSurface,tailscaleWhois,…} → Promise<{ok,method?,reason?}>",
  releases: { since: "2026.2.9", until: "2026.8.1" },
  matches: objectParam(KNOWN),
  toArgs: (cell) => [common(authArgs(cell))],
};

/**
 * 8.1+: the gateway marks each request with the listener it arrived on, in a module-private
 * WeakMap a slice cannot reach from outside; the attribution the Tailscale-serve listener yields
 * is therefore passed in, as the `ingressAttribution` argument the function accepts, so that a
 * replay command can carry it. Its identity check is what the release's listener code does (whois
 * login equals the header login, case folded); listener-check.ts runs the release's own listener
 * code instead and must agree with it. Everything after it is the release's own.
 */
export const INGRESS_ATTRIBUTED: AuthAdapter = {
  ...shared,
  shape: "params{auth,connectAuth,req,trustedProxies,authSurface,tailscaleWhois,ingressAttribution,…} → Promise<{ok,method?,reason?}>",
  releases: { since: "2026.8.1" },
  matches: objectParam([...KNOWN, "ingressAttribution"], ["ingressAttribution"]),
  toArgs: (cell) => {
    const args = authArgs(cell);
    return [{ ...common(args), ...(args.request.listener === "tailscale-serve" ? { ingressAttribution: serveAttribution(args) } : {}) }];
  },
};

function serveAttribution(args: AuthArgs): Record<string, unknown> {
  const clientIp = AUTH_VALUES.tailnetClient;
  const login = args.req.headers["tailscale-user-login"];
  const verified = login !== undefined && args.whois !== null && args.whois.login.toLowerCase() === login.toLowerCase();
  const identity = verified ? { login: args.whois!.login, name: args.whois!.name ?? login } : undefined;
  return {
    kind: "tailscale-serve",
    clientIp,
    rateLimit: { subject: { key: clientIp }, resetOnSuccess: true },
    verifyIdentity: functionReturning(identity, { async: true }),
  };
}

export const AUTH_ADAPTERS: readonly AuthAdapter[] = [INGRESS_ATTRIBUTED, WHOIS_PARAM];

/**
 * The fields a sliced authorizeGatewayConnect reads, its inner core and request-context helper
 * included (4.9+ delegate to them with the same params object), as one params object.
 */
export function authReads(source: string): Signature | undefined {
  const outer = signatureOf(source, REAL);
  if (!outer) return undefined;
  if (outer.params.length !== 1) return outer;
  const reads = new Set(outer.reads[0] ?? []);
  for (const inner of ["authorizeGatewayConnectCore", "resolveGatewayAuthRequestContext"]) {
    for (const f of signatureOf(source, inner)?.reads[0] ?? []) reads.add(f);
  }
  return { params: outer.params, reads: [[...reads].sort()] };
}
