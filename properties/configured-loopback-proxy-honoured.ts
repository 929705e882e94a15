import type { Cell } from "../src/domain/cell.ts";
import { sendsItsOrigin } from "../src/domain/cell-facts.ts";
import { existsAt } from "../src/domain/validity.ts";
import { admitted, violation, type Property } from "../src/engine/property.ts";
import { noKnobs } from "./availability.ts";

/**
 * A same-host proxy as the operator configures it on this release: listed in
 * gateway.trustedProxies, and opted in where the release has gateway.auth.trustedProxy.allowLoopback
 * (a dated connect, validity.ts: 4.27+). Before the knob, listing it is all the configuration there is.
 */
function configured(c: Cell, version: string): Cell {
  const optedIn: Cell = { ...c, proxySocket: "loopback-opted-in" };
  return existsAt(optedIn, version) ? optedIn : c;
}

/**
 * Availability: a same-host reverse proxy (nginx, Caddy with an auth service) that the operator
 * configured as the trusted proxy is honoured like one on another host. "What the operator needs"
 * is what gets the same connect in through a LAN proxy, so the property isolates the socket: a
 * release that refuses every trusted proxy fails trusted-proxy-operator-admitted, not this.
 * Each same-host proxy cell is checked once, in its configured form; the un-opted proxy itself, on
 * a release that offers the opt-in, is refused by upstream's decision (#54536, kept fail-closed by
 * #73266) and is no configuration of the operator's.
 */
export const configuredLoopbackProxyHonoured: Property = {
  id: "configured-loopback-proxy-honoured",
  statement: "In trusted-proxy mode, an operator that a same-host trusted proxy vouches for is admitted (keeping the scopes it keeps) wherever the same connect through a proxy on another host is, once the operator configured that proxy as the release asks: listed in gateway.trustedProxies, and with gateway.auth.trustedProxy.allowLoopback set on releases that have it (4.27+).",
  why: "a same-host proxy doing the authentication is the ordinary single-host deployment; a release that refuses it with no way to opt in locks every user behind it out (#59167: 3.31 refused it, #73266 added the opt-in in 4.27)",
  // trusted-proxy mode, and so a trusted proxy on any socket, exists from 2.17
  since: "2026.2.17",
  kind: "pair",
  cells: (c) => c.proxySocket === "loopback" && c.authMode === "trusted-proxy" && c.credential === "proxy-ok" && c.role === "operator"
    && c.upgrade === "none" && c.origin !== "foreign" && sendsItsOrigin(c) && noKnobs(c),
  check: (c, ctx) => {
    const lan: Cell = { ...c, proxySocket: "lan" };
    const twin = ctx.verdict(lan);
    if (!admitted(twin)) return undefined;
    const same = configured(c, ctx.impl.version);
    const v = ctx.verdict(same);
    const witnesses = [
      { label: "the same connect through a proxy on another host", cell: lan, verdict: twin },
      ...(same === c ? [] : [{ label: "the proxy opted in (allowLoopback)", cell: same, verdict: v }]),
    ];
    if (!admitted(v)) return violation(`operator vouched for by a configured same-host trusted proxy rejected: ${v.reason}`, ...witnesses);
    if (v.scopes === "cleared" && twin.scopes === "kept") return violation("a configured same-host trusted proxy's operator loses the scopes it keeps behind a proxy on another host", ...witnesses);
    return undefined;
  },
};
