import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gate, widens } from "../../src/engine/gate.ts";
import { resolveModel } from "../../src/impl/resolve-ref.ts";
import { clawproof } from "../helpers/cli.ts";
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
    const dir = mkdtempSync(join(tmpdir(), "clawproof-env-"));
    const good = join(dir, "ok.json");
    writeFileSync(good, JSON.stringify({ allow: [{ when: "role=node,loc=local", why: "accepted on purpose" }, { when: BACKEND_UPGRADE, why: "commit 2" }] }));
    expect(clawproof("gate", "model:2026.3.13", "model:pr-48285", "--envelope", good).code).toBe(0);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ allow: [{ when: "role=node" }] }));
    const run = clawproof("gate", "model:2026.3.13", "model:pr-48285", "--envelope", bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^clawproof: envelope .* is not/);
  });

  it("a narrowing change passes: 3.11 → 3.13 only tightens or keeps node and Control UI access", () => {
    const report = gate(resolveModel("2026.3.11"), resolveModel("2026.3.13"));
    expect(report.narrowed).toBeGreaterThan(0);
  });
});
