import { describe, expect, it } from "vitest";
import { localityEraOf } from "../../src/locality/locality-model.ts";
import {
  localityCellKey,
  localityCells,
  observeLocality,
  parseLocalityCellKey,
  requestOf,
} from "../../src/locality/locality-domain.ts";
import { concreteRequest, ConcreteRequestSchema, toIncomingMessage } from "../../src/locality/request.ts";

const cells = localityCells();
const SAMPLE_VERSIONS = ["2026.2.9", "2026.3.11", "2026.3.22", "2026.5.7", "2026.9.6"];

describe("the abstract locality domain", () => {
  it("has one cell per combination, each with a unique key that parses back", () => {
    expect(cells.length).toBe(6 * 11 * 4 * 2 * 7 * 5);
    const keys = new Set(cells.map(localityCellKey));
    expect(keys.size).toBe(cells.length);
    for (const cell of cells.slice(0, 500)) expect(parseLocalityCellKey(localityCellKey(cell))).toEqual(cell);
  });

  it("keys are readable and stable", () => {
    expect(localityCellKey(cells[0]!)).toBe("topo=direct,origin=local-ipv4,trusted=none,realip=0,spoof=none,host=loopback");
    expect(() => parseLocalityCellKey("topo=direct,origin=mars")).toThrow(/origin must be one of/);
  });

  it("every observed request is a valid concrete request", () => {
    for (const cell of cells) expect(ConcreteRequestSchema.safeParse(requestOf(cell)).success).toBe(true);
  });

  it("every cell is observable in every era, and the trail ends with the deciding rule", () => {
    for (const version of SAMPLE_VERSIONS) {
      for (const cell of cells) {
        const seen = observeLocality(version, cell);
        expect(seen.isLocalClient.trail.at(-1)).toBe(seen.isLocalClient.rule);
        if (localityEraOf(version).id === "L3") expect(seen.ingressKind).toBeDefined();
      }
    }
  });

  it("from 3.31 the only remote clients observed local are those behind a same-host TCP relay", () => {
    for (const version of ["2026.3.31", "2026.7.35", "2026.9.6"]) {
      const falseLocal = cells.filter((cell) => {
        const seen = observeLocality(version, cell);
        return !seen.trueLocal && seen.isLocalClient.value;
      });
      expect(falseLocal.length, version).toBeGreaterThan(0);
      expect(new Set(falseLocal.map((c) => c.topology)), version).toEqual(new Set(["same-host-tcp-relay"]));
    }
  });

  it("before 3.22 a spoofed loopback hop behind any trusted hop makes remote clients local; from 3.22 only X-Real-IP fallback does", () => {
    const falseLocals = (version: string) =>
      cells.filter((c) => c.topology !== "same-host-tcp-relay").filter((c) => {
        const seen = observeLocality(version, c);
        return seen.isLocalClient.value && !seen.trueLocal;
      });
    const before = falseLocals("2026.3.11");
    expect(new Set(before.map((c) => c.topology))).toEqual(new Set(["direct", "same-host-proxy", "passthrough-proxy", "lan-proxy", "tailscale-serve"]));
    // a trustedProxies CIDR that also covers clients lets each of them vouch for itself
    expect(before.map(localityCellKey)).toContain("topo=direct,origin=remote-lan,trusted=lan-cidr,realip=0,spoof=xff-loopback,host=localhost");
    const after = falseLocals("2026.3.22");
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((c) => c.realIp && c.spoof === "real-ip-loopback")).toBe(true);
  });
});

describe("concrete request", () => {
  it("rejects Host in headers and upper-case names", () => {
    expect(() => concreteRequest({ headers: { host: "x" } })).toThrow();
    expect(() => concreteRequest({ headers: { "X-Forwarded-For": "1.2.3.4" } })).toThrow();
  });

  it("becomes an IncomingMessage-shaped object with lower-case headers, Host and Origin included", () => {
    const req = concreteRequest({ socketAddress: "::1", host: "localhost", origin: "http://localhost", headers: { "x-forwarded-for": "" } });
    expect(toIncomingMessage(req)).toEqual({
      socket: { remoteAddress: "::1" },
      headers: { host: "localhost", origin: "http://localhost", "x-forwarded-for": "" },
    });
  });
});
