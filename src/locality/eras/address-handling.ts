import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { compareVersions } from "../../domain/versions.ts";

/**
 * How a release cleans addresses before its rules compare them: the socket peer, each
 * X-Forwarded-For entry, X-Real-IP, and each trustedProxies entry. These are helpers, not
 * decisions; the decisions (is it loopback, which hop is the client) are rule lists elsewhere.
 */
export interface AddressHandling {
  /** socket peers and proxy entries; `undefined` when nothing usable is left. */
  normalize(raw: string | undefined): string | undefined;
  /** one X-Forwarded-For entry or an X-Real-IP value, where ports and brackets do occur. */
  parseForwardedEntry(raw: string | undefined): string | undefined;
  isTrustedProxy(address: string | undefined, trustedProxies: readonly string[]): boolean;
}

export function addressHandlingAt(version: string): AddressHandling {
  if (compareVersions(version, "2026.2.22-1") >= 0) return CANONICAL;
  // CIDR entries arrive in 2.17 (notes §4); the exact form and IPv6 support before 2.22 are unverified
  const cidr = compareVersions(version, "2026.2.17") >= 0;
  // measured: sliced 2.21 resolveClientIp drops X-Forwarded-For/X-Real-IP values that are not IP literals (e.g. 127.1), 2.19 keeps them
  const literalOnly = compareVersions(version, "2026.2.21") >= 0;
  return {
    ...STRING_ERA,
    ...(literalOnly ? { parseForwardedEntry: (raw) => ipLiteralOnly(STRING_ERA.parseForwardedEntry(raw)) } : {}),
    isTrustedProxy: (a, list) => stringEraTrusted(a, list, cidr),
  };
}

/** 2.21: a cleaned-up forwarded value counts only if it is an IP literal. */
const ipLiteralOnly = (text: string | undefined) => (text && isIP(text) ? text : undefined);

/** ≤2.21: text clean-up only; `::ffff:` is cut off, nothing is parsed. */
const STRING_ERA: Omit<AddressHandling, "isTrustedProxy"> = {
  normalize: stringNormalize,
  parseForwardedEntry: (raw) => {
    const trimmed = raw?.trim();
    return trimmed ? stringNormalize(stripOptionalPort(trimmed)) : undefined;
  },
};

function stringNormalize(raw: string | undefined): string | undefined {
  const lowered = raw?.trim().toLowerCase();
  if (!lowered) return undefined;
  return lowered.startsWith("::ffff:") ? lowered.slice("::ffff:".length) : lowered;
}

function stringEraTrusted(address: string | undefined, list: readonly string[], cidr: boolean): boolean {
  const ip = stringNormalize(address);
  if (!ip) return false;
  return list.some((entry) => {
    const candidate = entry.trim();
    if (cidr && candidate.includes("/")) return ipv4InCidr(ip, candidate);
    return stringNormalize(candidate) === ip;
  });
}

function ipv4InCidr(ip: string, cidr: string): boolean {
  try {
    const [base, bits] = ipaddr.IPv4.parseCIDR(cidr);
    return ipaddr.IPv4.isValidFourPartDecimal(ip) && ipaddr.IPv4.parse(ip).match(base, bits);
  } catch {
    return false;
  }
}

/** Both eras drop `[...]` and an IPv4 `:port` from forwarded entries before parsing. */
function stripOptionalPort(text: string): string {
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    if (end !== -1) return text.slice(1, end);
  }
  if (isIP(text)) return text;
  const colon = text.lastIndexOf(":");
  if (colon > -1 && text.includes(".") && text.indexOf(":") === colon && isIP(text.slice(0, colon)) === 4) return text.slice(0, colon);
  return text;
}

/**
 * 2.22+: a canonical parse through ipaddr.js. Dotted-decimal IPv4 only, brackets stripped,
 * IPv4-mapped IPv6 unwrapped, result printed back in ipaddr.js's lower-case form.
 */
export function canonicalParse(raw: string | undefined): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (raw === undefined) return undefined;
  // exhaustive runs ask about the same few dozen strings millions of times; ipaddr.js regexes dominate otherwise
  if (!parsed.has(raw)) {
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(raw, parseUncached(raw));
  }
  return parsed.get(raw);
}

const parsed = new Map<string, ipaddr.IPv4 | ipaddr.IPv6 | undefined>();

function parseUncached(raw: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  const text = trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.slice(1, -1) : trimmed;
  if (ipaddr.IPv4.isValid(text)) return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : undefined;
  if (ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return undefined;
}

export function unwrapMapped(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

function canonicalNormalize(raw: string | undefined): string | undefined {
  const parsed = canonicalParse(raw);
  return parsed ? unwrapMapped(parsed).toString().toLowerCase() : undefined;
}

const CANONICAL: AddressHandling = {
  normalize: canonicalNormalize,
  parseForwardedEntry: (raw) => {
    const trimmed = raw?.trim();
    if (!trimmed) return undefined;
    const normalized = canonicalNormalize(stripOptionalPort(trimmed));
    return normalized && isIP(normalized) ? normalized : undefined;
  },
  isTrustedProxy: (address, list) => {
    const parsed = canonicalParse(address);
    if (!parsed) return false;
    const ip = unwrapMapped(parsed);
    return list.some((entry) => canonicalInCidr(ip, entry.trim()));
  },
};

function canonicalInCidr(ip: ipaddr.IPv4 | ipaddr.IPv6, entry: string): boolean {
  if (!entry) return false;
  if (!entry.includes("/")) {
    const exact = canonicalParse(entry);
    if (!exact) return false;
    const other = unwrapMapped(exact);
    return other.kind() === ip.kind() && other.toString() === ip.toString();
  }
  try {
    const [base, bits] = ipaddr.parseCIDR(entry);
    const comparable = unwrapMapped(base);
    return comparable.kind() === ip.kind() && ip.match(comparable, bits);
  } catch {
    return false;
  }
}
