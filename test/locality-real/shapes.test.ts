import { describe, expect, it } from "vitest";
import { chooseAdapter } from "../../src/differential/choose.ts";
import type { Signature } from "../../src/differential/signature.ts";
import type { LocalityAdapter } from "../../src/locality/real/adapter.ts";
import { LOCALITY_ADAPTERS } from "../../src/locality/real/adapters/index.ts";
import { openLocalityRelease } from "../../src/locality/real/open.ts";
import { fakeReleaseOfSignatures } from "../helpers/fake-release.ts";

const sig = (params: string[], reads: string[][]): Signature => ({ params, reads });
const choose = (fn: keyof typeof LOCALITY_ADAPTERS, sigs: Record<string, Signature | undefined>) =>
  chooseAdapter(LOCALITY_ADAPTERS[fn] as readonly LocalityAdapter[], fakeReleaseOfSignatures(sigs));

describe("adapters are chosen by the sliced signature", () => {
  it("isLocalDirectRequest: three parameters (underscored when unused) or two; req may read only socket and headers", () => {
    expect(choose("isLocalDirectRequest", { isLocalDirectRequest: sig(["req", "_trustedProxies", "_allowRealIpFallback"], [["socket"], [], []]) })?.shape).toMatch(/allowRealIpFallback/);
    expect(choose("isLocalDirectRequest", { isLocalDirectRequest: sig(["req", "trustedProxies"], [["headers", "socket"], []]) })?.shape).toBe("(req{socket,headers}, trustedProxies) → boolean");
    expect(() => choose("isLocalDirectRequest", { isLocalDirectRequest: sig(["req", "trustedProxies", "allowRealIpFallback"], [["socket", "url"], [], []]) })).toThrow(
      /unsupported shape: isLocalDirectRequest reads req\{socket,url\}, trustedProxies, allowRealIpFallback/,
    );
  });

  it("resolveClientIp prefers the 2.21+ export and falls back to resolveGatewayClientIp; neither is not-in-release", () => {
    const both = ["remoteAddr", "forwardedFor", "realIp", "trustedProxies"];
    expect(choose("resolveClientIp", { resolveClientIp: sig(["{}"], [[...both, "allowRealIpFallback"]]) })?.real).toBe("resolveClientIp");
    expect(choose("resolveClientIp", { resolveGatewayClientIp: sig(["params"], [both]) })?.real).toBe("resolveGatewayClientIp");
    expect(choose("resolveClientIp", {})).toBeUndefined();
    expect(() => choose("resolveClientIp", { resolveClientIp: sig(["{}"], [["remoteAddr", "forwardedFor", "allowRealIpFallback", "peer"]]) })).toThrow(/unsupported shape/);
  });

  it("ingress attribution needs its managed-listener branch in a known shape too", () => {
    const ingress = sig(["params"], [["allowRealIpFallback", "req", "tailscaleWhois", "trustedProxies"]]);
    const peer = sig(["params"], [["allowRealIpFallback", "forwardedFor", "realIp", "remoteAddr", "trustedProxies"]]);
    const managed = sig(["params"], [["mode", "remoteAddress", "req", "tailscaleWhois"]]);
    expect(choose("ingressAttribution", { resolveGatewayIngressAttribution: ingress, resolveClientIp: peer, resolveManagedTailscaleIngress: managed })?.real).toBe("resolveGatewayIngressAttribution");
    expect(() => choose("ingressAttribution", { resolveGatewayIngressAttribution: ingress, resolveClientIp: peer })).toThrow(/needs resolveManagedTailscaleIngress, which is not in this release/);
  });
});

describe("shapes found in published releases", () => {
  it("openclaw@2026.2.9 has resolveGatewayClientIp and a two-parameter isLocalDirectRequest, and no ingress attribution", async () => {
    const release = await openLocalityRelease("2026.2.9");
    try {
      expect(release.bound.resolveClientIp?.adapter.real).toBe("resolveGatewayClientIp");
      expect(release.bound.isLocalDirectRequest?.adapter.shape).toBe("(req{socket,headers}, trustedProxies) → boolean");
      expect(release.bound.ingressAttribution).toBeUndefined();
      expect(release.absent.ingressAttribution).toMatch(/no resolveGatewayIngressAttribution in openclaw@2026.2.9/);
    } finally {
      await release.close();
    }
  });

  it("openclaw@2026.4.9 binds the gateway's isLoopbackAddress, not the voice-call extension's namesake", async () => {
    const release = await openLocalityRelease("2026.4.9");
    try {
      expect(release.bound.isLoopbackAddress?.region).toBe("src/gateway/net.ts");
      const [mapped] = await release.bound.isLoopbackAddress!.run(["127.0.0.2"]);
      expect(mapped).toMatchObject({ ok: true, value: true }); // the extension's copy accepts 127.0.0.1 only
    } finally {
      await release.close();
    }
  });
});
