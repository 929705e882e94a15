import { describe, expect, it } from "vitest";
import { allCells } from "../../src/domain/enumerate.ts";
import { isValidCell } from "../../src/domain/validity.ts";
import type { Observation } from "../../src/live/handshake.ts";
import { groupJobs } from "../../src/live/jobs.ts";
import { liveProfile } from "../../src/live/profile.ts";
import { LANE_DEVICES, baseLane, dealToLanes, laneDevice, leftOff, pairingNeeds, upgradeLane } from "../../src/live/upgrade-lanes.ts";
import { approvedRole } from "../../src/live/request.ts";
import type { Verdict } from "../../src/domain/verdict.ts";

const verdict = (v: Partial<Verdict>): Verdict => ({ outcome: "reject", reason: "pairing-required", scopes: "cleared", pairing: "required", rules: [], ...v });

describe("live upgrade lanes", () => {
  const profile = liveProfile("2026.9.6");
  const paired = allCells().filter((c) => isValidCell(c) && c.device === "paired" && c.credential !== "bootstrap-token");

  it("deals a job's cells to lanes: each paired cell to its device's lane, in order, and every other cell alone, after them", () => {
    const job = groupJobs(allCells().filter((c) => isValidCell(c) && c.authMode === "token" && c.role === "operator" && c.client === "cli"), profile)[0]!;
    const dealt = dealToLanes(job.cells);
    expect(dealt.flatMap(([, items]) => items).length).toBe(job.cells.length);
    const firstLoose = dealt.findIndex(([lane]) => lane === undefined);
    expect(firstLoose).toBeGreaterThan(0);
    expect(dealt.slice(firstLoose).every(([lane, items]) => lane === undefined && items.length === 1 && items[0]!.cell.device !== "paired")).toBe(true);
    for (const [lane, items] of dealt.slice(0, firstLoose)) {
      for (const { cell } of items) expect(lane).toBe(cell.upgrade === "none" ? baseLane(cell) : laneDevice(cell, 0));
      // a lane's cells keep the job's order
      const at = items.map((i) => job.cells.indexOf(i));
      expect(at).toEqual([...at].sort((a, b) => a - b));
    }
  });

  it("pairs exactly LANE_DEVICES devices per upgrade lane (each with a name of its own) and one per (role, client), over the whole domain", () => {
    const needs = pairingNeeds(groupJobs(paired, profile));
    const upgrades = paired.filter((c) => c.upgrade !== "none");
    const lanes = new Set(upgrades.flatMap((c) => Array.from({ length: LANE_DEVICES }, (_, i) => laneDevice(c, i))));
    const bases = new Set(paired.filter((c) => c.upgrade === "none").map((c) => `${c.role}/${c.client}`));
    expect(lanes.size).toBe(new Set(upgrades.map(upgradeLane)).size * LANE_DEVICES);
    expect(needs.map((n) => n.id).sort()).toEqual([...lanes, ...bases].sort());
    for (const n of needs.filter((x) => lanes.has(x.id))) {
      const cell = upgrades.find((c) => n.id.startsWith(`${upgradeLane(c)}#`))!;
      // the lane device is approved for the role the cell's device was approved for, not the one it asks
      expect(n.role).toBe(approvedRole(cell));
      expect(n.displayName).toBe(`clawproof ${n.id}`);
    }
    expect(new Set(needs.map((n) => n.displayName).filter(Boolean)).size).toBe(lanes.size);
  });

  it("puts a device back after every connect that reached pairing: rejects a request it left pending, re-pairs one whose approval widened or is unknown", () => {
    const scopes = paired.find((c) => c.upgrade === "scopes")!;
    const role = paired.find((c) => c.upgrade === "role")!;
    const pending: Observation = { kind: "error", error: { code: "NOT_PAIRED", details: { requestId: "r-1" } } };
    expect(leftOff(scopes, pending, verdict({}), undefined)).toEqual({ reject: "r-1", rePair: false });
    // a role upgrade asks the role step, then the scope step: a refusal at the second leaves the first approved
    expect(leftOff(role, pending, verdict({}), undefined)).toEqual({ reject: "r-1", rePair: true });
    const hello: Observation = { kind: "hello", hello: { auth: null } };
    expect(leftOff(scopes, hello, verdict({ outcome: "admit", reason: "ok", pairing: "silent" }), true)).toEqual({ rePair: true });
    expect(leftOff(scopes, { kind: "close", close: { code: 1000, reason: "" } }, verdict({ reason: "unexplained" }), undefined)).toEqual({ rePair: true });
  });

  it("leaves a device alone where the connect never touched its approval (refused before pairing, or admitted without an approval)", () => {
    const origin: Observation = { kind: "error", error: { code: "INVALID_REQUEST", message: "origin not allowed" } };
    const cell = paired.find((c) => c.upgrade === "role")!;
    expect(leftOff(cell, origin, verdict({ reason: "origin-not-allowed" }), undefined)).toBeUndefined();
    const skipped: Observation = { kind: "hello", hello: { auth: null } };
    expect(leftOff(cell, skipped, verdict({ outcome: "admit", reason: "ok", pairing: "paired" }), false)).toBeUndefined();
  });
});

