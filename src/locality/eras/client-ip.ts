import { decide, rulesAt, always, type RuleList } from "../../model/rule.ts";
import { HEADER, headerOf, type ConcreteRequest } from "../request.ts";
import { decideTraced, once, type Traced } from "../trace.ts";
import { addressHandlingAt } from "./address-handling.ts";
import { LOOPBACK_BY_IPADDR } from "./loopback.ts";

/** Where the resolved client IP comes from; the value itself is read off the facts afterwards. */
export type ClientIpSource = "socket" | "xff-leftmost" | "xff-walk" | "xff-walk-skipping-loopback" | "x-real-ip" | "none";

export interface ClientIpFacts {
  peer: () => string | undefined;
  peerTrusted: () => boolean;
  leftmostHop: () => string | undefined;
  /** right to left, past hops that are trusted proxies. */
  firstUntrustedHop: () => string | undefined;
  /** the same walk, also past loopback hops. */
  firstUntrustedNonLoopbackHop: () => string | undefined;
  realIp: () => string | undefined;
  allowRealIpFallback: boolean;
}

/** `resolveClientIp` (called `resolveGatewayClientIp` before 2.21), across every era. */
export const RESOLVE_CLIENT_IP: RuleList<ClientIpFacts, ClientIpSource> = {
  name: "resolveClientIp",
  rules: [
    { id: "client-ip/no-peer", when: (f) => f.peer() === undefined, then: "none", why: "no usable socket address, nothing to attribute" },
    { id: "client-ip/peer-not-trusted", when: (f) => !f.peerTrusted(), then: "socket", why: "headers count only from a trusted proxy; anyone else is their socket" },
    {
      id: "client-ip/xff-leftmost",
      until: "2026.2.21",
      when: (f) => f.leftmostHop() !== undefined,
      then: "xff-leftmost",
      why: "the first X-Forwarded-For entry, which the client wrote itself: spoofable through any appending proxy",
    },
    { id: "client-ip/x-real-ip-unconditional", until: "2026.2.21", when: (f) => f.realIp() !== undefined, then: "x-real-ip", why: "X-Real-IP is believed without any opt-in" },
    {
      id: "client-ip/proxy-itself",
      // measured: sliced 2.17 resolveGatewayClientIp returns the trusted proxy's address when it forwards nothing, 2.19 returns undefined
      until: "2026.2.19",
      when: always,
      then: "socket",
      why: "falls back to the proxy's own address (through 2.17; 2.18 unsampled)",
    },
    {
      id: "client-ip/xff-first-untrusted-hop",
      since: "2026.2.21",
      until: "2026.3.22",
      when: (f) => f.firstUntrustedHop() !== undefined,
      then: "xff-walk",
      why: "right-to-left walk past trusted hops; a loopback hop that is not itself a listed proxy becomes the client",
    },
    {
      id: "client-ip/xff-first-untrusted-non-loopback-hop",
      since: "2026.3.22",
      when: (f) => f.firstUntrustedNonLoopbackHop() !== undefined,
      then: "xff-walk-skipping-loopback",
      why: "loopback hops are skipped too (#46800, merged 3.15; first sampled release 3.22, 3.14–3.21 unsampled)",
    },
    {
      id: "client-ip/x-real-ip-fallback",
      since: "2026.2.21",
      when: (f) => f.allowRealIpFallback && f.realIp() !== undefined,
      then: "x-real-ip",
      why: "X-Real-IP only with gateway.allowRealIpFallback",
    },
    // measured: sliced 2.19 resolveGatewayClientIp already fails closed, before the 2.21 walk
    { id: "client-ip/fail-closed", since: "2026.2.19", when: always, then: "none", why: "a trusted proxy naming no usable client yields no IP, not its own address" },
  ],
};

/** The resolver's own inputs, so callers can also ask with other trusted proxies (as Tailscale ingress does). */
export interface ClientIpInput {
  socketAddress: string | undefined;
  forwardedFor: string | undefined;
  realIp: string | undefined;
  trustedProxies: readonly string[];
  allowRealIpFallback: boolean;
}

export function clientIpInputOf(req: ConcreteRequest): ClientIpInput {
  return {
    socketAddress: req.socketAddress,
    forwardedFor: headerOf(req, HEADER.xForwardedFor),
    realIp: headerOf(req, HEADER.xRealIp),
    trustedProxies: req.trustedProxies,
    allowRealIpFallback: req.allowRealIpFallback,
  };
}

export type ClientIpResolver = (input: ClientIpInput) => Traced<string | undefined>;

export function clientIpResolverAt(version: string): ClientIpResolver {
  const list = rulesAt(RESOLVE_CLIENT_IP, version);
  const handling = addressHandlingAt(version);
  return (input) => {
    const trusted = (ip: string) => handling.isTrustedProxy(ip, input.trustedProxies);
    const chain = once(() => (input.forwardedFor ?? "").split(",").flatMap((entry) => handling.parseForwardedEntry(entry) ?? []));
    const walk = (skipLoopback: boolean) =>
      once(() => [...chain()].reverse().find((hop) => !(skipLoopback && decide(LOOPBACK_BY_IPADDR, hop).value) && !trusted(hop)));
    const facts: ClientIpFacts = {
      peer: once(() => handling.normalize(input.socketAddress)),
      peerTrusted: once(() => trusted(input.socketAddress ?? "")),
      leftmostHop: once(() => handling.parseForwardedEntry(input.forwardedFor?.split(",")[0])),
      firstUntrustedHop: walk(false),
      firstUntrustedNonLoopbackHop: walk(true),
      realIp: once(() => handling.parseForwardedEntry(input.realIp)),
      allowRealIpFallback: input.allowRealIpFallback,
    };
    const decided = decideTraced(list, facts);
    return { ...decided, value: valueOf(decided.value, facts) };
  };
}

function valueOf(source: ClientIpSource, f: ClientIpFacts): string | undefined {
  switch (source) {
    case "socket":
      return f.peer();
    case "xff-leftmost":
      return f.leftmostHop();
    case "xff-walk":
      return f.firstUntrustedHop();
    case "xff-walk-skipping-loopback":
      return f.firstUntrustedNonLoopbackHop();
    case "x-real-ip":
      return f.realIp();
    case "none":
      return undefined;
  }
}
