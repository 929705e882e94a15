import { HEADER, headerOf, type ConcreteRequest } from "../../request.ts";
import { expectType, objectParam, type LocalityAdapter } from "../adapter.ts";

/**
 * The client IP resolver of the gateway's net module. Both shapes take the request's parts, not
 * the request: the socket peer, the raw X-Forwarded-For and X-Real-IP values, and the settings.
 * Absent headers are left out of the object (JSON carries them the same way).
 */
const parts = (req: ConcreteRequest) => ({
  remoteAddr: req.socketAddress,
  forwardedFor: headerOf(req, HEADER.xForwardedFor),
  realIp: headerOf(req, HEADER.xRealIp),
  trustedProxies: req.trustedProxies,
});
const withoutUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const clientIp = (fn: string) => (v: unknown) => expectType<string | undefined>(fn, "string", v, true);

/** 2.21+: `resolveClientIp({remoteAddr, forwardedFor, realIp, trustedProxies, allowRealIpFallback})`; undefined when it fails closed. */
export const RESOLVE_CLIENT_IP: LocalityAdapter<"resolveClientIp"> = {
  function: "resolveClientIp",
  real: "resolveClientIp",
  releases: { since: "2026.2.21" },
  shape: "params{remoteAddr,forwardedFor,realIp,trustedProxies,allowRealIpFallback} → string | undefined",
  matches: objectParam(["remoteAddr", "forwardedFor", "realIp", "trustedProxies", "allowRealIpFallback"], ["remoteAddr", "allowRealIpFallback"]),
  toArgs: (req) => [withoutUndefined({ ...parts(req), allowRealIpFallback: req.allowRealIpFallback })],
  fromResult: clientIp("resolveClientIp"),
};

/** ≤2.19: `resolveGatewayClientIp({remoteAddr, forwardedFor, realIp, trustedProxies})`; X-Real-IP needs no opt-in. */
export const RESOLVE_GATEWAY_CLIENT_IP: LocalityAdapter<"resolveClientIp"> = {
  function: "resolveClientIp",
  real: "resolveGatewayClientIp",
  releases: { until: "2026.2.21" },
  shape: "params{remoteAddr,forwardedFor,realIp,trustedProxies} → string | undefined",
  matches: objectParam(["remoteAddr", "forwardedFor", "realIp", "trustedProxies"], ["remoteAddr"]),
  toArgs: (req) => [withoutUndefined(parts(req))],
  fromResult: clientIp("resolveGatewayClientIp"),
};
