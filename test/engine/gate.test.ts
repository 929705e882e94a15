import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffImplementations } from "../../src/engine/diff.ts";
import { gate, widens } from "../../src/engine/gate.ts";
import { resolveModel } from "../../src/impl/resolve-ref.ts";
import { clawproof } from "../helpers/cli.ts";
import { tempDir } from "../helpers/temp.ts";
import type { Verdict } from "../../src/domain/verdict.ts";

const v = (outcome: "admit" | "reject", scopes: "kept" | "cleared" = "cleared"): Verdict => ({
  outcome, reason: outcome === "admit" ? "ok" : "device-required", scopes, pairing: "no-device", rules: [],
});

describe("the change-envelope gate", () => {
  it("calls admitting a rejected connect, or keeping cleared scopes, a widening", () => {
    expect(widens(v("reject"), v("admit"))).toBe(true);
    expect(widens(v("admit", "cleared"), v("admit", "kept"))).toBe(true);
    expect(widens(v("admit"), v("reject"))).toBe(false);
    expect(widens(v("admit", "kept"), v("admit", "cleared"))).toBe(false);
  });

  // commit 2's backend skip also skips the approval of a local backend device's role upgrade under auth none
  const BACKEND_UPGRADE = "role=operator,client=backend,auth=none,loc=local,origin=none,upgrade=role";

  it("fails PR #48285 for its node widenings and its backend role-upgrade skip, and an envelope accepts only what it names", () => {
    const open = gate(resolveModel("2026.3.13"), resolveModel("pr-48285"));
    expect(open.unaccepted.length).toBeGreaterThan(0);
    expect(open.widened.filter((w) => !w.cell.includes("role=node")).map((w) => w.cell).every((k) => k.includes("client=backend") && k.includes("upgrade=role"))).toBe(true);
    const nodeOnly = gate(resolveModel("2026.3.13"), resolveModel("pr-48285"), { allow: [{ when: "role=node,loc=local", why: "the PR's stated intent" }] });
    expect(nodeOnly.unaccepted.map((u) => u.when)).toEqual([expect.stringContaining("upgrade=role")]);
    const accepted = gate(resolveModel("2026.3.13"), resolveModel("pr-48285"), {
      allow: [{ when: "role=node,loc=local", why: "the PR's stated intent" }, { when: BACKEND_UPGRADE, why: "commit 2, on purpose" }],
    });
    expect(accepted.unaccepted).toEqual([]);
  });

  it("exits 1 outside the envelope, 0 within it, 2 for a malformed envelope", () => {
    expect(clawproof("gate", "model:2026.3.13", "model:pr-48285").code).toBe(1);
    const dir = tempDir("clawproof-env-");
    const good = join(dir, "ok.json");
    writeFileSync(good, JSON.stringify({ allow: [{ when: "role=node,loc=local", why: "accepted on purpose" }, { when: BACKEND_UPGRADE, why: "commit 2" }] }));
    expect(clawproof("gate", "model:2026.3.13", "model:pr-48285", "--envelope", good).code).toBe(0);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ allow: [{ when: "role=node" }] }));
    const run = clawproof("gate", "model:2026.3.13", "model:pr-48285", "--envelope", bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^clawproof: envelope .* is not/);
  });

  it("fails a change that only narrows (dropping PR #48285 again), unless narrowing is allowed", () => {
    const report = gate(resolveModel("pr-48285"), resolveModel("2026.3.13"));
    expect(report.unaccepted).toEqual([]);
    expect(report.narrowing.length).toBeGreaterThan(0);
    expect(report.failed).toBe(true);
    expect(gate(resolveModel("pr-48285"), resolveModel("2026.3.13"), undefined, { allowNarrowing: true }).failed).toBe(false);
    expect(clawproof("gate", "model:pr-48285", "model:2026.3.13").code).toBe(1);
    expect(clawproof("gate", "model:pr-48285", "model:2026.3.13", "--allow-narrowing").code).toBe(0);
  });

  it("puts every changed cell in exactly one row: the classes' rows add up to the diff", () => {
    for (const [b, h] of [["2026.3.11", "2026.3.13"], ["2026.3.13", "pr-48285"]] as const) {
      const report = gate(resolveModel(b), resolveModel(h), { allow: [{ when: "role=node,loc=local", why: "one class of each" }] });
      const diff = diffImplementations(resolveModel(b), resolveModel(h));
      const rows = [...report.unaccepted, ...report.accepted, ...report.narrowing, ...report.other];
      expect(rows.reduce((n, r) => n + r.cells, 0), `${b} → ${h}`).toBe(diff.changes.length);
      expect(report.narrowed + report.otherChanges + report.widened.length).toBe(diff.changes.length);
      for (const group of diff.groups) expect(group.rows.reduce((n, r) => n + r.cells, 0)).toBe(group.cells);
    }
  });

  it("refuses an envelope entry that would accept every widening unless it says so", () => {
    expect(() => gate(resolveModel("2026.3.13"), resolveModel("pr-48285"), { allow: [{ when: "", why: "oops" }] })).toThrow(/empty "when"/);
    expect(() => gate(resolveModel("2026.3.13"), resolveModel("pr-48285"), { allow: [{ when: " ", why: "oops" }] })).toThrow(/empty "when"/);
    const all = gate(resolveModel("2026.3.13"), resolveModel("pr-48285"), { allow: [{ when: "", why: "accept the whole change", everything: true }] });
    expect(all.unaccepted).toEqual([]);
    const dir = tempDir("clawproof-env-");
    const empty = join(dir, "empty.json");
    writeFileSync(empty, JSON.stringify({ allow: [{ when: "", why: "too broad" }] }));
    const run = clawproof("gate", "model:2026.3.13", "model:pr-48285", "--envelope", empty);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});
