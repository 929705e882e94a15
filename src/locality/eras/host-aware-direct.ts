import { rulesAt, type RuleList } from "../../model/rule.ts";
import { headerOf, type ConcreteRequest } from "../request.ts";
import { decideTraced, once, Trail } from "../trace.ts";
import { addressHandlingAt } from "./address-handling.ts";
import { clientIpInputOf, clientIpResolverAt } from "./client-ip.ts";
import { hasClientIpForwardingHeaders } from "./forwarding-headers.ts";
import type { LocalityEra, LocalityModel } from "./model.ts";

/** What the ≤3.28 `isLocalDirectRequest` weighs; each is computed only if a rule asks. */
export interface HostAwareFacts {
  clientIpLoopback: () => boolean;
  hostLocal: () => boolean;
  forwarded: () => boolean;
  peerTrusted: () => boolean;
}

export interface HostAwareEra {
  era: LocalityEra;
  loopback: RuleList<string, boolean>;
  /** takes the host name already cut out of the Host header by `hostName`. */
  host: RuleList<string, boolean>;
  hostName: (hostHeader: string | undefined) => string;
  localDirect: RuleList<HostAwareFacts, boolean>;
}

/**
 * L0 and L1 share one shape (client IP loopback, Host local, forwarding only via a trusted proxy)
 * and differ in the rule lists plugged into it, so the shape lives here once.
 */
export function hostAwareModelAt(version: string, era: HostAwareEra): LocalityModel {
  const loopback = rulesAt(era.loopback, version);
  const host = rulesAt(era.host, version);
  const localDirect = rulesAt(era.localDirect, version);
  const resolve = clientIpResolverAt(version);
  const handling = addressHandlingAt(version);

  const isLocalDirectRequest = (req: ConcreteRequest) => {
    const trail = new Trail();
    const facts: HostAwareFacts = {
      clientIpLoopback: once(() => trail.consult(decideTraced(loopback, trail.consult(resolve(clientIpInputOf(req))) ?? ""))),
      hostLocal: once(() => trail.consult(decideTraced(host, era.hostName(headerOf(req, "host"))))),
      forwarded: once(() => hasClientIpForwardingHeaders(req)),
      peerTrusted: once(() => handling.isTrustedProxy(req.socketAddress, req.trustedProxies)),
    };
    return decideTraced(localDirect, facts, trail);
  };

  return {
    era: era.era,
    version,
    isLoopbackAddress: (address) => decideTraced(loopback, address),
    resolveClientIp: (req) => resolve(clientIpInputOf(req)),
    isLocalDirectRequest,
    isLocalClient: isLocalDirectRequest,
  };
}

/** Lower-cased Host without port; `[v6]` loses its brackets. Shared by both host-aware eras. */
export function hostNameWithoutPort(hostHeader: string | undefined, keepBareIpv6: boolean, isIpv6: (s: string) => boolean): string {
  const host = (hostHeader ?? "").trim().toLowerCase();
  if (!host) return "";
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    if (end !== -1) return host.slice(1, end);
  }
  if (keepBareIpv6 && isIpv6(host)) return host;
  return host.split(":")[0] ?? "";
}
