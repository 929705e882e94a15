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
 */
export interface IngressFacts {
  listener: Listener;
  socketLoopback: () => boolean;
  proxyHeaders: () => boolean;
  tailscaleOwned: () => boolean;
  /** X-Forwarded-For, -Proto and -Host all carry a value: the set Tailscale's proxy sends. */
  tailscaleProxyTrio: () => boolean;
  tailscaleLogin: () => boolean;
  funnelMarker: () => boolean;
  /** the client named by X-Forwarded-For when only loopback counts as a proxy, as for Serve. */
  tailscaleClientResolved: () => boolean;
  peerTrusted: () => boolean;
  clientIp: () => string | undefined;
  clientIpLoopback: () => boolean;
}

const servedBy = (f: IngressFacts, listener: Listener) => f.socketLoopback() && f.listener === listener && f.tailscaleProxyTrio();
/** the header that shows the managed listener's own Tailscale proxy sent the request. */
const tailscaleEvidence = (f: IngressFacts) =>
  f.listener === "tailscale-serve" ? f.tailscaleLogin() : f.listener === "tailscale-funnel" ? f.funnelMarker() : false;

export const INGRESS_ATTRIBUTION: RuleList<IngressFacts, IngressKind> = {
  name: "resolveGatewayIngressAttribution",
  rules: [
    {
      id: "ingress/direct-local",
      when: (f) => f.socketLoopback() && !f.proxyHeaders() && !f.tailscaleOwned() && f.listener === "ordinary",
      then: "direct-local",
      why: "loopback socket, no proxy or Tailscale headers, ordinary listener (notes §4; a later upstream source skips the listener test)",
    },
    {
      id: "ingress/tailscale-serve",
      when: (f) => servedBy(f, "tailscale-serve") && f.tailscaleLogin() && f.tailscaleClientResolved(),
      then: "tailscale-serve",
      why: "a Serve-managed listener, Tailscale's header set and a user login; the identity is verified later by WhoIs",
    },
    {
      id: "ingress/tailscale-funnel",
      when: (f) => servedBy(f, "tailscale-funnel") && f.funnelMarker() && f.tailscaleClientResolved(),
      then: "tailscale-funnel",
      why: "a Funnel-managed listener and the funnel request marker: public internet traffic",
    },
    {
      id: "ingress/tailscale-unresolvable",
      when: (f) => servedBy(f, f.listener) && tailscaleEvidence(f),
      then: "unattributable-proxy",
      why: "Tailscale's headers on a managed listener, but no client can be named from X-Forwarded-For",
    },
    {
      id: "ingress/trusted-proxy",
      when: (f) => f.peerTrusted() && f.clientIp() !== undefined && !f.clientIpLoopback(),
      then: "trusted-proxy",
      why: "a listed proxy naming a non-loopback client; whether a loopback X-Real-IP fallback lands here or below is unverified",
    },
    { id: "ingress/trusted-proxy-unresolvable", when: (f) => f.peerTrusted(), then: "unattributable-proxy", why: "a listed proxy that names no usable client" },
    {
      id: "ingress/loopback-proxy",
      when: (f) => f.socketLoopback(),
      then: "unattributable-proxy",
      why: "a loopback peer that is neither direct nor attributable: an unlisted same-host proxy (or, per the notes, a bare request on a managed listener)",
    },
    {
      id: "ingress/direct-remote",
      when: always,
      then: "direct-remote",
      why: "a non-loopback peer; with forwarding headers the notes' summary says unattributable, later source says this (not local either way)",
    },
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
        tailscaleLogin: once(() => Boolean(headerOf(req, HEADER.tailscaleUserLogin)?.trim())),
        funnelMarker: once(() => headerOf(req, HEADER.tailscaleFunnelRequest) === "?1"),
        tailscaleClientResolved: once(
          () => resolve({ ...clientIpInputOf(req), realIp: undefined, trustedProxies: ["127.0.0.1", "::1"], allowRealIpFallback: false }).value !== undefined,
        ),
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
