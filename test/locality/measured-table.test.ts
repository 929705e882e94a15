import { describe, expect, it } from "vitest";
import { localityModelAt, type IngressKind } from "../../src/locality/locality-model.ts";
import { concreteRequest, type ConcreteRequestInput } from "../../src/locality/request.ts";

/**
 * Notes §4, "Measured with the sliced functions": the sliced OpenClaw functions of 2.9, 3.11 and
 * 9.6 on fake requests. Each era model must reproduce every cell. Where a row names several
 * requests, each of them is checked.
 */
interface Row {
  scenario: string;
  requests: ConcreteRequestInput[];
  v2_9: boolean;
  v3_11: boolean;
  v9_6: [boolean, IngressKind];
}

const LOCAL_HOST = "127.0.0.1:18789";
const lo = (extra: Partial<ConcreteRequestInput> = {}): ConcreteRequestInput => ({ socketAddress: "127.0.0.1", host: LOCAL_HOST, ...extra });

const MEASURED: Row[] = [
  {
    scenario: "loopback, Host 127.0.0.1 or localhost",
    requests: [lo(), lo({ host: "localhost" }), lo({ host: "localhost:18789" })],
    v2_9: true,
    v3_11: true,
    v9_6: [true, "direct-local"],
  },
  {
    scenario: "loopback, Host LAN IP, other name, or no Host",
    requests: [lo({ host: "192.168.1.2:18789" }), lo({ host: "gateway.example.com" }), lo({ host: undefined })],
    v2_9: false,
    v3_11: false,
    v9_6: [true, "direct-local"],
  },
  {
    scenario: "127.0.0.2, ::ffff:127.0.0.1, ::1",
    requests: [lo({ socketAddress: "127.0.0.2" }), lo({ socketAddress: "::ffff:127.0.0.1" }), lo({ socketAddress: "::1" })],
    v2_9: true,
    v3_11: true,
    v9_6: [true, "direct-local"],
  },
  {
    scenario: "loopback + XFF 203.0.113.5, no trustedProxies",
    requests: [lo({ headers: { "x-forwarded-for": "203.0.113.5" } })],
    v2_9: false,
    v3_11: false,
    v9_6: [false, "unattributable-proxy"],
  },
  {
    scenario: "loopback + XFF 127.0.0.1, trustedProxies [127.0.0.1]",
    requests: [lo({ headers: { "x-forwarded-for": "127.0.0.1" }, trustedProxies: ["127.0.0.1"] })],
    v2_9: true,
    v3_11: false,
    v9_6: [false, "unattributable-proxy"],
  },
  {
    scenario: "loopback + X-Forwarded-Proto only, or Forwarded: only",
    requests: [lo({ headers: { "x-forwarded-proto": "https" } }), lo({ headers: { forwarded: "for=203.0.113.5;proto=https" } })],
    v2_9: true,
    v3_11: true,
    v9_6: [false, "unattributable-proxy"],
  },
  {
    scenario: "proxy 10.0.0.9 + XFF 127.0.0.1, trustedProxies [10.0.0.0/8]",
    requests: [{ socketAddress: "10.0.0.9", host: LOCAL_HOST, headers: { "x-forwarded-for": "127.0.0.1" }, trustedProxies: ["10.0.0.0/8"] }],
    v2_9: false,
    v3_11: true,
    v9_6: [false, "unattributable-proxy"],
  },
];

describe("era models reproduce the measured table (notes §4)", () => {
  for (const row of MEASURED) {
    describe(row.scenario, () => {
      const requests = row.requests.map(concreteRequest);
      it("2026.2.9 (L0)", () => {
        for (const req of requests) expect(localityModelAt("2026.2.9").isLocalDirectRequest(req).value).toBe(row.v2_9);
      });
      it("2026.3.11 (L1)", () => {
        for (const req of requests) expect(localityModelAt("2026.3.11").isLocalDirectRequest(req).value).toBe(row.v3_11);
      });
      it("2026.9.6 (L3): isLocalDirectRequest and ingress kind", () => {
        const model = localityModelAt("2026.9.6");
        for (const req of requests) {
          expect(model.isLocalDirectRequest(req).value).toBe(row.v9_6[0]);
          expect(model.ingressAttribution!(req).value).toBe(row.v9_6[1]);
          expect(model.isLocalClient(req).value).toBe(row.v9_6[1] === "direct-local");
        }
      });
    });
  }

  it("names the deciding rule, and the trail ends with it", () => {
    const spoofedViaLan = concreteRequest(MEASURED[6]!.requests[0]!);
    const at311 = localityModelAt("2026.3.11").isLocalDirectRequest(spoofedViaLan);
    expect(at311.rule).toBe("L1.local-direct/local");
    expect(at311.trail).toEqual(["client-ip/xff-first-untrusted-hop", "loopback.ipaddr/range-loopback", "host.localish/loopback-address", "L1.local-direct/local"]);
    const at96 = localityModelAt("2026.9.6").ingressAttribution!(spoofedViaLan);
    expect(at96.trail.at(-1)).toBe(at96.rule);
    expect(at96.trail).toContain("client-ip/fail-closed");
  });
});
