import ipaddr from "ipaddr.js";
import { LOOPBACK_CLASSES, type AddressClass } from "./address-class.ts";

/**
 * The reference classifier: which class a spelling belongs to, decided from what the text really
 * denotes rather than from any OpenClaw release. It leans on ipaddr.js for parsing but corrects
 * the place where ipaddr.js answers a different question (see `isMappedSpelling`).
 * `unclassified` is a real address outside every class (multicast, ULA, 3-part IPv4 of a LAN
 * host, ...): valid, but not one of the cells the suite explores.
 */
export type Classification = AddressClass | "unclassified";

const TEST_NETS_V4: readonly [string, number][] = [["192.0.2.0", 24], ["198.51.100.0", 24], ["203.0.113.0", 24]];
const DOC_NET_V6: [string, number] = ["2001:db8::", 32];

export function classifyAddress(text: string): Classification {
  const trimmed = text.trim();
  if (trimmed === "") return "garbage";
  if (trimmed !== text) return LOOPBACK_CLASSES.includes(classifyAddress(trimmed) as AddressClass) ? "padded" : "unclassified";
  if (trimmed.toLowerCase() === "localhost") return "hostname-localhost";
  const withPort = classifyHostPort(trimmed);
  if (withPort) return withPort;
  const bracketed = /^\[(.*)\]$/.exec(trimmed);
  // a bracketed IPv4 is no valid literal, yet canonical parsers that strip brackets accept it
  if (bracketed) return ipaddr.IPv6.isValid(bracketed[1]!) ? classifyIpv6(bracketed[1]!) : ipaddr.isValid(bracketed[1]!) ? "unclassified" : "garbage";
  if (ipaddr.IPv4.isValid(trimmed)) return classifyIpv4(trimmed);
  if (ipaddr.IPv6.isValid(trimmed)) return classifyIpv6(trimmed);
  return "garbage";
}

function classifyIpv4(text: string): Classification {
  const address = ipaddr.IPv4.parse(text);
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) {
    // inet_aton-style spellings: only the loopback ones form a class of their own
    return address.range() === "loopback" ? "legacy-loopback-spelling" : "unclassified";
  }
  switch (address.range()) {
    case "loopback":
      return text === "127.0.0.1" ? "ipv4-loopback-canonical" : "ipv4-loopback-other";
    case "private":
      return "rfc1918";
    case "carrierGradeNat":
      return "cgnat-tailnet";
    case "linkLocal":
      return "link-local";
    case "unspecified":
      return text === "0.0.0.0" ? "unspecified" : "unclassified";
    case "unicast":
      return "public-v4";
    default:
      return TEST_NETS_V4.some(([base, bits]) => address.match(ipaddr.IPv4.parse(base), bits)) ? "public-v4" : "unclassified";
  }
}

function classifyIpv6(text: string): Classification {
  const address = ipaddr.IPv6.parse(text);
  if (isMappedSpelling(text)) {
    if (address.toIPv4Address().range() !== "loopback") return "unclassified";
    return text.includes(".") ? "ipv4-mapped-loopback-dotted" : "ipv4-mapped-loopback-hex";
  }
  switch (address.range()) {
    case "loopback":
      return "ipv6-loopback";
    case "unspecified":
      return "unspecified";
    case "linkLocal":
      return "link-local";
    case "unicast":
      return "public-v6";
    default:
      return address.match(ipaddr.IPv6.parse(DOC_NET_V6[0]), DOC_NET_V6[1]) ? "public-v6" : "unclassified";
  }
}

/**
 * Whether the text really spells ::ffff:a.b.c.d. ipaddr.js 2.5 turns any dotted tail into a mapped
 * address, so the deprecated IPv4-compatible `::127.0.0.1` (which is not loopback) parses as
 * `::ffff:7f00:1`; rewriting the dotted tail as two hex groups first keeps the two apart.
 */
export function isMappedSpelling(text: string): boolean {
  const hexOnly = text.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)(%.*)?$/, (_m, a, b, c, d, zone = "") => {
    const [o1, o2, o3, o4] = [a, b, c, d].map(Number) as [number, number, number, number];
    return `${((o1 << 8) | o2).toString(16)}:${((o3 << 8) | o4).toString(16)}${zone}`;
  });
  return ipaddr.IPv6.isValid(hexOnly) && ipaddr.IPv6.parse(hexOnly).isIPv4MappedAddress();
}

function classifyHostPort(text: string): Classification | undefined {
  const v6 = /^\[(.+)\]:(\d{1,5})$/.exec(text);
  const v4 = /^([0-9.]+):(\d{1,5})$/.exec(text);
  const [, host, port] = v6 ?? v4 ?? [];
  if (host === undefined || port === undefined || Number(port) > 65535) return undefined;
  const inner = v6 ? (ipaddr.IPv6.isValid(host) ? classifyIpv6(host) : "garbage") : ipaddr.IPv4.isValidFourPartDecimal(host) ? classifyIpv4(host) : "garbage";
  return LOOPBACK_CLASSES.includes(inner as AddressClass) ? "host-port" : "unclassified";
}
