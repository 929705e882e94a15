/**
 * How each abstract cell becomes one concrete connect against a live gateway, or why it cannot.
 * Every field the harness knows has an explicit list of the values it realises; a field it does
 * not know (added to the domain later) is only accepted at its default (first-listed) value, so
 * a new field is never silently realised as if it were absent.
 */
import { CELL_FIELDS, type Cell } from "../domain/cell.ts";
import { CLIENT_WIRE } from "../domain/client-wire.ts";
import { showKeyValue } from "../domain/key-codec.ts";
import type { LiveProfile } from "./profile.ts";

/** client id/mode per client kind: the one table the pairing-locality probe shares (see client-wire.ts for why the Control UI is in mode webchat). */
export const CLIENT_IDS = CLIENT_WIRE;

/** Field values the harness realises; anything else is unrealised with a reason. */
const REALISED: Record<string, readonly unknown[]> = {
  role: ["operator", "node"],
  client: Object.keys(CLIENT_IDS),
  device: ["none", "unpaired", "paired"],
  authMode: ["token", "password", "none", "trusted-proxy", "tailscale"],
  credential: ["secret-ok", "secret-wrong", "none", "device-token", "proxy-ok", "proxy-missing"],
  locality: ["local", "remote"],
  origin: ["none", "loopback", "foreign"],
  allowInsecureAuth: [false, true],
  dangerouslyDisableDeviceAuth: [false, true],
  upgrade: ["none", "scopes", "role"],
  forwarded: [false, true],
  hostHeader: ["gateway", "origin"],
  withDeviceToken: [false, true],
  proxySocket: ["lan", "loopback", "loopback-opted-in"],
};

const WHY_NOT: Record<string, string> = {
  "credential=bootstrap-token": "bootstrap tokens need an admin's single-use setup code per connect (device.pair.setupCode); not driven by the harness",
  "credential=tailscale-ok": "a Tailscale identity needs `tailscale serve` and whois on the host; not driven by the harness",
  "credential=tailscale-missing": "a Tailscale identity needs `tailscale serve` and whois on the host; not driven by the harness",
};

/** The gateway a cell needs: one per auth mode and Control UI knobs (and per bind where the release must split). */
export interface GatewayKey {
  authMode: Cell["authMode"];
  allowInsecureAuth: boolean;
  dangerouslyDisableDeviceAuth: boolean;
  /** `custom`: bound to the netns veth host end (remote peers); `loopback`: 127.0.0.1 only. */
  bind: "loopback" | "custom";
  /** trusted-proxy: the proxy is a loopback hop (127.0.0.1 trusted) rather than the netns peer. */
  loopbackProxy: boolean;
  /** trusted-proxy with a loopback hop: `gateway.auth.trustedProxy.allowLoopback` set (the opt-in of 4.27+, psock=loopback-opted-in). */
  proxyAllowLoopback?: true;
  /**
   * Another mode's forwarded cells: the hop carrying their X-Forwarded-For is a trusted proxy
   * (gateway.trustedProxies), the loopback hop or the netns peer. Absent: nothing is trusted.
   */
  forwardedBy?: "loopback" | "peer";
}

export interface CellPlan {
  gateway: GatewayKey;
  /** where the socket comes from: this process over loopback, or the peer inside the netns. */
  from: "loopback" | "peer";
  /** a trusted-proxy hop: the connecting socket is the proxy, the client is named in X-Forwarded-For. */
  proxy?: { forwardedFor: string; user: boolean };
  /** a forwarded cell in another mode: the X-Forwarded-For its hop sends (the client it names). */
  forwardedFor?: string;
}

export const gatewayId = (g: GatewayKey) =>
  `${g.authMode}-i${+g.allowInsecureAuth}-d${+g.dangerouslyDisableDeviceAuth}-${g.bind}${g.loopbackProxy ? "-lproxy" : ""}${g.proxyAllowLoopback ? "-optin" : ""}${g.forwardedBy ? `-fwd-${g.forwardedBy}` : ""}`;

/** In trusted-proxy mode a shared secret is the password of a caller that bypasses the proxy; everything else goes through it. */
const throughProxy = (cell: Cell) => cell.authMode === "trusted-proxy" && cell.credential !== "secret-ok" && cell.credential !== "secret-wrong";

