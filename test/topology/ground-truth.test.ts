import { describe, expect, it } from "vitest";
import { compareVersions, isPrerelease } from "../../src/domain/versions.ts";
import { publishedReleases } from "../../src/model/releases.ts";
import { checkModel } from "../helpers/check.ts";
import { clawproof } from "../helpers/cli.ts";

describe("ground truth over deployment topologies", () => {
  it("PR #48285 admits a remote node through a same-host TCP relay", () => {
    const p = checkModel("pr-48285", ["remote-origin-node-needs-identity"]).properties[0]!;
    expect(p.status).toBe("violated");
    expect(p.counterexample).toMatchObject({ topology: "same-host-tcp-relay", cell: { role: "node", device: "none", locality: "local" } });
    expect(p.counterexample!.request).toMatchObject({ socketAddress: "127.0.0.1", headers: {} });
    expect(p.counterexample!.replay).toMatch(/--connection topo=same-host-tcp-relay,origin=remote-[a-z0-9-]+,.* --cell role=node,/);
    expect(p.topologies!.find((t) => t.topology === "same-host-tcp-relay")!.status).toBe("violated");
  });

  const versions = publishedReleases().map((r) => r.version).filter((v) => compareVersions(v, "2026.2.22") >= 0 && !isPrerelease(v));
  it(`every model from 2026.2.22 on (${versions.length}) holds remote-origin-node-needs-identity`, () => {
    for (const version of versions) {
      expect({ version, status: checkModel(version, ["remote-origin-node-needs-identity"]).properties[0]!.status }).toEqual({ version, status: "holds" });
    }
  });

  it("a trusted proxy forwarding a loopback hop makes the client local in 2026.3.13, not from 2026.3.22", () => {
    const before = checkModel("2026.3.13", ["proxied-never-local"]).properties[0]!;
    expect(before.status).toBe("violated");
    expect(before.counterexample!.observed).toMatch(/^local/);
    expect(checkModel("2026.3.22", ["proxied-never-local"]).properties[0]!.status).toBe("holds");
  });

  it("lists the connections that passed only through an accepted exception", () => {
    const p = checkModel("2026.3.22", ["proxied-never-local"]).properties[0]!;
    expect(p.exempted.map((e) => e.exception)).toContain("real-ip-fallback-opt-in");
  });

  it("the replay command reproduces the one violation", () => {
    const replay = checkModel("pr-48285", ["remote-origin-node-needs-identity"]).properties[0]!.counterexample!.replay;
    const run = clawproof(...replay.split(" ").slice(2));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/same-host-tcp-relay: 1 connection violates/);
  });

  it("table shows the locality decision table", () => {
    const run = clawproof("table", "model:2026.9.6", "--layer", "locality", "--format", "csv");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("decision,topology,origin,trusted,realIp,spoof,host,cells");
    expect(run.stdout).toMatch(/^"local \(direct-local\)",/m);
    expect(run.stdout).toMatch(/^"remote \(unattributable-proxy\)",/m);
  });
});
