/**
 * How each abstract cell becomes one concrete connect against a live gateway, or why it cannot.
 * Every field the harness knows has an explicit list of the values it realises; a field it does
 * not know (added to the domain later) is only accepted at its default (first-listed) value, so
 * a new field is never silently realised as if it were absent.
 */
import { CELL_FIELDS, type Cell } from "../domain/cell.ts";
import { showKeyValue } from "../domain/key-codec.ts";
import type { LiveProfile } from "./profile.ts";

export const CLIENT_IDS: Record<string, { id: string; mode: string }> = {
  cli: { id: "cli", mode: "cli" },
  backend: { id: "gateway-client", mode: "backend" },
  "node-host": { id: "node-host", mode: "node" },
  webchat: { id: "webchat", mode: "webchat" },
  "control-ui": { id: "openclaw-control-ui", mode: "ui" },
  other: { id: "test", mode: "test" },
};

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
};

const WHY_NOT: Record<string, string> = {
  "credential=bootstrap-token": "bootstrap tokens need an admin's single-use setup code per connect (device.pair.setupCode); not driven by the harness",
  "credential=tailscale-ok": "a Tailscale identity needs `tailscale serve` and whois on the host; not driven by the harness",
  "credential=tailscale-missing": "a Tailscale identity needs `tailscale serve` and whois on the host; not driven by the harness",
  "forwarded=true": "live: forwarding headers on a direct connect are not sent by the harness (they would also change the locality the gateway observes); only its trusted-proxy hop adds them",
  "hostHeader=origin": "live: the harness connects by address and sends the gateway's own Host; a Host equal to a foreign Origin (a rebound name) is not realised",
  "withDeviceToken=true": "live: the harness sends one credential per connect; a device token beside a shared secret is not realised",
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
}

export interface CellPlan {
  gateway: GatewayKey;
  /** where the socket comes from: this process over loopback, or the peer inside the netns. */
  from: "loopback" | "peer";
  /** a trusted-proxy hop: the connecting socket is the proxy, the client is named in X-Forwarded-For. */
  proxy?: { forwardedFor: string; user: boolean };
}

export const gatewayId = (g: GatewayKey) => `${g.authMode}-i${+g.allowInsecureAuth}-d${+g.dangerouslyDisableDeviceAuth}-${g.bind}${g.loopbackProxy ? "-lproxy" : ""}`;

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
  if (cell.locality === "remote" && netnsProblem) return netnsProblem;
  if (cell.locality === "remote" && cell.authMode === "none") return "auth none refuses a non-loopback bind, so no true remote socket reaches it";
  if (cell.authMode === "trusted-proxy" && !throughProxy(cell) && cell.locality === "remote" && profile.refusesUnattributedProxyTraffic) {
    return "trusted-proxy remote direct caller: the only remote peer is the trusted proxy itself, and from 8.1 its traffic without a forwarded client is refused at upgrade (HTTP 403)";
  }
  if (cell.authMode === "trusted-proxy" && !throughProxy(cell) && cell.locality === "local" && !profile.customBindAlsoLoopback) {
    return "trusted-proxy local direct caller: a loopback-bound trusted-proxy gateway must trust 127.0.0.1, which makes this release class every loopback connect non-local, and its custom bind does not listen on loopback";
  }
  if (throughProxy(cell) && cell.locality === "local" && !profile.loopbackHopIsLocal) {
    return "trusted-proxy local through the proxy: from 3.22 a proxied request is never local, so no such connect is observed as local";
  }
  return undefined;
}

/** The concrete connect for a realisable cell. */
export function planCell(cell: Cell, profile: LiveProfile): CellPlan {
  const remote = cell.locality === "remote";
  const bind = remote || profile.customBindAlsoLoopback ? "custom" : "loopback";
  const proxied = throughProxy(cell);
  const gateway: GatewayKey = {
    authMode: cell.authMode, allowInsecureAuth: cell.allowInsecureAuth, dangerouslyDisableDeviceAuth: cell.dangerouslyDisableDeviceAuth,
    bind: cell.authMode === "none" || (proxied && !remote) ? "loopback" : bind,
    loopbackProxy: proxied && !remote,
  };
  const from = remote ? "peer" : "loopback";
  if (!proxied) return { gateway, from };
  // every trusted-proxy connect travels through the proxy; only a vouched-for one carries the user header
  return { gateway, from, proxy: { forwardedFor: remote ? REMOTE_CLIENT : "127.0.0.1", user: cell.credential === "proxy-ok" } };
}

/** The client a remote proxy names in X-Forwarded-For (a documentation address: a header value, never contacted). */
export const REMOTE_CLIENT = "203.0.113.9";
