/**
 * Abstract classes of the strings that reach OpenClaw's locality code as "an address": the socket
 * peer Node reports, X-Forwarded-For hops, X-Real-IP, trusted-proxy entries, Host names. A class
 * groups spellings that should be treated alike; the point of the suite is to find where a release
 * treats two spellings of one class differently, or a class differently from what it really means.
 */
export const ADDRESS_CLASSES = [
  "ipv4-loopback-canonical",
  "ipv4-loopback-other",
  "ipv6-loopback",
  "ipv4-mapped-loopback-dotted",
  "ipv4-mapped-loopback-hex",
  "rfc1918",
  "cgnat-tailnet",
  "link-local",
  "public-v4",
  "public-v6",
  "unspecified",
  "legacy-loopback-spelling",
  "host-port",
  "hostname-localhost",
  "padded",
  "garbage",
] as const;
export type AddressClass = (typeof ADDRESS_CLASSES)[number];

/**
 * What a member of the class really denotes when it names a connection's peer.
 * `this-host`: the peer is a process on the gateway machine. `other-host`: another machine (it can
 * still be this machine through one of its own interface addresses, which the topologies model
 * separately). `not-a-peer`: no real connection has this peer address.
 */
export type TrueMeaning = "this-host" | "other-host" | "not-a-peer";

export interface AddressClassInfo {
  meaning: TrueMeaning;
  /** the verdict of the ipaddr.js classifier every release from 2026.2.22 uses; tests hold the model to it. */
  loopbackFrom2_22: boolean;
  note: string;
}

export const ADDRESS_CLASS_INFO: Record<AddressClass, AddressClassInfo> = {
  "ipv4-loopback-canonical": { meaning: "this-host", loopbackFrom2_22: true, note: "127.0.0.1, what Node reports for an IPv4 loopback peer" },
  "ipv4-loopback-other": { meaning: "this-host", loopbackFrom2_22: true, note: "the rest of 127.0.0.0/8 in dotted decimal; Linux routes all of it to lo" },
  "ipv6-loopback": { meaning: "this-host", loopbackFrom2_22: true, note: "::1 in any notation, optionally bracketed" },
  "ipv4-mapped-loopback-dotted": { meaning: "this-host", loopbackFrom2_22: true, note: "::ffff:127.x.y.z, what a dual-stack listener reports for an IPv4 loopback peer" },
  "ipv4-mapped-loopback-hex": { meaning: "this-host", loopbackFrom2_22: true, note: "::ffff:7f00:1 and friends; never reported by Node, reachable through headers" },
  rfc1918: { meaning: "other-host", loopbackFrom2_22: false, note: "10/8, 172.16/12, 192.168/16: a LAN peer, or this host through its own LAN address" },
  "cgnat-tailnet": { meaning: "other-host", loopbackFrom2_22: false, note: "100.64/10, where Tailscale numbers tailnet peers" },
  "link-local": { meaning: "other-host", loopbackFrom2_22: false, note: "169.254/16 and fe80::/10, a peer on the same link" },
  "public-v4": { meaning: "other-host", loopbackFrom2_22: false, note: "globally routable IPv4, plus the TEST-NET blocks that stand in for it in examples" },
  "public-v6": { meaning: "other-host", loopbackFrom2_22: false, note: "globally routable IPv6, plus 2001:db8::/32 used in examples" },
  unspecified: { meaning: "not-a-peer", loopbackFrom2_22: false, note: "0.0.0.0 and ::, bind-everything addresses that never name a peer" },
  "legacy-loopback-spelling": { meaning: "this-host", loopbackFrom2_22: false, note: "127.1, 0177.0.0.1, 2130706433, 0x7f.0.0.1: inet_aton reads them as 127/8, the canonical parse refuses them" },
  "host-port": { meaning: "this-host", loopbackFrom2_22: false, note: "a loopback address with a port attached; only header values look like this" },
  "hostname-localhost": { meaning: "this-host", loopbackFrom2_22: false, note: "the name, not an address; usually resolves to loopback" },
  padded: { meaning: "this-host", loopbackFrom2_22: true, note: "a loopback spelling with surrounding whitespace, as after a comma in X-Forwarded-For" },
  garbage: { meaning: "not-a-peer", loopbackFrom2_22: false, note: "empty, whitespace, or text no address parser accepts" },
};

/** Small fixed spellings per class, for exhaustive runs over the abstract domain. */
export const ADDRESS_CLASS_EXAMPLES: Record<AddressClass, readonly string[]> = {
  "ipv4-loopback-canonical": ["127.0.0.1"],
  "ipv4-loopback-other": ["127.0.0.2", "127.255.255.254"],
  "ipv6-loopback": ["::1", "0:0:0:0:0:0:0:1", "[::1]"],
  "ipv4-mapped-loopback-dotted": ["::ffff:127.0.0.1", "[::FFFF:127.0.0.1]"],
  "ipv4-mapped-loopback-hex": ["::ffff:7f00:1"],
  rfc1918: ["10.1.2.3", "172.17.0.1", "192.168.1.20"],
  "cgnat-tailnet": ["100.101.102.103"],
  "link-local": ["169.254.10.20", "fe80::1"],
  "public-v4": ["203.0.113.5", "8.8.8.8"],
  "public-v6": ["2606:4700::1111"],
  unspecified: ["0.0.0.0", "::"],
  "legacy-loopback-spelling": ["127.1", "0177.0.0.1", "2130706433", "0x7f.0.0.1"],
  "host-port": ["127.0.0.1:1234", "[::1]:18789"],
  "hostname-localhost": ["localhost"],
  padded: [" 127.0.0.1 "],
  garbage: ["", "not-an-ip", "[::1", "256.1.1.1", "127.example.com"],
};

export const LOOPBACK_CLASSES: readonly AddressClass[] = [
  "ipv4-loopback-canonical",
  "ipv4-loopback-other",
  "ipv6-loopback",
  "ipv4-mapped-loopback-dotted",
  "ipv4-mapped-loopback-hex",
];
