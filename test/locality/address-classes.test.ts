import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ADDRESS_CLASSES, ADDRESS_CLASS_EXAMPLES, ADDRESS_CLASS_INFO } from "../../src/locality/address-class.ts";
import { addressOf, classifiedAddress } from "../../src/locality/address-arbitraries.ts";
import { classifyAddress } from "../../src/locality/address-classifier.ts";
import { localityModelAt } from "../../src/locality/locality-model.ts";

const SEED = 20260906;

describe("address classes", () => {
  it.each(ADDRESS_CLASSES)("the arbitrary for %s only produces members of its class", (cls) => {
    fc.assert(
      fc.property(addressOf(cls), (text) => classifyAddress(text) === cls),
      { seed: SEED, numRuns: 300 },
    );
  });

  it.each(ADDRESS_CLASSES)("every fixed example of %s is a member", (cls) => {
    for (const text of ADDRESS_CLASS_EXAMPLES[cls]) expect(classifyAddress(text), JSON.stringify(text)).toBe(cls);
  });

  it("the arbitraries reach the spellings the notes single out", () => {
    const seen = (cls: (typeof ADDRESS_CLASSES)[number]) => new Set(fc.sample(addressOf(cls), { seed: SEED, numRuns: 2000 }));
    expect(seen("ipv6-loopback")).toContain("::1");
    expect(seen("ipv6-loopback")).toContain("[::1]");
    expect(seen("ipv6-loopback")).toContain("0:0:0:0:0:0:0:1");
    expect([...seen("ipv4-mapped-loopback-hex")].some((t) => /^::ffff:7f[0-9a-f]{2}:[0-9a-f]+$/.test(t))).toBe(true);
    expect([...seen("legacy-loopback-spelling")].some((t) => /^\d+$/.test(t))).toBe(true);
  });

  it("text that only looks like a class is kept out of it", () => {
    expect(classifyAddress("::127.0.0.1")).toBe("unclassified"); // IPv4-compatible, not mapped: ipaddr.js conflates them
    expect(classifyAddress("::ffff:10.0.0.1")).toBe("unclassified");
    expect(classifyAddress("10.1:80")).toBe("unclassified");
    expect(classifyAddress(" 10.0.0.1 ")).toBe("unclassified");
    expect(classifyAddress("0.1.2.3")).toBe("unclassified");
    expect(classifyAddress("[127.0.0.1]")).toBe("unclassified");
  });

  it("from 2.22 the loopback verdict is uniform inside each class (held to ADDRESS_CLASS_INFO)", () => {
    const models = ["2026.2.22", "2026.3.11", "2026.5.7", "2026.9.6"].map(localityModelAt);
    fc.assert(
      fc.property(classifiedAddress, ({ cls, text }) =>
        models.every((m) => m.isLoopbackAddress(text).value === ADDRESS_CLASS_INFO[cls].loopbackFrom2_22),
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it("where the 2.22+ verdict and the true meaning part ways, it errs towards remote", () => {
    for (const cls of ADDRESS_CLASSES) {
      const info = ADDRESS_CLASS_INFO[cls];
      if (info.loopbackFrom2_22) expect(info.meaning, cls).toBe("this-host");
    }
  });
});
