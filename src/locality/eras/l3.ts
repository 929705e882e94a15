import { always, rulesAt, type RuleList } from "../../model/rule.ts";
import { HEADER, hasValue, headerOf, type ConcreteRequest, type Listener } from "../request.ts";
import { decideTraced, once, Trail, type Traced } from "../trace.ts";
import { addressHandlingAt } from "./address-handling.ts";
import { clientIpInputOf, clientIpResolverAt } from "./client-ip.ts";
import { FORWARDING_HEADERS, hasTailscaleOwnedHeaders } from "./forwarding-headers.ts";
import { socketOnlyLocalDirectAt } from "./l2.ts";
import { LOOPBACK_BY_IPADDR } from "./loopback.ts";
import { defineEra, type IngressKind, type LocalityEraDefinition } from "./model.ts";

/**
 * L3, 2026.8.1+. Each request gets an ingress attribution and `isLocalClient` is
 * `kind === "direct-local"`. Only the kind is modelled: not the WhoIs identity check behind
 * tailscale-serve, nor the operator-run external Serve path (allowVerifiedExternalServe).
 * The rules were checked against the sliced 8.1 and 9.6 functions (test/locality-real).
 */
export interface IngressFacts {
  listener: Listener;
  socketLoopback: () => boolean;
  proxyHeaders: () => boolean;
  tailscaleOwned: () => boolean;
  /** X-Forwarded-For, -Proto and -Host all carry a value: the set Tailscale's proxy sends. */
  tailscaleProxyTrio: () => boolean;
  /** Tailscale-Funnel-Request, when it carries a value. */
  funnelMarker: () => string | undefined;
  /** X-Forwarded-For names a non-loopback client when only loopback counts as a proxy, as for Serve. */
  tailscaleClientNamed: () => boolean;
  peerTrusted: () => boolean;
  clientIp: () => string | undefined;
  clientIpLoopback: () => boolean;
}

const managed = (f: IngressFacts) => f.listener !== "ordinary";

export const INGRESS_ATTRIBUTION: RuleList<IngressFacts, IngressKind> = {
  name: "resolveGatewayIngressAttribution",
  rules: [
    {
      id: "ingress/direct-local",
      when: (f) => f.listener === "ordinary" && f.socketLoopback() && !f.proxyHeaders() && !f.tailscaleOwned(),
      then: "direct-local",
      why: "ordinary listener, loopback socket, no proxy or Tailscale headers; Host is not looked at",
    },
    // a listener the gateway runs for Tailscale hands every request to its own branch, which never consults trustedProxies
    {
      id: "ingress/managed-not-from-tailscale",
      when: (f) => managed(f) && !(f.socketLoopback() && f.tailscaleProxyTrio()),
      then: "unattributable-proxy",
      why: "on a Tailscale-managed listener, only a loopback peer sending X-Forwarded-For, -Proto and -Host can be Tailscale's proxy",
    },
    {
      id: "ingress/managed-no-client",
      when: (f) => managed(f) && !f.tailscaleClientNamed(),
      then: "unattributable-proxy",
      why: "X-Forwarded-For (read with only loopback trusted) names no client, or a loopback one",
    },
    {
      id: "ingress/tailscale-funnel",
      when: (f) => f.listener === "tailscale-funnel" && (f.funnelMarker() === undefined || f.funnelMarker() === "?1"),
      then: "tailscale-funnel",
      // measured: sliced 8.1/9.6 resolveManagedTailscaleIngress says funnel with no marker at all, not only with `?1`
      why: "a Funnel listener: public internet traffic, whether or not Tailscale-Funnel-Request is sent, unless it carries another value",
    },
    { id: "ingress/funnel-odd-marker", when: (f) => f.listener === "tailscale-funnel", then: "unattributable-proxy", why: "a Funnel marker other than `?1`" },
    {
      id: "ingress/serve-funnel-marker",
      when: (f) => f.listener === "tailscale-serve" && f.funnelMarker() !== undefined,
      then: "unattributable-proxy",
      why: "a Serve listener receiving Funnel's marker: not what Serve sends",
    },
    {
      id: "ingress/tailscale-serve",
      when: (f) => f.listener === "tailscale-serve",
      then: "tailscale-serve",
      // measured: 8.1/9.6 attribute Serve without any Tailscale-User-Login; a missing or wrong login only fails the later WhoIs check
      why: "a Serve listener naming a tailnet client; the identity is verified later by WhoIs, a login header is not required for the kind",
    },
    {
      id: "ingress/trusted-proxy",
      when: (f) => f.peerTrusted() && f.clientIp() !== undefined && !f.clientIpLoopback(),
      then: "trusted-proxy",
      why: "a listed proxy naming a non-loopback client (through X-Forwarded-For, or X-Real-IP with the fallback on)",
    },
    { id: "ingress/trusted-proxy-unresolvable", when: (f) => f.peerTrusted(), then: "unattributable-proxy", why: "a listed proxy that names no usable client, or a loopback one" },
    {
      id: "ingress/unlisted-proxy",
      when: (f) => f.proxyHeaders() || f.tailscaleOwned(),
      then: "unattributable-proxy",
      // measured: sliced 8.1/9.6 answer unattributable-proxy for a LAN peer sending X-Forwarded-For/-Proto or a Tailscale login, not direct-remote
      why: "forwarding or Tailscale headers from a peer that is not a listed proxy, loopback or not",
    },
    { id: "ingress/direct-remote", when: always, then: "direct-remote", why: "a non-loopback peer with no sign of a proxy" },
  ],
};

