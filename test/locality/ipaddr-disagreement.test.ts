import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { addressOf } from "../../src/locality/address-arbitraries.ts";
import { localityModelAt } from "../../src/locality/locality-model.ts";
import { concreteRequest } from "../../src/locality/request.ts";

/**
 * anchors.md §6.3: ipaddr.js `parse(x).range()` and `process(x).range()` disagree on IPv4-mapped
 * loopback, legacy IPv4 is accepted by both, and brackets or ports make both throw. A loopback
 * check built on the wrong one of these is a locality bug; these properties pin down which one
 * each era's model follows.
 */
const SEED = 20260906;
const unbracketed = (text: string) => text.replace(/^\[(.*)\]$/, "$1");
const mapped = fc.oneof(addressOf("ipv4-mapped-loopback-dotted"), addressOf("ipv4-mapped-loopback-hex")).map(unbracketed);
const FROM_2_22 = ["2026.2.22", "2026.3.22", "2026.6.10", "2026.9.6"].map(localityModelAt);

describe("ipaddr.js parse vs process on IPv4-mapped loopback", () => {
  it("parse() says ipv4Mapped, process() says loopback, for every mapped spelling", () => {
    fc.assert(
      fc.property(mapped, (text) => ipaddr.parse(text).range() === "ipv4Mapped" && ipaddr.process(text).range() === "loopback"),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("from 2.22 the model sides with process(), through the mapped-loopback rule", () => {
    fc.assert(
      fc.property(mapped, (text) => FROM_2_22.every((m) => {
        const verdict = m.isLoopbackAddress(text);
        return verdict.value === true && verdict.rule === "loopback.ipaddr/mapped-loopback";
      })),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("through 2.21 the string prefix catches only the lower-case dotted form", () => {
    const l0 = localityModelAt("2026.2.9");
    expect(l0.isLoopbackAddress("::ffff:127.0.0.1").value).toBe(true);
    expect(l0.isLoopbackAddress("::FFFF:127.0.0.1").value).toBe(false);
    expect(l0.isLoopbackAddress("::ffff:7f00:1").value).toBe(false);
    expect(l0.isLoopbackAddress("0:0:0:0:0:ffff:127.0.0.1").value).toBe(false);
  });

  it("as a socket peer, L0 strips `::ffff:` before the prefix test, so the mapped hex form is remote", () => {
    const req = (socketAddress: string) => concreteRequest({ socketAddress, host: "localhost" });
    expect(localityModelAt("2026.2.9").isLocalDirectRequest(req("::ffff:127.0.0.1")).value).toBe(true);
    expect(localityModelAt("2026.2.9").isLocalDirectRequest(req("::ffff:7f00:1")).value).toBe(false);
    expect(localityModelAt("2026.3.11").isLocalDirectRequest(req("::ffff:7f00:1")).value).toBe(true);
  });
});

describe("other ipaddr.js behaviour the models depend on", () => {
  it("legacy IPv4 spellings: ipaddr.js calls them loopback, the 2.22+ model refuses them first", () => {
    fc.assert(
      fc.property(addressOf("legacy-loopback-spelling"), (text) =>
        ipaddr.parse(text).range() === "loopback" &&
        FROM_2_22.every((m) => m.isLoopbackAddress(text).rule === "loopback.ipaddr/non-canonical-ipv4" && !m.isLoopbackAddress(text).value),
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("brackets and ports make ipaddr.js throw; the model strips brackets but not ports, L0 takes `127.` with a port", () => {
    expect(() => ipaddr.parse("[::1]")).toThrow();
    expect(() => ipaddr.parse("127.0.0.1:8080")).toThrow();
    expect(FROM_2_22.every((m) => m.isLoopbackAddress("[::1]").value)).toBe(true);
    expect(FROM_2_22.every((m) => !m.isLoopbackAddress("127.0.0.1:8080").value)).toBe(true);
    expect(localityModelAt("2026.2.9").isLoopbackAddress("127.0.0.1:8080").value).toBe(true);
    expect(localityModelAt("2026.2.9").isLoopbackAddress("[::1]").value).toBe(false);
  });

  it("IPv4-compatible ::127.0.0.1 is parsed as mapped by ipaddr.js, so 2.22+ calls it loopback", () => {
    expect(ipaddr.parse("::127.0.0.1").toString()).toBe("::ffff:7f00:1");
    expect(FROM_2_22.every((m) => m.isLoopbackAddress("::127.0.0.1").value)).toBe(true);
  });
});
