import { describe, expect, it } from "vitest";
import { diffImplementations } from "../../src/engine/diff.ts";
import { compareVersions, isPrerelease } from "../../src/domain/versions.ts";
import { resolveModel } from "../../src/impl/resolve-ref.ts";
import { publishedReleases } from "../../src/model/releases.ts";
import { checkModel, status } from "../helpers/check.ts";

describe("the newest era", () => {
  it("model:2026.9.6 holds every property but the open LAN browser-container pairing bug, and lists its accepted exceptions", () => {
    const result = checkModel("2026.9.6");
    // history row lan-browser-container-silent-pairing-again: still in the newest release
    expect(result.properties.filter((p) => p.status === "violated").map((p) => p.id)).toEqual(["remote-origin-never-silently-paired"]);
    expect(result.properties.find((p) => p.id === "remote-origin-never-silently-paired")!.counterexample!.message).toMatch(/browser_container_local/);
    const exempted = result.properties.flatMap((p) => p.exempted.map((e) => e.exception));
    expect(exempted).toEqual(expect.arrayContaining(["local-backend-auth-none", "local-cli-shared-secret-keeps-scopes"]));
    expect(result.coverage.complete).toBe(true);
  });
});

describe("node identity across releases", () => {
  it("model:2026.2.21 admits a remote node with a verified token and no device", () => {
    const result = checkModel("2026.2.21", ["remote-node-needs-identity"]);
    const p = result.properties[0]!;
    expect(p.status).toBe("violated");
    expect(p.counterexample!.cell).toMatchObject({ role: "node", locality: "remote", device: "none", credential: "secret-ok" });
    expect(p.counterexample!.verdict!.outcome).toBe("admit");
    expect(p.counterexample!.replay).toMatch(/^npx clawproof check model:2026\.2\.21 --property remote-node-needs-identity --cell role=node,/);
  });

  const fromE1 = publishedReleases().map((r) => r.version).filter((v) => compareVersions(v, "2026.2.22") >= 0 && !isPrerelease(v));
  it(`every model from 2026.2.22 on (${fromE1.length} releases) holds the node and auth invariants`, () => {
    for (const version of fromE1) {
      const result = checkModel(version, ["remote-node-needs-identity", "failed-auth-rejected", "node-never-admitted-without-identity"]);
      expect({ version, statuses: result.properties.map((p) => p.status) }).toEqual({ version, statuses: ["holds", "holds", "holds"] });
    }
  });
});

describe("PR #48285", () => {
  const result = checkModel("pr-48285");

  it("admits device-less nodes, including with no credential at all under auth none", () => {
    const p = result.properties.find((x) => x.id === "node-never-admitted-without-identity")!;
    expect(p.status).toBe("violated");
    const shown = [p.counterexample!.key, ...p.moreViolations];
    expect(shown.some((key) => key?.includes("auth=none"))).toBe(true);
  });

  it("reaches the Control UI path, as its review warned", () => {
    expect(status(result, "control-ui-paths-unchanged")).toBe("violated");
    const p = result.properties.find((x) => x.id === "control-ui-paths-unchanged")!;
    expect(p.counterexample!.cell).toMatchObject({ client: "control-ui", role: "node" });
  });

  it("is compared with the model it extends", () => {
    expect(result.base).toBe("model:2026.3.13");
  });
});

describe("diff model:2026.3.11 model:2026.3.13", () => {
  // measured live on 3.13: a node's device token stops verifying (a browser client without its Origin is refused in
  // every release, checkBrowserOrigin measured on each: not a 3.11 → 3.13 change)
  const LIVE_MEASURED = ["final.node-device-token-unverifiable"];

  it("changes operator and Control UI cells, and a node cell only through the change measured live", () => {
    const diff = diffImplementations(resolveModel("2026.3.11"), resolveModel("2026.3.13"));
    expect(diff.changes.length).toBeGreaterThan(0);
    expect(diff.changes.filter((c) => c.cell.role === "node" && !LIVE_MEASURED.some((r) => c.head.rules.includes(r)))).toEqual([]);
    expect(diff.changes.filter((c) => !(c.cell.role === "operator" || c.cell.client === "control-ui" || LIVE_MEASURED.some((r) => c.head.rules.includes(r))))).toEqual([]);
    expect(diff.groups.length).toBeGreaterThan(0);
  });
});