export const L3: LocalityEraDefinition = defineEra({
  id: "L3",
  title: "ingress attribution: local only when attributed direct-local",
  since: "2026.8.1",
  modelAt: (version) => {
    const ingress = rulesAt(INGRESS_ATTRIBUTION, version);
    const forwarding = rulesAt(FORWARDING_HEADERS, version);
    const loopback = rulesAt(LOOPBACK_BY_IPADDR, version);
    const resolve = clientIpResolverAt(version);
    const handling = addressHandlingAt(version);

    // like upstream, attribute each request once: isLocalClient and the auth path ask for the same object
    const attributed = new WeakMap<ConcreteRequest, Traced<IngressKind>>();
    const ingressAttribution = (req: ConcreteRequest): Traced<IngressKind> => {
      let known = attributed.get(req);
      if (!known) {
        known = attribute(req);
        attributed.set(req, known);
      }
      return known;
    };

    const attribute = (req: ConcreteRequest): Traced<IngressKind> => {
      const trail = new Trail();
      const peer = handling.normalize(req.socketAddress) ?? req.socketAddress ?? "unknown";
      const facts: IngressFacts = {
        listener: req.listener,
        socketLoopback: once(() => trail.consult(decideTraced(loopback, peer))),
        proxyHeaders: once(() => trail.consult(decideTraced(forwarding, req))),
        tailscaleOwned: once(() => hasTailscaleOwnedHeaders(req)),
        tailscaleProxyTrio: once(() => [HEADER.xForwardedFor, HEADER.xForwardedProto, HEADER.xForwardedHost].every((h) => hasValue(req, h))),
        funnelMarker: once(() => headerOf(req, HEADER.tailscaleFunnelRequest) || undefined),
        tailscaleClientNamed: once(() => {
          const client = resolve({ ...clientIpInputOf(req), realIp: undefined, trustedProxies: ["127.0.0.1", "::1"], allowRealIpFallback: false }).value;
          return client !== undefined && !decideTraced(loopback, client).value;
        }),
        peerTrusted: once(() => handling.isTrustedProxy(peer, req.trustedProxies)),
        clientIp: once(() => trail.consult(resolve(clientIpInputOf(req)))),
        clientIpLoopback: once(() => trail.consult(decideTraced(loopback, facts.clientIp() ?? ""))),
      };
      return decideTraced(ingress, facts, trail);
    };

    return {
      era: "L3",
      version,
      isLoopbackAddress: (address) => decideTraced(loopback, address),
      resolveClientIp: (req) => resolve(clientIpInputOf(req)),
      isLocalDirectRequest: socketOnlyLocalDirectAt(version),
      ingressAttribution,
      isLocalClient: (req) => {
        const kind = ingressAttribution(req);
        return { value: kind.value === "direct-local", rule: kind.rule, trail: kind.trail };
      },
    };
  },
});
