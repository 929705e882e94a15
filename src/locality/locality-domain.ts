import { localityModelAt, type IngressKind } from "./locality-model.ts";
import type { ConcreteRequest } from "./request.ts";
import { GATEWAY_LAN_ADDRESS, TOPOLOGIES, TOPOLOGY_IDS, type ClientHeaders, type TopologyId, type TrueOrigin } from "./topology.ts";
import type { Traced } from "./trace.ts";
import { keyCodec } from "../domain/key-codec.ts";

/**
 * The abstract locality domain: every way a true client can reach the gateway, crossed with the
 * settings and client behaviours that change what the gateway sees. Small enough to run
 * exhaustively per release. Keys name values, not positions, so they stay valid when values are
 * added or reordered; renaming a value is what breaks them.
 */
export const LOCALITY_ORIGINS = {
  "local-ipv4": { onGatewayHost: true, addressClass: "ipv4-loopback-canonical", address: "127.0.0.1" },
  "local-ipv4-other": { onGatewayHost: true, addressClass: "ipv4-loopback-other", address: "127.0.0.2" },
  "local-ipv6": { onGatewayHost: true, addressClass: "ipv6-loopback", address: "::1" },
  "local-mapped": { onGatewayHost: true, addressClass: "ipv4-mapped-loopback-dotted", address: "::ffff:127.0.0.1" },
  "local-own-lan": { onGatewayHost: true, addressClass: "rfc1918", address: GATEWAY_LAN_ADDRESS },
  "remote-lan": { onGatewayHost: false, addressClass: "rfc1918", address: "10.1.2.3" },
  "remote-lan-outside": { onGatewayHost: false, addressClass: "rfc1918", address: "192.168.1.20" },
  "remote-tailnet": { onGatewayHost: false, addressClass: "cgnat-tailnet", address: "100.101.102.103" },
  "remote-link-local": { onGatewayHost: false, addressClass: "link-local", address: "169.254.10.20" },
  "remote-public-v4": { onGatewayHost: false, addressClass: "public-v4", address: "203.0.113.5" },
  "remote-public-v6": { onGatewayHost: false, addressClass: "public-v6", address: "2606:4700::1111" },
} as const satisfies Record<string, TrueOrigin>;
export type OriginId = keyof typeof LOCALITY_ORIGINS;

/** gateway.trustedProxies, independent of what the topology was meant to run with. */
export const TRUSTED_PROXY_SETTINGS = {
  none: [],
  loopback: ["127.0.0.1"],
  "lan-cidr": ["10.0.0.0/8"],
  "loopback+lan-cidr": ["127.0.0.1", "10.0.0.0/8"],
} as const satisfies Record<string, readonly string[]>;
export type TrustedProxySetting = keyof typeof TRUSTED_PROXY_SETTINGS;

/** Headers a (possibly hostile) client adds on its own. */
export const SPOOF_OPTIONS = {
  none: {},
  "xff-loopback": { "x-forwarded-for": "127.0.0.1" },
  "xff-loopback-other": { "x-forwarded-for": "127.0.0.2" },
  "real-ip-loopback": { "x-real-ip": "127.0.0.1" },
  "empty-xff": { "x-forwarded-for": "" },
  "proto-only": { "x-forwarded-proto": "http" },
  "tailscale-login": { "tailscale-user-login": "attacker@example.com" },
} as const satisfies Record<string, ClientHeaders>;
export type SpoofOption = keyof typeof SPOOF_OPTIONS;

export const HOST_OPTIONS = {
  loopback: "127.0.0.1:18789",
  localhost: "localhost:18789",
  lan: `${GATEWAY_LAN_ADDRESS}:18789`,
  "ts-net": "gateway.tail0000.ts.net",
  absent: undefined,
} as const satisfies Record<string, string | undefined>;
export type HostOption = keyof typeof HOST_OPTIONS;

export interface LocalityCell {
  topology: TopologyId;
  origin: OriginId;
  trusted: TrustedProxySetting;
  realIp: boolean;
  spoof: SpoofOption;
  host: HostOption;
}

const keysOf = <T extends object>(o: T) => Object.keys(o) as (keyof T)[];

/** Field order of keys and of enumeration; short names keep keys shell-safe and readable. */
const FIELDS = [
  ["topo", "topology", TOPOLOGY_IDS],
  ["origin", "origin", keysOf(LOCALITY_ORIGINS)],
  ["trusted", "trusted", keysOf(TRUSTED_PROXY_SETTINGS)],
  ["realip", "realIp", [false, true]],
  ["spoof", "spoof", keysOf(SPOOF_OPTIONS)],
  ["host", "host", keysOf(HOST_OPTIONS)],
] as const satisfies readonly (readonly [string, keyof LocalityCell, readonly unknown[]])[];

const codec = keyCodec<LocalityCell>("locality", FIELDS.map(([short, field, values]) => [field, short, values] as const));

export const localityCellKey = (cell: LocalityCell): string => codec.key(cell);
export const parseLocalityCellKey = (key: string): LocalityCell => codec.parse(key);
/** A partial connection key (`--connection`): each part a known field with one of its values, each field once. */
export const parseLocalityPattern = (key: string): Partial<LocalityCell> => codec.pattern(key);

let cached: readonly LocalityCell[] | undefined;

export function localityCells(): readonly LocalityCell[] {
  if (!cached) {
    let cells: Record<string, unknown>[] = [{}];
    for (const [, field, values] of FIELDS) cells = cells.flatMap((c) => (values as readonly unknown[]).map((v) => ({ ...c, [field]: v })));
    cached = Object.freeze(cells.map((c) => Object.freeze(c as unknown as LocalityCell)));
  }
  return cached;
}

// the observation does not depend on the release, so exhaustive runs over many releases build it once
const requests = new WeakMap<LocalityCell, ConcreteRequest>();
// what the topology delivers depends on neither setting (trustedProxies, X-Real-IP fallback), so the
// eight connections that differ only in those share one observation (each is a validated request)
const delivered = new Map<string, ConcreteRequest>();

export function requestOf(cell: LocalityCell): ConcreteRequest {
  let request = requests.get(cell);
  if (!request) {
    const via = `${cell.topology}\u0000${cell.origin}\u0000${cell.spoof}\u0000${cell.host}`;
    let observed = delivered.get(via);
    if (!observed) {
      const host = HOST_OPTIONS[cell.host];
      const client: ClientHeaders = { ...SPOOF_OPTIONS[cell.spoof], ...(host === undefined ? {} : { host }) };
      delivered.set(via, (observed = TOPOLOGIES[cell.topology].observe(LOCALITY_ORIGINS[cell.origin], client)));
    }
    request = Object.freeze({ ...observed, trustedProxies: [...TRUSTED_PROXY_SETTINGS[cell.trusted]], allowRealIpFallback: cell.realIp });
    requests.set(cell, request);
  }
  return request;
}

export interface LocalityObservation {
  key: string;
  request: ConcreteRequest;
  /** is the true client a process on the gateway host? */
  trueLocal: boolean;
  /** what the release's connect handler would call `isLocalClient`, with its rule trail. */
  isLocalClient: Traced<boolean>;
  ingressKind?: IngressKind;
}

export function observeLocality(version: string, cell: LocalityCell): LocalityObservation {
  const model = localityModelAt(version);
  const request = requestOf(cell);
  return {
    key: localityCellKey(cell),
    request,
    trueLocal: TOPOLOGIES[cell.topology].trueLocality(LOCALITY_ORIGINS[cell.origin]),
    isLocalClient: model.isLocalClient(request),
    ingressKind: model.ingressAttribution?.(request).value,
  };
}
