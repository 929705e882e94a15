import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLocalityCellKey } from "../../src/locality/locality-domain.ts";
import { observeLocality } from "../../src/locality/locality-domain.ts";
import { openLocalityRelease, type LocalityRelease } from "../../src/locality/real/open.ts";
import { realLocality } from "../../src/locality/real/observe.ts";
import { concreteRequest } from "../../src/locality/request.ts";

/**
 * A LAN proxy listed by CIDR forwards `X-Forwarded-For: 127.0.0.1`, a hop its client wrote. Until
 * #46800 the right-to-left walk stopped at that loopback hop and took it as the client, so the
 * request counted as local; 3.22 skips loopback hops and fails closed. Asked of the releases' own
 * sliced functions, not of the model.
 */
const request = concreteRequest({
  socketAddress: "10.0.0.9",
  host: "localhost:18789",
  headers: { "x-forwarded-for": "127.0.0.1" },
  trustedProxies: ["10.0.0.0/8"],
});
const CELL = parseLocalityCellKey("topo=lan-proxy,origin=remote-lan,trusted=lan-cidr,realip=0,spoof=xff-loopback,host=localhost");

const releases = new Map<string, LocalityRelease>();
beforeAll(async () => {
  for (const v of ["2026.3.13", "2026.3.22"]) releases.set(v, await openLocalityRelease(v));
});
afterAll(async () => {
  for (const r of releases.values()) await r.close();
});

const ask = async (version: string) => {
  const bound = releases.get(version)!.bound;
  const [ip] = await bound.resolveClientIp!.run([request]);
  const [local] = await bound.isLocalDirectRequest!.run([request]);
  return { ip: ip!.ok ? ip!.value : ip!.error, local: local!.ok ? local!.value : local!.error };
};

describe("a trusted proxy forwarding a loopback hop", () => {
  it("openclaw@2026.3.13 takes the hop as the client and classes the request local", async () => {
    expect(await ask("2026.3.13")).toEqual({ ip: "127.0.0.1", local: true });
  });

  it("openclaw@2026.3.22 skips the loopback hop, resolves no client and classes the request remote", async () => {
    expect(await ask("2026.3.22")).toEqual({ ip: undefined, local: false });
  });

  it("the same verdicts come out of the tabulated abstract cell, and the model agrees", async () => {
    for (const [version, local] of [["2026.3.13", true], ["2026.3.22", false]] as const) {
      const real = await realLocality(version);
      expect(real.observe(CELL), version).toEqual({ isLocalClient: local });
      expect(observeLocality(version, CELL).isLocalClient.value, version).toBe(local);
    }
  });
});
