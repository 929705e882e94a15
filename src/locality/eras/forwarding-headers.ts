import { always, type RuleList } from "../../model/rule.ts";
import { HEADER, hasValue, type ConcreteRequest } from "../request.ts";

/**
 * `hasForwardedRequestHeaders(req)` from 2026.3.31: does the request show any sign of having
 * passed a proxy? From then on this alone (with a loopback socket) makes a request local, so what
 * counts as "a sign" is the whole attack surface for same-host relays.
 */
const FIVE = [HEADER.forwarded, HEADER.xForwardedFor, HEADER.xForwardedProto, HEADER.xRealIp, HEADER.xForwardedHost] as const;

const xForwardedNames = (req: ConcreteRequest) => Object.keys(req.headers).filter((name) => name.startsWith("x-forwarded-"));

export const FORWARDING_HEADERS: RuleList<ConcreteRequest, boolean> = {
  name: "hasForwardedRequestHeaders",
  rules: [
    {
      id: "forwarding/any-name-present",
      since: "2026.9.6",
      when: (req) => [HEADER.forwarded, HEADER.xRealIp, ...xForwardedNames(req)].some((name) => name in req.headers),
      then: true,
      why: "a header counts by its name alone, even empty (first seen in 9.6; 8.1 was read as value-based, releases between unsampled)",
    },
    {
      id: "forwarding/x-forwarded-family",
      since: "2026.6.10",
      until: "2026.9.6",
      when: (req) => [HEADER.forwarded, HEADER.xRealIp, ...xForwardedNames(req)].some((name) => hasValue(req, name)),
      then: true,
      why: "any x-forwarded-* header with a value, e.g. X-Forwarded-Port; a fork bundle of this era tests x-forwarded-* by name, so empty values may already count (unverified)",
    },
    {
      id: "forwarding/five-named",
      until: "2026.6.10",
      when: (req) => FIVE.some((name) => hasValue(req, name)),
      then: true,
      why: "Forwarded, X-Forwarded-For/-Proto/-Host or X-Real-IP with a value; X-Forwarded-Port and empty values slip through",
    },
    { id: "forwarding/none", when: always, then: false, why: "no sign of a proxy, so the socket address is taken at face value" },
  ],
};

/**
 * Through 3.28 only three headers mark a request as forwarded, and only when they carry a value:
 * X-Forwarded-Proto or Forwarded alone leave a loopback request local (measured, notes §4).
 */
export function hasClientIpForwardingHeaders(req: ConcreteRequest): boolean {
  return [HEADER.xForwardedFor, HEADER.xRealIp, HEADER.xForwardedHost].some((name) => hasValue(req, name));
}

/** Headers only Tailscale's own proxy should set; 8.1+ refuses to call a request carrying them direct. */
export function hasTailscaleOwnedHeaders(req: ConcreteRequest): boolean {
  return Object.keys(req.headers).some((name) => name.startsWith("tailscale-"));
}
