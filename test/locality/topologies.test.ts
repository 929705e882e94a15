import { describe, expect, it } from "vitest";
import { localityModelAt } from "../../src/locality/locality-model.ts";
import { LOCALITY_ORIGINS, type OriginId } from "../../src/locality/locality-domain.ts";
import { TOPOLOGIES, type ClientHeaders } from "../../src/locality/topology.ts";

const REMOTE: OriginId[] = ["remote-lan", "remote-lan-outside", "remote-tailnet", "remote-link-local", "remote-public-v4", "remote-public-v6"];
const L0_L1 = ["2026.2.9", "2026.2.21", "2026.2.22", "2026.3.11", "2026.3.28"];
const L2_L3 = ["2026.3.31", "2026.5.7", "2026.6.10", "2026.7.35", "2026.8.1", "2026.9.6"];
const isLocal = (version: string, topology: keyof typeof TOPOLOGIES, origin: OriginId, client: ClientHeaders = {}) =>
  localityModelAt(version).isLocalClient(TOPOLOGIES[topology].observe(LOCALITY_ORIGINS[origin], client)).value;

describe("same-host TCP relay (socat, ssh -L, nginx stream)", () => {
  it("makes every remote client local in L2 and L3, whatever Host it sends", () => {
    for (const version of L2_L3)
      for (const origin of REMOTE)
        for (const host of [{ host: "10.0.0.2:18789" }, {}] as ClientHeaders[]) expect(isLocal(version, "same-host-tcp-relay", origin, host), `${version} ${origin}`).toBe(true);
  });

  it("in L0/L1 only the Host check stands in the way, and the client writes Host itself", () => {
    for (const version of L0_L1) {
      expect(isLocal(version, "same-host-tcp-relay", "remote-public-v4", { host: "10.0.0.2:18789" })).toBe(false);
      expect(isLocal(version, "same-host-tcp-relay", "remote-public-v4", { host: "localhost:18789" })).toBe(true);
    }
  });

  it("the relay's truth is the origin's: remote stays remote", () => {
    expect(TOPOLOGIES["same-host-tcp-relay"].trueLocality(LOCALITY_ORIGINS["remote-public-v4"])).toBe(false);
    expect(TOPOLOGIES["same-host-tcp-relay"].trueLocality(LOCALITY_ORIGINS["local-ipv4"])).toBe(true);
  });

  it("an empty X-Forwarded-For or an X-Forwarded-Port the client adds counts from 5.18 (measured on the sliced releases)", () => {
    const empty = { host: "localhost", "x-forwarded-for": "" };
    expect(isLocal("2026.5.12", "same-host-tcp-relay", "remote-public-v4", empty)).toBe(true);
    expect(isLocal("2026.5.18", "same-host-tcp-relay", "remote-public-v4", empty)).toBe(false);
    expect(isLocal("2026.9.6", "same-host-tcp-relay", "remote-public-v4", empty)).toBe(false);
    const port = { host: "localhost", "x-forwarded-port": "443" };
    expect(isLocal("2026.5.12", "same-host-tcp-relay", "remote-public-v4", port)).toBe(true);
    expect(isLocal("2026.5.18", "same-host-tcp-relay", "remote-public-v4", port)).toBe(false);
  });
});

describe("a trusted proxy forwarding a loopback X-Forwarded-For hop", () => {
  const spoof = { host: "localhost:18789", "x-forwarded-for": "127.0.0.1" };

  it("LAN proxy in a trusted CIDR, client inside that CIDR: local in L1 before 3.22, not from 3.22", () => {
    for (const version of ["2026.2.22", "2026.2.26", "2026.3.11", "2026.3.13"]) expect(isLocal(version, "lan-proxy", "remote-lan", spoof), version).toBe(true);
    for (const version of ["2026.3.22", "2026.3.28", ...L2_L3]) expect(isLocal(version, "lan-proxy", "remote-lan", spoof), version).toBe(false);
  });

  it("the client's own hop outside the trusted CIDR stops the walk in every era from 2.21", () => {
    for (const version of ["2026.2.21", "2026.3.11", "2026.9.6"]) expect(isLocal(version, "lan-proxy", "remote-public-v4", spoof), version).toBe(false);
  });

  it("pass-through proxy on the gateway host, spoofed 127.0.0.2: local until 3.22", () => {
    const other = { host: "localhost:18789", "x-forwarded-for": "127.0.0.2" };
    for (const version of ["2026.2.9", "2026.2.22", "2026.3.13"]) expect(isLocal(version, "passthrough-proxy", "remote-public-v4", other), version).toBe(true);
    for (const version of ["2026.3.22", ...L2_L3]) expect(isLocal(version, "passthrough-proxy", "remote-public-v4", other), version).toBe(false);
  });

  it("the resolver shows the 3.22 change directly", () => {
    const req = TOPOLOGIES["lan-proxy"].observe(LOCALITY_ORIGINS["remote-lan"], spoof);
    expect(localityModelAt("2026.3.13").resolveClientIp(req)).toMatchObject({ value: "127.0.0.1", rule: "client-ip/xff-first-untrusted-hop" });
    expect(localityModelAt("2026.3.22").resolveClientIp(req)).toMatchObject({ value: undefined, rule: "client-ip/fail-closed" });
  });
});

describe("other deployments", () => {
  it("an appending same-host proxy defeats the spoof from 2.21 on, but L0's left-most read falls for it", () => {
    const spoof = { host: "localhost:18789", "x-forwarded-for": "127.0.0.1" };
    expect(isLocal("2026.2.9", "same-host-proxy", "remote-public-v4", spoof)).toBe(true);
    for (const version of ["2026.2.21", "2026.3.11", ...L2_L3]) expect(isLocal(version, "same-host-proxy", "remote-public-v4", spoof), version).toBe(false);
  });

  it("a direct remote client is never local, whatever it sends", () => {
    const spoofs: ClientHeaders[] = [{ host: "localhost" }, { host: "localhost", "x-forwarded-for": "127.0.0.1" }, { "x-real-ip": "127.0.0.1" }];
    for (const version of [...L0_L1, ...L2_L3]) for (const origin of REMOTE) for (const c of spoofs) expect(isLocal(version, "direct", origin, c)).toBe(false);
  });

  it("Tailscale Serve: a tailnet client is attributed tailscale-serve in L3, never local", () => {
    const req = TOPOLOGIES["tailscale-serve"].observe(LOCALITY_ORIGINS["remote-tailnet"], { host: "gateway.tail0000.ts.net" });
    expect(localityModelAt("2026.9.6").ingressAttribution!(req).value).toBe("tailscale-serve");
    for (const version of [...L0_L1, ...L2_L3]) expect(localityModelAt(version).isLocalClient(req).value, version).toBe(false);
  });

  it("a spoofed Tailscale login on a plain loopback request is not direct-local in L3", () => {
    const req = TOPOLOGIES["same-host-tcp-relay"].observe(LOCALITY_ORIGINS["remote-public-v4"], { "tailscale-user-login": "attacker@example.com" });
    expect(localityModelAt("2026.9.6").ingressAttribution!(req).value).toBe("unattributable-proxy");
    expect(localityModelAt("2026.7.35").isLocalClient(req).value).toBe(true);
  });

  it("a gateway-host process dialling the host's own LAN address looks remote everywhere", () => {
    for (const version of [...L0_L1, ...L2_L3]) expect(isLocal(version, "direct", "local-own-lan", { host: "localhost" })).toBe(false);
  });
});
