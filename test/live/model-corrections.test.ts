/**
 * Model corrections taken from live gateways (2026-12-01): each pins what the real gateway did,
 * at the releases it was run on.
 */
import { describe, expect, it } from "vitest";
import { parseCellPattern } from "../../src/domain/cell-key.ts";
import { cellsAt } from "../../src/domain/enumerate.ts";
import { matchesPattern } from "../../src/domain/cell-key.ts";
import { releaseModel } from "../../src/impl/model-impl.ts";

const decide = (version: string, key: string) => {
  const pattern = parseCellPattern(key);
  const cells = cellsAt(version).filter((c) => matchesPattern(c, pattern));
  expect(cells.length).toBeGreaterThan(0);
  const model = releaseModel(version);
  return new Set(cells.map((c) => { const v = model.decide(c); return v.outcome === "reject" ? v.reason : "admit"; }));
};

describe("corrections from live gateways", () => {
  it("a Control UI or WebChat client that sends no Origin is refused as origin not allowed (3.13, 9.6), local or remote", () => {
    for (const version of ["2026.3.13", "2026.9.6"]) {
      expect(decide(version, "client=control-ui,origin=none")).toEqual(new Set(["origin-not-allowed"]));
      expect(decide(version, "client=webchat,origin=none")).toEqual(new Set(["origin-not-allowed"]));
      expect(decide(version, "client=webchat,origin=loopback,auth=token,cred=secret-ok,device=paired")).toContain("admit");
    }
    // only browser client kinds: a CLI without an Origin is not refused for it
    expect(decide("2026.9.6", "client=cli,origin=none")).not.toContain("origin-not-allowed");
  });

  it("a paired node's device token does not verify on 3.13–3.28 (measured live), and does from 3.31 (measured on 3.31, 4.1, 4.2 and 9.6)", () => {
    const key = "role=node,client=node-host,device=paired,auth=token,cred=device-token,origin=none,insecure=0,ddda=0,upgrade=none";
    expect(decide("2026.3.13", key)).toEqual(new Set(["unauthorized"]));
    expect(decide("2026.3.22", key)).toEqual(new Set(["unauthorized"]));
    expect(decide("2026.3.28", key)).toEqual(new Set(["unauthorized"]));
    expect(decide("2026.3.31", key)).toContain("admit");
    expect(decide("2026.4.1", key)).toContain("admit");
    expect(decide("2026.4.2", key)).toContain("admit");
    expect(decide("2026.9.6", key)).toContain("admit");
    expect(decide("2026.9.6", key)).not.toContain("unauthorized");
    // operators' device tokens verify on both
    const operator = key.replace("role=node", "role=operator").replace("node-host", "cli");
    expect(decide("2026.3.13", operator)).toContain("admit");
    expect(decide("2026.3.13", operator)).not.toContain("unauthorized");
  });

  it("a device token asking for the other role or more scopes than it was issued with does not verify (live 3.24, 7.35, 8.1; read in every bundle)", () => {
    for (const version of ["2026.2.21", "2026.3.24", "2026.7.35", "2026.8.1", "2026.9.6"]) {
      for (const upgrade of ["scopes", "role"]) {
        expect(decide(version, `role=operator,client=cli,device=paired,auth=token,cred=device-token,origin=none,upgrade=${upgrade},dtok=0`)).toEqual(new Set(["unauthorized"]));
      }
      // the same device asking for what it was approved for still verifies
      expect(decide(version, "role=operator,client=cli,device=paired,auth=token,cred=device-token,origin=none,upgrade=none,dtok=0")).toContain("admit");
    }
  });
});
