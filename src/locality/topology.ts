import { LOOPBACK_CLASSES, type AddressClass } from "./address-class.ts";
import { concreteRequest, HEADER, type ConcreteRequest, type Listener } from "./request.ts";

/**
 * Who is really connecting. `address` is the peer address the first hop sees (what Node reports
 * on a direct connection); for a process on the gateway host that is one of its loopback
 * spellings, or the host's own LAN address when it dials that.
 */
export interface TrueOrigin {
  onGatewayHost: boolean;
  addressClass: AddressClass;
  address: string;
}

/** Headers the client itself writes, lower-case names; `host` and `origin` included. */
export type ClientHeaders = Readonly<Record<string, string>>;

/**
 * A deployment: how a true origin's connection reaches the gateway and what the gateway then
 * observes. Whether the client is local is a property of the origin alone; the topology only
 * decides how well the observation preserves it.
 */
export interface Topology {
  id: TopologyId;
  description: string;
  /** the gateway.trustedProxies this deployment is meant to run with. */
  trustedProxies: readonly string[];
  listener: Listener;
  observe(origin: TrueOrigin, client?: ClientHeaders): ConcreteRequest;
  trueLocality(origin: TrueOrigin): boolean;
}

export const GATEWAY_LAN_ADDRESS = "10.0.0.2";
export const GATEWAY_TAILNET_ADDRESS = "100.100.0.2";
export const LAN_PROXY_ADDRESS = "10.0.0.9";

/**
 * A gateway-host process that has to leave the machine to reach a hop (a LAN proxy, the tailnet)
 * cannot use a loopback source there; it shows up with the host's address on that network.
 */
function seenOffHost(origin: TrueOrigin, hostAddressThere: string): string {
  return origin.onGatewayHost && LOOPBACK_CLASSES.includes(origin.addressClass) ? hostAddressThere : origin.address;
}

export const TOPOLOGY_IDS = [
  "direct",
  "same-host-proxy",
  "same-host-tcp-relay",
  "passthrough-proxy",
  "tailscale-serve",
  "lan-proxy",
] as const;
export type TopologyId = (typeof TOPOLOGY_IDS)[number];

/** What the client sent, minus the names a proxy of this kind rewrites itself. */
function passOn(client: ClientHeaders, rewritten: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(client).filter(([name]) => !rewritten.includes(name)));
}

function request(socketAddress: string, headers: Record<string, string>, topology: Pick<Topology, "trustedProxies" | "listener">): ConcreteRequest {
  const { host, origin, ...rest } = headers;
  return concreteRequest({ socketAddress, host, origin, headers: rest, trustedProxies: [...topology.trustedProxies], listener: topology.listener });
}

/** nginx's `proxy_add_x_forwarded_for`: the client's own list, then the address the proxy saw. */
function appendHop(client: ClientHeaders, hop: string): string {
  const theirs = client[HEADER.xForwardedFor];
  return theirs ? `${theirs}, ${hop}` : hop;
}

function topology(
  id: TopologyId,
  description: string,
  config: Pick<Topology, "trustedProxies" | "listener">,
  observe: (origin: TrueOrigin, client: ClientHeaders) => { socket: string; headers: Record<string, string> },
): Topology {
  return {
    id,
    description,
    ...config,
    observe: (origin, client = {}) => {
      const seen = observe(origin, client);
      return request(seen.socket, seen.headers, config);
    },
    trueLocality: (origin) => origin.onGatewayHost,
  };
}

const PROXY_SETS = [HEADER.xForwardedFor, HEADER.xRealIp, HEADER.xForwardedProto];
const TAILSCALE_SETS = [HEADER.xForwardedFor, HEADER.xForwardedProto, HEADER.xForwardedHost, HEADER.tailscaleUserLogin, HEADER.tailscaleUserName, HEADER.tailscaleUserProfilePic];

export const TOPOLOGIES: Record<TopologyId, Topology> = {
  direct: topology("direct", "the client connects straight to the gateway port", { trustedProxies: [], listener: "ordinary" }, (o, c) => ({
    socket: o.address,
    headers: { ...c },
  })),
  "same-host-proxy": topology(
    "same-host-proxy",
    "an HTTP reverse proxy on the gateway host appends X-Forwarded-For and sets X-Real-IP and X-Forwarded-Proto",
    { trustedProxies: ["127.0.0.1"], listener: "ordinary" },
    (o, c) => ({ socket: "127.0.0.1", headers: { ...passOn(c, PROXY_SETS), [HEADER.xForwardedFor]: appendHop(c, o.address), [HEADER.xRealIp]: o.address, [HEADER.xForwardedProto]: "https" } }),
  ),
  "same-host-tcp-relay": topology(
    "same-host-tcp-relay",
    "socat, ssh -L or an nginx stream block on the gateway host: bytes are relayed, nothing is added, the client's own headers arrive untouched",
    { trustedProxies: [], listener: "ordinary" },
    (_o, c) => ({ socket: "127.0.0.1", headers: { ...c } }),
  ),
  "passthrough-proxy": topology(
    "passthrough-proxy",
    "a trusted HTTP proxy on the gateway host that keeps a client-supplied X-Forwarded-For as is and adds one only when there is none",
    { trustedProxies: ["127.0.0.1"], listener: "ordinary" },
    (o, c) => ({ socket: "127.0.0.1", headers: { ...passOn(c, [HEADER.xForwardedProto]), [HEADER.xForwardedFor]: c[HEADER.xForwardedFor] || o.address, [HEADER.xForwardedProto]: "https" } }),
  ),
  "tailscale-serve": topology(
    "tailscale-serve",
    "Tailscale Serve on the gateway host, on a listener the gateway manages: it overwrites the forwarding and identity headers (assumed; Serve's exact rewriting is unverified)",
    { trustedProxies: [], listener: "tailscale-serve" },
    (o, c) => ({
      socket: "127.0.0.1",
      headers: {
        ...passOn(c, TAILSCALE_SETS),
        [HEADER.xForwardedFor]: seenOffHost(o, GATEWAY_TAILNET_ADDRESS),
        [HEADER.xForwardedProto]: "https",
        [HEADER.xForwardedHost]: c.host ?? "gateway.tail0000.ts.net",
        [HEADER.tailscaleUserLogin]: "user@example.com",
        [HEADER.tailscaleUserName]: "Example User",
      },
    }),
  ),
  "lan-proxy": topology(
    "lan-proxy",
    "an HTTP reverse proxy on another LAN machine, listed in trustedProxies by CIDR, appending X-Forwarded-For",
    { trustedProxies: ["10.0.0.0/8"], listener: "ordinary" },
    (o, c) => {
      const hop = seenOffHost(o, GATEWAY_LAN_ADDRESS);
      return { socket: LAN_PROXY_ADDRESS, headers: { ...passOn(c, PROXY_SETS), [HEADER.xForwardedFor]: appendHop(c, hop), [HEADER.xRealIp]: hop, [HEADER.xForwardedProto]: "https" } };
    },
  ),
};
