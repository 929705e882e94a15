import ipaddr from "ipaddr.js";
import { LOCALITY_ORIGINS, TRUSTED_PROXY_SETTINGS, type LocalityCell } from "../locality/locality-domain.ts";

/** Does gateway.trustedProxies cover the true client's own address (so the client may vouch for itself)? */
export function clientListedAsTrustedProxy(cell: LocalityCell): boolean {
  const address = ipaddr.process(LOCALITY_ORIGINS[cell.origin].address);
  return TRUSTED_PROXY_SETTINGS[cell.trusted].some((entry) => {
    const [range, bits] = entry.includes("/") ? ipaddr.parseCIDR(entry) : [ipaddr.process(entry), entry.includes(":") ? 128 : 32];
    return range.kind() === address.kind() && address.match(range, bits);
  });
}
