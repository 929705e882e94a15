import ipaddr from "ipaddr.js";
import { always, type RuleList } from "../../model/rule.ts";
import { canonicalParse, unwrapMapped } from "./address-handling.ts";

/** `isLoopbackAddress(text)` through 2026.2.21: string prefixes on the text as given (no trim, no parse). */
export const LOOPBACK_BY_PREFIX: RuleList<string, boolean> = {
  name: "isLoopbackAddress (string prefixes)",
  rules: [
    { id: "loopback.prefix/empty", when: (s) => !s, then: false, why: "an absent address is never loopback" },
    {
      id: "loopback.prefix/starts-127",
      when: (s) => s.startsWith("127."),
      then: true,
      why: "any text starting `127.` counts: all of 127/8, but also `127.0.0.1:1234` and `127.example.com`",
    },
    { id: "loopback.prefix/exactly-::1", when: (s) => s === "::1", then: true, why: "only this one IPv6 spelling; `0:0:0:0:0:0:0:1` and `[::1]` fall through" },
    {
      id: "loopback.prefix/starts-::ffff:127.",
      when: (s) => s.startsWith("::ffff:127."),
      then: true,
      why: "dotted IPv4-mapped, lower case only; callers strip `::ffff:` first anyway, and the hex form `::ffff:7f00:1` falls through",
    },
    { id: "loopback.prefix/other", when: always, then: false, why: "every other text" },
  ],
};

/**
 * `isLoopbackAddress(text)` from 2026.2.22: a canonical parse with ipaddr.js, IPv4-mapped
 * addresses unwrapped, then `range() === "loopback"`. Measured identical on 2.26–9.6 (notes §4).
 */
export const LOOPBACK_BY_IPADDR: RuleList<string, boolean> = {
  name: "isLoopbackAddress (ipaddr.js canonical parse)",
  rules: [
    { id: "loopback.ipaddr/empty", when: (s) => !s.trim(), then: false, why: "an absent or blank address is never loopback" },
    {
      id: "loopback.ipaddr/non-canonical-ipv4",
      when: (s) => isLegacyIpv4(s),
      then: false,
      why: "ipaddr.js reads 127.1, 0177.0.0.1 and 2130706433 as loopback; the release refuses anything but dotted decimal first",
    },
    {
      id: "loopback.ipaddr/unparseable",
      when: (s) => canonicalParse(s) === undefined,
      then: false,
      why: "host:port, `localhost` and garbage do not parse; surrounding whitespace and `[...]` are stripped before this",
    },
    {
      id: "loopback.ipaddr/mapped-loopback",
      when: (s) => isMappedLoopback(s),
      then: true,
      why: "IPv4-mapped is unwrapped first, so ::ffff:127.0.0.1 and ::ffff:7f00:1 count, where plain parse().range() says ipv4Mapped",
    },
    { id: "loopback.ipaddr/range-loopback", when: (s) => canonicalParse(s)!.range() === "loopback", then: true, why: "127/8 in dotted decimal, ::1 in any notation" },
    { id: "loopback.ipaddr/other", when: always, then: false, why: "parses, but not a loopback range" },
  ],
};

function unbracketed(s: string): string {
  const trimmed = s.trim();
  return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.slice(1, -1) : trimmed;
}

function isLegacyIpv4(s: string): boolean {
  const text = unbracketed(s);
  return ipaddr.IPv4.isValid(text) && !ipaddr.IPv4.isValidFourPartDecimal(text);
}

function isMappedLoopback(s: string): boolean {
  const parsed = canonicalParse(s)!;
  return parsed.kind() === "ipv6" && parsed !== unwrapMapped(parsed) && unwrapMapped(parsed).range() === "loopback";
}
