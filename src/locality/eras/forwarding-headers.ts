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
      since: "2026.8.1",
      when: (req) => [HEADER.forwarded, HEADER.xRealIp, ...xForwardedNames(req)].some((name) => name in req.headers),
      then: true,
      // measured: sliced 8.1 isLocalDirectRequest and ingress say not local/unattributable for an empty Forwarded or X-Forwarded-For (7.35 still local for empty Forwarded)
      why: "a header counts by its name alone, even empty (measured from 8.1; 7.36–7.x unsampled)",
    },
    {
      id: "forwarding/x-forwarded-family",
      since: "2026.5.18",
      until: "2026.8.1",
      when: (req) => [HEADER.forwarded, HEADER.xRealIp].some((name) => hasValue(req, name)) || xForwardedNames(req).length > 0,
      then: true,
      // measured: sliced 5.18–7.35 isLocalDirectRequest is false for an empty X-Forwarded-For or X-Forwarded-Port, true for an empty Forwarded; 5.12 true for all three
      why: "any x-forwarded-* header by name (even empty, e.g. X-Forwarded-Port), Forwarded and X-Real-IP only with a value (measured from 5.18; 5.13–5.17 unsampled)",
    },
    {
      id: "forwarding/five-named",
      until: "2026.5.18",
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
