import { describe, expect, it } from "vitest";
import "../release/env.ts";
import { checkImplementation } from "../../src/engine/check.ts";
import type { Implementation } from "../../src/impl/implementation.ts";
import { resolveImplementation, resolveModel } from "../../src/impl/resolve-ref.ts";
import { parseCellPattern } from "../../src/domain/cell-key.ts";
import { pairingProbes } from "../../src/pairing-locality/truth-table.ts";
import { PAIRING_REASONS } from "../../src/model/policy-functions.ts";
import { ACCEPTED_EXCEPTIONS, findProperty } from "../../properties/index.ts";
import { INDISTINGUISHABLE } from "../../src/topology/pairing-truth.ts";

const ID = "remote-origin-never-silently-paired";
const loaded = new Map<string, Promise<Implementation>>();
const release = (version: string) => {
  if (!loaded.has(version)) loaded.set(version, resolveImplementation(`openclaw@${version}`));
  return loaded.get(version)!;
};

/** A LAN client (192.168.1.20) connecting straight to the gateway, writing a loopback Host header. */
const LAN_DIRECT = "topo=direct,origin=remote-lan-outside,trusted=none,realip=0,spoof=none,host=loopback";
/** It claims the Control UI, sends the gateway's own loopback page as Origin and holds the token. */
const CONTROL_UI_CLAIM = "client=control-ui,device=unpaired,origin=loopback,auth=token,cred=secret-ok";

const check = (impl: Implementation, opts: { connection?: string; cell?: string } = {}) =>
  checkImplementation(impl, {
    properties: [findProperty(ID)!], exceptions: ACCEPTED_EXCEPTIONS, seed: 0, randomRuns: 0,
    ...(opts.connection ? { connections: opts.connection } : {}),
    ...(opts.cell ? { cells: parseCellPattern(opts.cell) } : {}),
  }).properties[0]!;

describe("remote-origin-never-silently-paired on the releases' own pairing code", () => {
  it("4.7's resolvePairingLocality classes a LAN client claiming the Control UI with loopback Host and Origin browser_container_local, and it is paired silently", { timeout: 600_000 }, async () => {
    const p = check(await release("2026.4.7"), { connection: LAN_DIRECT, cell: CONTROL_UI_CLAIM });
    expect(p.status).toBe("violated");
    expect(p.counterexample).toMatchObject({ topology: "direct", request: { socketAddress: "192.168.1.20", host: "127.0.0.1:18789" } });
    expect(p.counterexample!.message).toMatch(/classed browser_container_local and its new device is paired silently/);
    expect(p.counterexample!.replay).toContain(`npx clawproof check openclaw@2026.4.7 --property ${ID} --connection ${LAN_DIRECT}`);
  });

  it("4.5 (no browser-container rule yet) holds on the same connects", { timeout: 600_000 }, async () => {
    expect(check(await release("2026.4.5"), { connection: LAN_DIRECT, cell: CONTROL_UI_CLAIM }).status).toBe("holds");
  });

  it("a blind same-host relay is unchecked as indistinguishable, never holding", { timeout: 600_000 }, async () => {
    const p = check(await release("2026.9.6"), { connection: "topo=same-host-tcp-relay" });
    expect(p.status).toBe("not-applicable");
    expect(p.unchecked).toEqual([{ reason: INDISTINGUISHABLE, cells: expect.any(Number) }]);
    expect(p.cells).toBe(0);
  });

  it("a release whose silent pairing is inline (2.21) is unchecked with the reason, not holding", { timeout: 600_000 }, async () => {
    const p = check(await release("2026.2.21"), { connection: "topo=direct" });
    expect(p.status).toBe("not-applicable");
    expect(p.unchecked!.map((u) => u.reason)).toEqual([expect.stringMatching(/openclaw@2026\.2\.21 has no sliced shouldAllowSilentLocalPairing/)]);
  });
});

describe.each(["2026.3.13", "2026.4.5", "2026.4.7", "2026.4.20", "2026.5.18", "2026.5.22", "2026.8.1", "2026.9.6"])("openclaw@%s", (version) => {
  it("its pairing code and the model answer every probe of the topologies alike (first pairings and upgrades)", { timeout: 600_000 }, async () => {
    const real = (await release(version)).observePairing!;
    const model = resolveModel(version).observePairing!;
    // what each answered, not who (the trail names openclaw: or model:)
    const answer = (a: ReturnType<typeof real>) => ("by" in a ? { ...a, by: undefined } : a);
    const probes = pairingProbes(PAIRING_REASONS);
    expect(probes.filter((p) => !("by" in real(p))).slice(0, 3).map(real)).toEqual([]);
    const differ = probes.filter((p) => JSON.stringify(answer(real(p))) !== JSON.stringify(answer(model(p))));
    expect(differ.slice(0, 3).map((p) => ({ probe: p, release: real(p), model: model(p) }))).toEqual([]);
  });
});
