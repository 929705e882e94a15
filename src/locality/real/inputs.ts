import fc from "fast-check";
import { ADDRESS_CLASSES, ADDRESS_CLASS_EXAMPLES, type AddressClass } from "../address-class.ts";
import { addressOf } from "../address-arbitraries.ts";
import { localityCellKey, localityCells, requestOf, type LocalityCell } from "../locality-domain.ts";
import { concreteRequest, HEADER, type ConcreteRequest } from "../request.ts";

/** One input to compare on, with a label that says where it came from (a cell key, or class and slot). */
export interface Probe<T> {
  label: string;
  input: T;
  cell?: LocalityCell;
}

/** Every fixed spelling of every address class. */
export function exampleAddresses(): Probe<string>[] {
  return ADDRESS_CLASSES.flatMap((cls) => ADDRESS_CLASS_EXAMPLES[cls].map((text, i) => ({ label: `example ${cls}#${i}`, input: text })));
}

/** The request of every abstract locality cell. */
export function cellRequests(): Probe<ConcreteRequest>[] {
  return localityCells().map((cell) => ({ label: localityCellKey(cell), input: requestOf(cell), cell }));
}

/** `numRuns` random spellings of each class, the same ones for the same seed. */
function spellings(seed: number, numRuns: number): { cls: AddressClass; text: string }[] {
  return ADDRESS_CLASSES.flatMap((cls) => fc.sample(addressOf(cls), { seed, numRuns }).map((text) => ({ cls, text })));
}

export function randomAddresses(seed: number, numRuns: number): Probe<string>[] {
  return spellings(seed, numRuns).map(({ cls, text }, i) => ({ label: `random ${cls} #${i}`, input: text }));
}

const LOCAL_HOST = "localhost:18789";
const UNTRUSTED_CLIENT = "203.0.113.7";

/**
 * Each slot a spelling can take in a request: where the locality functions read an address. The
 * rest of each request is fixed and ordinary, so a disagreement points at how the slot is read.
 */
const SLOTS: Record<string, (text: string, cls: AddressClass) => ConcreteRequest> = {
  // Node's socket peer: as a direct client (what every era looks at first)
  socket: (text) => concreteRequest({ socketAddress: text, host: LOCAL_HOST }),
  // the only X-Forwarded-For hop, behind a trusted same-host proxy
  "xff-behind-loopback-proxy": (text) =>
    concreteRequest({ socketAddress: "127.0.0.1", host: LOCAL_HOST, headers: { [HEADER.xForwardedFor]: text }, trustedProxies: ["127.0.0.1"] }),
  // the client hop of a chain whose right-most hop is a trusted LAN proxy
  "xff-chain-behind-lan-proxy": (text) =>
    concreteRequest({ socketAddress: "10.0.0.9", host: LOCAL_HOST, headers: { [HEADER.xForwardedFor]: `${text}, 10.0.0.5` }, trustedProxies: ["10.0.0.0/8"] }),
  // X-Real-IP with the fallback enabled and no X-Forwarded-For
  "real-ip-fallback": (text) =>
    concreteRequest({ socketAddress: "127.0.0.1", host: LOCAL_HOST, headers: { [HEADER.xRealIp]: text }, trustedProxies: ["127.0.0.1"], allowRealIpFallback: true }),
  // a gateway.trustedProxies entry, matched against the class's plainest spelling as the peer
  "trusted-proxy-entry": (text, cls) =>
    concreteRequest({ socketAddress: ADDRESS_CLASS_EXAMPLES[cls][0], host: LOCAL_HOST, headers: { [HEADER.xForwardedFor]: UNTRUSTED_CLIENT }, trustedProxies: [text] }),
  // the Host header of a loopback request (only the host-aware eras read it)
  host: (text) => concreteRequest({ socketAddress: "127.0.0.1", host: text }),
  // the socket peer of a request that claims a forwarded client, with no proxy listed
  "socket-sending-xff": (text) => concreteRequest({ socketAddress: text, host: LOCAL_HOST, headers: { [HEADER.xForwardedFor]: UNTRUSTED_CLIENT } }),
  // 8.1+ Tailscale-managed listeners: the client Serve/Funnel names, and the peer Serve connects from
  "xff-behind-tailscale-serve": (text) => tailscale("tailscale-serve", "127.0.0.1", text, { [HEADER.tailscaleUserLogin]: "user@example.com" }),
  "xff-behind-tailscale-funnel": (text) => tailscale("tailscale-funnel", "127.0.0.1", text, { [HEADER.tailscaleFunnelRequest]: "?1" }),
  "socket-on-tailscale-serve": (text) => tailscale("tailscale-serve", text, TAILNET_CLIENT, {}),
};

const TAILNET_CLIENT = "100.101.102.103";

/** What Tailscale's proxy sends on a listener the gateway manages for it. */
function tailscale(listener: "tailscale-serve" | "tailscale-funnel", socketAddress: string, client: string, extra: Record<string, string>): ConcreteRequest {
  const headers = { [HEADER.xForwardedFor]: client, [HEADER.xForwardedProto]: "https", [HEADER.xForwardedHost]: "gateway.tail0000.ts.net", ...extra };
  return concreteRequest({ socketAddress, host: "gateway.tail0000.ts.net", headers, listener });
}

/** Random spellings of every class in every slot: classes × slots × numRuns requests. */
export function randomRequests(seed: number, numRuns: number): Probe<ConcreteRequest>[] {
  const drawn = spellings(seed, numRuns);
  return Object.entries(SLOTS).flatMap(([slot, build]) => drawn.map(({ cls, text }, i) => ({ label: `random ${cls} #${i} as ${slot}`, input: build(text, cls) })));
}
