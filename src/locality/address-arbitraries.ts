import fc from "fast-check";
import type { AddressClass } from "./address-class.ts";
import { classifyAddress } from "./address-classifier.ts";
import { spellIpv6, type Ipv6Spelling } from "./ipv6-spelling.ts";

/**
 * Random concrete spellings per address class, built directly so shrinking stays inside the class.
 * Only the classes that are defined as "whatever is left" (public addresses, garbage) filter
 * through the reference classifier; every other arbitrary is checked against it by the tests.
 */
const byte = fc.integer({ min: 0, max: 255 });
const port = fc.integer({ min: 1, max: 65535 });
const loopbackHost = fc.tuple(byte, byte, byte).map(([a, b, c]) => `127.${a}.${b}.${c}`);

const ipv6Choices: fc.Arbitrary<Omit<Ipv6Spelling, "dottedTail">> = fc.record({
  // unpadded half the time, so the short forms Node and browsers print stay common
  pads: fc.oneof(fc.constant([0, 0, 0, 0, 0, 0, 0, 0]), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 })),
  upper: fc.boolean(),
  compressAt: fc.nat(),
  compressLength: fc.nat(),
  compress: fc.boolean(),
});

function ipv6Of(hextets: fc.Arbitrary<number[]>, dottedTail: boolean, bracket: fc.Arbitrary<boolean> = fc.constant(false)) {
  return fc
    .tuple(hextets, ipv6Choices, bracket)
    .map(([groups, choices, withBrackets]) => {
      const text = spellIpv6(groups, { ...choices, dottedTail });
      return withBrackets ? `[${text}]` : text;
    });
}

const mappedLoopbackHextets = fc.tuple(byte, fc.integer({ min: 0, max: 0xffff })).map(([b, low]) => [0, 0, 0, 0, 0, 0xffff, 0x7f00 | b, low]);

/** 127/8 in every inet_aton notation except plain four-part decimal. */
const legacyLoopback = fc
  .tuple(fc.integer({ min: 0, max: 0xffffff }), fc.constantFrom(1, 2, 3, 4), fc.array(fc.constantFrom("dec", "hex", "oct"), { minLength: 4, maxLength: 4 }))
  .map(([rest, parts, radixes]) => {
    const value = 0x7f000000 + rest;
    const spell = (n: number, i: number) => (radixes[i] === "hex" ? `0x${n.toString(16)}` : radixes[i] === "oct" ? `0${n.toString(8)}` : String(n));
    if (parts === 1) return spell(value, 0);
    if (parts === 2) return `${spell(127, 0)}.${spell(rest, 1)}`;
    if (parts === 3) return `${spell(127, 0)}.${spell(rest >> 16, 1)}.${spell(rest & 0xffff, 2)}`;
    // four plain decimal parts would be the canonical spelling, so force a hex first octet then
    const octets = [127, rest >> 16, (rest >> 8) & 0xff, rest & 0xff].map(spell);
    return (radixes.every((r) => r === "dec") ? ["0x7f", ...octets.slice(1)] : octets).join(".");
  });

const caseVariant = (word: string) =>
  fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((flags) => [...word].map((ch, i) => (flags[i] ? ch.toUpperCase() : ch)).join(""));

const whitespace = fc.array(fc.constantFrom(" ", "\t"), { maxLength: 3 }).map((chars) => chars.join(""));

const GARBAGE_SEEDS = ["", " ", "\t", "not-an-ip", "[::1", "256.1.1.1", "127.example.com", ":::1", "1.2.3.4.5", "localhost:", "::ffff:", "[]"];

const ARBITRARIES: Record<AddressClass, fc.Arbitrary<string>> = {
  "ipv4-loopback-canonical": fc.constant("127.0.0.1"),
  "ipv4-loopback-other": loopbackHost.filter((ip) => ip !== "127.0.0.1"),
  "ipv6-loopback": ipv6Of(fc.constant([0, 0, 0, 0, 0, 0, 0, 1]), false, fc.boolean()),
  "ipv4-mapped-loopback-dotted": ipv6Of(mappedLoopbackHextets, true, fc.boolean()),
  "ipv4-mapped-loopback-hex": ipv6Of(mappedLoopbackHextets, false, fc.boolean()),
  rfc1918: fc.oneof(
    fc.tuple(byte, byte, byte).map(([a, b, c]) => `10.${a}.${b}.${c}`),
    fc.tuple(fc.integer({ min: 16, max: 31 }), byte, byte).map(([a, b, c]) => `172.${a}.${b}.${c}`),
    fc.tuple(byte, byte).map(([a, b]) => `192.168.${a}.${b}`),
  ),
  "cgnat-tailnet": fc.tuple(fc.integer({ min: 64, max: 127 }), byte, byte).map(([a, b, c]) => `100.${a}.${b}.${c}`),
  "link-local": fc.oneof(
    fc.tuple(byte, byte).map(([a, b]) => `169.254.${a}.${b}`),
    ipv6Of(fc.tuple(fc.integer({ min: 0xfe80, max: 0xfebf }), fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 7, maxLength: 7 })).map(([h, t]) => [h, ...t]), false),
  ),
  "public-v4": fc.ipV4().filter((text) => classifyAddress(text) === "public-v4"),
  "public-v6": fc.ipV6().filter((text) => classifyAddress(text) === "public-v6"),
  unspecified: fc.oneof(fc.constant("0.0.0.0"), ipv6Of(fc.constant([0, 0, 0, 0, 0, 0, 0, 0]), false, fc.boolean())),
  "legacy-loopback-spelling": legacyLoopback,
  "host-port": fc
    .tuple(fc.oneof(loopbackHost, ipv6Of(fc.constant([0, 0, 0, 0, 0, 0, 0, 1]), false, fc.constant(true)), ipv6Of(mappedLoopbackHextets, true, fc.constant(true))), port)
    .map(([host, p]) => `${host}:${p}`),
  "hostname-localhost": caseVariant("localhost"),
  padded: fc
    .tuple(whitespace, fc.oneof(loopbackHost, fc.constantFrom("::1", "::ffff:127.0.0.1")), whitespace)
    .filter(([before, , after]) => before.length + after.length > 0)
    .map(([before, core, after]) => `${before}${core}${after}`),
  garbage: fc.oneof(fc.constantFrom(...GARBAGE_SEEDS), fc.string({ maxLength: 12 }).filter((text) => classifyAddress(text) === "garbage")),
};

export function addressOf(cls: AddressClass): fc.Arbitrary<string> {
  return ARBITRARIES[cls];
}

/** A class together with one of its spellings, for properties that range over every class. */
export const classifiedAddress: fc.Arbitrary<{ cls: AddressClass; text: string }> = fc
  .constantFrom(...(Object.keys(ARBITRARIES) as AddressClass[]))
  .chain((cls) => addressOf(cls).map((text) => ({ cls, text })));
