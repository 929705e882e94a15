/**
 * Real releases from npm, sliced and run. Cold runs fetch 3.13, 9.6 and 4.9 (a few seconds
 * each); later runs reuse <repo>/.cache.
 */
import { afterAll, describe, expect, it } from "vitest";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { fetchStats } from "../../src/release/fetch.ts";
import { loadRelease, type ReleaseSlice } from "../../src/release/load.ts";
import { COLD, GATE_CASES, UNREACHABLE_REGISTRY } from "./env.ts";

const CORE = ["evaluateMissingDeviceIdentity", "roleCanSkipDeviceIdentity", "isLoopbackAddress", "authorizeGatewayConnect"];
const open: ReleaseSlice[] = [];
afterAll(() => Promise.all(open.map((s) => s.close())));

async function load(version: string, names = CORE, opts = {}): Promise<ReleaseSlice> {
  const slice = await loadRelease(version, names, opts);
  open.push(slice);
  return slice;
}

const values = (results: { ok: boolean; value?: unknown; error?: string }[]) => results.map((r) => (r.ok ? r.value : r.error));
const kinds = async (slice: ReleaseSlice, cases: object[]) =>
  values(await slice.call("evaluateMissingDeviceIdentity", cases.map((c) => [c]))).map((v) => (v as { kind: string }).kind);

describe.each([
  { version: "2026.3.13", backendSelfPairing: "reject-device-required" },
  { version: "2026.9.6", backendSelfPairing: "allow" },
])("openclaw@$version", ({ version, backendSelfPairing }) => {
  it("slices and imports the core functions", { timeout: COLD }, async () => {
    const slice = await load(version);
    expect(slice.found).toEqual(CORE);
    expect(slice.missing).toEqual([]);
    expect(slice.failed).toEqual([]);
    expect(slice.integrity).toMatch(/^sha512-/);
  });

  it("roleCanSkipDeviceIdentity is operator-only", async () => {
    const slice = await load(version);
    const r = await slice.call("roleCanSkipDeviceIdentity", [["node", true], ["operator", true], ["operator", false]]);
    expect(values(r)).toEqual([false, true, false]);
  });

  it("evaluateMissingDeviceIdentity matches the notes' table", async () => {
    const slice = await load(version);
    expect(await kinds(slice, Object.values(GATE_CASES))).toEqual([
      "reject-device-required",
      "reject-unauthorized",
      "allow",
      "allow",
      backendSelfPairing,
    ]);
  });

  it("isLoopbackAddress accepts all of 127/8 and rejects octal spellings", async () => {
    const slice = await load(version);
    expect(values(await slice.call("isLoopbackAddress", [["127.0.0.2"], ["0177.0.0.1"], ["::1"], ["10.0.0.1"]]))).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it("authorizeGatewayConnect runs with the Tailscale stub", async () => {
    const slice = await load(version);
    const req = { socket: { remoteAddress: "127.0.0.1" }, headers: { host: "127.0.0.1:18789" } };
    const token = { mode: "token", token: "right" };
    const r = await slice.call("authorizeGatewayConnect", [
      [{ auth: { mode: "none" }, connectAuth: null, req, trustedProxies: [] }],
      [{ auth: token, connectAuth: { token: "wrong" }, req, trustedProxies: [] }],
      [{ auth: token, connectAuth: { token: "right" }, req, trustedProxies: [] }],
    ]);
    expect(values(r)).toEqual([
      expect.objectContaining({ ok: true, method: "none" }),
      expect.objectContaining({ ok: false, reason: "token_mismatch" }),
      expect.objectContaining({ ok: true, method: "token" }),
    ]);
    expect(slice.manifests.authorizeGatewayConnect?.stubbed).toContain("readTailscaleWhoisIdentity");
  });
});

describe("choosing among same-name definitions", () => {
  it("on 2026.4.9 picks the gateway isLoopbackAddress, not the voice-call copy", { timeout: COLD }, async () => {
    const slice = await load("2026.4.9", ["isLoopbackAddress"]);
    const root = slice.manifests.isLoopbackAddress!.roots[0]!;
    expect(root.region).toBe("src/gateway/net.ts");
    expect(root.candidates.some((c) => c.region?.startsWith("extensions/voice-call/"))).toBe(true);
    expect(values(await slice.call("isLoopbackAddress", [["127.0.0.2"]]))).toEqual([true]);
    expect(slice.imports.bare).toEqual(["ipaddr.js"]);
  });
});

describe("warm cache", () => {
  it("loads with the registry unreachable, without asking it, in well under a second", { timeout: COLD }, async () => {
    await load("2026.3.13");
    const before = fetchStats.registryCalls;
    const started = performance.now();
    const slice = await load("2026.3.13", CORE, { registry: UNREACHABLE_REGISTRY });
    const ms = performance.now() - started;
    expect(fetchStats.registryCalls).toBe(before);
    expect(slice.found).toEqual(CORE);
    expect(ms).toBeLessThan(1000);
    expect(values(await slice.call("roleCanSkipDeviceIdentity", [["operator", true]]))).toEqual([true]);
  });

  it("refuses calls to functions that are not in the slice", async () => {
    const slice = await load("2026.3.13", ["roleCanSkipDeviceIdentity", "resolvePairingLocality"]);
    expect(slice.missing).toEqual(["resolvePairingLocality"]);
    await expect(slice.call("resolvePairingLocality", [[{}]])).rejects.toThrow(CannotCheckError);
    await expect(slice.call("resolvePairingLocality", [[{}]])).rejects.toThrow(/not in this release/);
  });
});