/** Why the harness cannot realise this cell against this release, or undefined when it can. */
export function unrealisedReason(
  cell: Cell,
  profile: LiveProfile,
  netnsProblem: string | undefined,
  fields: readonly (readonly [string, readonly unknown[]])[] = CELL_FIELDS,
): string | undefined {
  const record = cell as unknown as Record<string, unknown>;
  for (const [field, values] of fields) {
    const value = record[field];
    const known = REALISED[field];
    if (!known) {
      if (value !== values[0]) return WHY_NOT[`${field}=${String(value)}`] ?? `live: the harness has no realisation for ${field}=${showKeyValue(value)} (only its default ${showKeyValue(values[0])})`;
      continue;
    }
    if (!known.includes(value)) return WHY_NOT[`${field}=${String(value)}`] ?? `live: the harness has no realisation for ${field}=${showKeyValue(value)}`;
  }
  if (cell.credential === "device-token" && cell.device !== "paired") return "a device token that verifies exists only for a paired device";
  const hop = forwardedHop(cell, profile);
  if (cell.forwarded && cell.authMode === "trusted-proxy" && !throughProxy(cell)) {
    return "trusted-proxy direct caller with forwarding headers: the harness's only proxy in that mode is the trusted one, so a caller bypassing it while carrying X-Forwarded-For is not realised";
  }
  if (cell.forwarded && cell.authMode !== "trusted-proxy" && cell.locality === "local" && !profile.loopbackHopIsLocal) {
    return "forwarded local: from 3.22 a request with forwarding headers is never local (and from 8.1 a trusted hop naming a loopback client is refused at upgrade), so no such connect is observed as local";
  }
  if (cell.hostHeader === "origin" && cell.locality === "local" && profile.localityReadsHost) {
    return "hostHeader=origin local: this release classes a loopback socket whose Host is not a local name as remote (isLocalishHost), so a Host equal to a foreign page's is never observed as local";
  }
  if (hop?.from === "peer" && netnsProblem) return netnsProblem;
  if (cell.locality === "remote" && !hop && !(throughProxy(cell) && cell.proxySocket !== "lan") && netnsProblem) return netnsProblem;
  if (cell.locality === "remote" && cell.authMode === "none" && !hop) return "auth none refuses a non-loopback bind, so no true remote socket reaches it";
  if (cell.authMode === "trusted-proxy" && !throughProxy(cell) && cell.locality === "remote" && profile.refusesUnattributedProxyTraffic) {
    return "trusted-proxy remote direct caller: the only remote peer is the trusted proxy itself, and from 8.1 its traffic without a forwarded client is refused at upgrade (HTTP 403)";
  }
  if (cell.authMode === "trusted-proxy" && !throughProxy(cell) && cell.locality === "local" && !profile.customBindAlsoLoopback) {
    return "trusted-proxy local direct caller: a loopback-bound trusted-proxy gateway must trust 127.0.0.1, which makes this release class every loopback connect non-local, and its custom bind does not listen on loopback";
  }
  if (throughProxy(cell) && cell.locality === "local" && !profile.loopbackHopIsLocal) {
    return "trusted-proxy local through the proxy: from 3.22 a proxied request is never local, so no such connect is observed as local";
  }
  if (!profile.bindsCustomHost && planCell(cell, profile).gateway.bind === "custom") {
    return "this release's config schema refuses gateway.customBindHost, so no gateway of it binds the netns address a remote peer connects to";
  }
  return undefined;
}

/**
 * How a forwarded cell outside trusted-proxy mode is carried (trusted-proxy connects already come
 * through the proxy hop, which sends X-Forwarded-For). The hop names the client the cell's
 * locality says the gateway observes: 203.0.113.9 for remote, 127.0.0.1 for local. A remote one
 * comes from the netns peer, except under auth none (no non-loopback bind), where it is a
 * loopback hop. The hop is a trusted proxy where it must be: for a local client (no untrusted
 * hop is ever local) and, from 8.1, always (an untrusted hop's forwarding headers are refused
 * at upgrade with HTTP 403, before any connect policy runs). Before 8.1 a remote one is an
 * untrusted hop, which the gateway classes remote ("proxy headers detected from untrusted address").
 */
function forwardedHop(cell: Cell, profile: LiveProfile): { from: CellPlan["from"]; trusted: boolean; forwardedFor: string } | undefined {
  if (!cell.forwarded || cell.authMode === "trusted-proxy") return undefined;
  const remote = cell.locality === "remote";
  return {
    from: remote && cell.authMode !== "none" ? "peer" : "loopback",
    trusted: !remote || profile.refusesUnattributedProxyTraffic,
    forwardedFor: remote ? REMOTE_CLIENT : LOCAL_CLIENT,
  };
}

/** The concrete connect for a realisable cell. */
export function planCell(cell: Cell, profile: LiveProfile): CellPlan {
  const remote = cell.locality === "remote";
  const bind = remote || profile.customBindAlsoLoopback ? "custom" : "loopback";
  const proxied = throughProxy(cell);
  // a same-host proxy (psock) is the loopback hop, for a remote client too; a local client's proxy can only be one
  const loopbackProxy = proxied && (!remote || cell.proxySocket !== "lan");
  const hop = forwardedHop(cell, profile);
  const gateway: GatewayKey = {
    authMode: cell.authMode, allowInsecureAuth: cell.allowInsecureAuth, dangerouslyDisableDeviceAuth: cell.dangerouslyDisableDeviceAuth,
    bind: cell.authMode === "none" || loopbackProxy || hop?.from === "loopback" ? "loopback" : bind,
    loopbackProxy,
    ...(cell.proxySocket === "loopback-opted-in" ? { proxyAllowLoopback: true as const } : {}),
    ...(hop?.trusted ? { forwardedBy: hop.from === "peer" ? ("peer" as const) : ("loopback" as const) } : {}),
  };
  if (hop) return { gateway, from: hop.from, forwardedFor: hop.forwardedFor };
  const from = remote && !loopbackProxy ? "peer" : "loopback";
  if (!proxied) return { gateway, from };
  // every trusted-proxy connect travels through the proxy; only a vouched-for one carries the user header
  return { gateway, from, proxy: { forwardedFor: remote ? REMOTE_CLIENT : LOCAL_CLIENT, user: cell.credential === "proxy-ok" } };
}

/** The client a remote proxy names in X-Forwarded-For (a documentation address: a header value, never contacted). */
export const REMOTE_CLIENT = "203.0.113.9";
/**
 * The client a trusted loopback hop names for a local cell: a loopback address other than the
 * trusted proxy's own. 3.13 walks X-Forwarded-For from the right past every trusted proxy, so a
 * hop naming 127.0.0.1 while 127.0.0.1 is trusted leaves no client address and the connect is not
 * local (read from 3.13's resolveForwardedClientIp; live, that hop's pairing read "pairing
 * required"). A header value only: nothing connects to it.
 */
export const LOCAL_CLIENT = "127.0.0.2";
