import { describe, expect, it } from "vitest";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { rulesAt } from "../../src/model/rule.ts";
import { chooseAdapter } from "../../src/differential/choose.ts";
import { PAIRING_LOCALITY_ADAPTERS, pairingLocalityReads } from "../../src/pairing-locality/adapter.ts";
import { fakeRelease } from "../helpers/fake-release.ts";

const pairingLocalityAdapterFor = (source: string) => chooseAdapter(PAIRING_LOCALITY_ADAPTERS, fakeRelease({ resolvePairingLocality: source }))!;
import { allPairingLocalityCells, pairingLocalityArgs, pairingLocalityCellKey } from "../../src/pairing-locality/domain.ts";
import { PAIRING_LOCALITY_RULES, pairingLocalityModel } from "../../src/pairing-locality/model.ts";

describe("pairing-locality domain", () => {
  const cells = allPairingLocalityCells();
  it("is the full product of its fields, each cell once", () => {
    expect(cells).toHaveLength(2 * 5 * 2 * 6 * 2 * 3 * 3 * 4);
    expect(new Set(cells.map(pairingLocalityCellKey)).size).toBe(cells.length);
  });
  it("derives hasBrowserOriginHeader and requestOrigin from the one Origin field", () => {
    for (const c of cells) {
      const args = pairingLocalityArgs(c);
      expect(args.hasBrowserOriginHeader).toBe(c.origin !== "none");
      expect("requestOrigin" in args).toBe(c.origin !== "none");
      expect("requestHost" in args).toBe(c.host !== "absent");
    }
  });
});

describe("pairing-locality model", () => {
  const cells = allPairingLocalityCells();
  const count = (version: string) => {
    const counts: Record<string, number> = {};
    for (const c of cells) {
      const kind = pairingLocalityModel(version, c).value;
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    return counts;
  };
  it("grows one rule at a time: 4.5 cli container, 4.7 browser container, 4.20 shared-secret loopback", () => {
    expect(count("2026.4.5")).toEqual({ direct_local: 4320, cli_container_local: 4, remote: 4316 });
    expect(count("2026.4.7")).toMatchObject({ browser_container_local: 4, remote: 4312 });
    expect(count("2026.4.20")).toMatchObject({ shared_secret_loopback_local: 16, cli_container_local: 4, remote: 4296 });
    expect(count("2026.9.6")).toEqual(count("2026.4.20"));
  });
  it("has no rule before 4.5 but the catch-all (callers report not-in-release there)", () => {
    expect(rulesAt(PAIRING_LOCALITY_RULES, "2026.3.31").rules.map((r) => r.id)).toEqual(["remote"]);
  });
  it("every rule says what was measured and is hit at 9.6", () => {
    const hit = new Set(cells.map((c) => pairingLocalityModel("2026.9.6", c).rule));
    for (const rule of PAIRING_LOCALITY_RULES.rules) {
      expect(rule.why).toMatch(/measured/);
      expect(hit.has(rule.id)).toBe(true);
    }
  });
});

describe("pairing-locality adapters are chosen by the sliced function's shape", () => {
  it("follows params handed whole to a helper (8.1+ shape)", () => {
    const source = [
      "function helper(params) { return params.sharedAuthOk && params.requestOrigin; }",
      "function resolvePairingLocality(params) { if (params.isLocalClient) return 'direct_local'; return helper(params) ? 'x' : 'remote'; }",
    ].join("\n");
    expect(pairingLocalityReads(source)!.reads[0]).toEqual(["isLocalClient", "requestOrigin", "sharedAuthOk"]);
    expect(pairingLocalityAdapterFor(source).shape).toMatch(/requestOrigin/);
  });
  it("an unknown field or positional arguments are 'cannot check', never a guess", () => {
    const unknownField = "function resolvePairingLocality(p) { return p.trustedCidrs ? 'remote' : 'remote'; }";
    expect(() => pairingLocalityAdapterFor(unknownField)).toThrow(CannotCheckError);
    expect(() => pairingLocalityAdapterFor(unknownField)).toThrow(/unsupported shape: resolvePairingLocality reads p\{trustedCidrs\}/);
    expect(() => pairingLocalityAdapterFor("function resolvePairingLocality(a, b) {}")).toThrow(/reads a, b in/);
    expect(() => pairingLocalityAdapterFor("function other() {}")).toThrow(/no declaration found/);
  });
});
