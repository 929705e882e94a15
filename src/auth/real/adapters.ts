import { CannotCheckError } from "../../domain/errors.ts";
import { signatureOf } from "../../impl/release/signature.ts";
import { functionReturning } from "../../release/runner.ts";
import { AUTH_VALUES, type AuthArgs } from "../auth-args.ts";

/**
 * How one parameter shape of OpenClaw's authorizeGatewayConnect is fed an abstract cell. Every
 * release takes one params object; what differs is which fields it reads, and in 8.1+ that the
 * Tailscale listener's attribution arrives as an `ingressAttribution` argument.
 */
export interface AuthAdapter {
  shape: string;
  matches(reads: readonly string[]): boolean;
  toArgs(args: AuthArgs): unknown[];
}

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

/** 2.26 – 7.x: whois is a parameter; Tailscale serve is recognised from the request alone. */
export const WHOIS_PARAM: AuthAdapter = {
  shape: "params{auth,connectAuth,req,trustedProxies,authSurface,tailscaleWhois,…} → Promise<{ok,method?,reason?}>",
  matches: (reads) => reads.every((f) => KNOWN.includes(f)),
  toArgs: (args) => [common(args)],
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
  shape: "params{auth,connectAuth,req,trustedProxies,authSurface,tailscaleWhois,ingressAttribution,…} → Promise<{ok,method?,reason?}>",
  matches: (reads) => reads.includes("ingressAttribution") && reads.every((f) => [...KNOWN, "ingressAttribution"].includes(f)),
  toArgs: (args) => [{ ...common(args), ...(args.request.listener === "tailscale-serve" ? { ingressAttribution: serveAttribution(args) } : {}) }],
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
 * included (4.9+ delegate to them with the same params object).
 */
export function authReads(source: string): string[] | undefined {
  const outer = signatureOf(source, "authorizeGatewayConnect");
  if (!outer) return undefined;
  const reads = new Set(outer.reads[0] ?? []);
  for (const inner of ["authorizeGatewayConnectCore", "resolveGatewayAuthRequestContext"]) {
    for (const f of signatureOf(source, inner)?.reads[0] ?? []) reads.add(f);
  }
  return [...reads].sort();
}

/** The adapter for a slice's shape; an unknown shape is "cannot check", never a guess. */
export function authAdapterFor(source: string, where: string): AuthAdapter {
  const reads = authReads(source);
  const adapter = reads && AUTH_ADAPTERS.find((a) => a.matches(reads));
  if (!adapter) throw new CannotCheckError(`unsupported shape: authorizeGatewayConnect reads ${reads ? reads.join(",") : "(no declaration found)"} in ${where}`);
  return adapter;
}
