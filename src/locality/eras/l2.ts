import { always, rulesAt, type RuleList } from "../../model/rule.ts";
import type { ConcreteRequest } from "../request.ts";
import { decideTraced, once, Trail, type Traced } from "../trace.ts";
import { clientIpInputOf, clientIpResolverAt } from "./client-ip.ts";
import { FORWARDING_HEADERS } from "./forwarding-headers.ts";
import { LOOPBACK_BY_IPADDR } from "./loopback.ts";
import { defineEra, type LocalityEraDefinition } from "./model.ts";

/**
 * L2, 2026.3.31–7.x (#54536). Local = the raw socket is loopback and nothing says a proxy was
 * involved. Host, trustedProxies and allowRealIpFallback are no longer read, which is exactly why
 * a same-host relay that adds no headers (socat, ssh -L, nginx stream) makes everyone local.
 */
export interface SocketOnlyFacts {
  forwarded: () => boolean;
  socketLoopback: () => boolean;
}

export const LOCAL_DIRECT_SOCKET_ONLY: RuleList<SocketOnlyFacts, boolean> = {
  name: "isLocalDirectRequest (socket only)",
  rules: [
    {
      id: "local-direct.socket/forwarding-headers",
      when: (f) => f.forwarded(),
      then: false,
      why: "any sign of a proxy makes the request non-local, whoever sent it and whatever it says",
    },
    { id: "local-direct.socket/socket-not-loopback", when: (f) => !f.socketLoopback(), then: false, why: "the peer is not loopback" },
    {
      id: "local-direct.socket/local",
      when: always,
      then: true,
      why: "loopback socket without proxy headers; Host is ignored (it only feeds a log warning), so relays look local",
    },
  ],
};

/** `isLocalDirectRequest` as L2 defines it; L3 keeps this function beside its ingress attribution. */
export function socketOnlyLocalDirectAt(version: string): (req: ConcreteRequest) => Traced<boolean> {
  const forwarding = rulesAt(FORWARDING_HEADERS, version);
  const loopback = rulesAt(LOOPBACK_BY_IPADDR, version);
  const localDirect = rulesAt(LOCAL_DIRECT_SOCKET_ONLY, version);
  return (req) => {
    const trail = new Trail();
    const facts: SocketOnlyFacts = {
      forwarded: once(() => trail.consult(decideTraced(forwarding, req))),
      socketLoopback: once(() => trail.consult(decideTraced(loopback, req.socketAddress ?? ""))),
    };
    return decideTraced(localDirect, facts, trail);
  };
}

export const L2: LocalityEraDefinition = defineEra({
  id: "L2",
  title: "socket loopback and no forwarding headers; Host ignored",
  since: "2026.3.31",
  until: "2026.8.1",
  modelAt: (version) => {
    const isLocalDirectRequest = socketOnlyLocalDirectAt(version);
    const resolve = clientIpResolverAt(version);
    const loopback = rulesAt(LOOPBACK_BY_IPADDR, version);
    return {
      era: "L2",
      version,
      isLoopbackAddress: (address) => decideTraced(loopback, address),
      resolveClientIp: (req) => resolve(clientIpInputOf(req)),
      isLocalDirectRequest,
      isLocalClient: isLocalDirectRequest,
    };
  },
});
