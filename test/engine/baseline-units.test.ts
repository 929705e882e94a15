import { describe, expect, it } from "vitest";
import { clawproof } from "../helpers/cli.ts";

interface Entry { property: string; status: string; newViolations: number; preExisting: number }

describe("--baseline on a ground-truth property", () => {
  it("counts new and pre-existing violations in one unit (connections per topology)", () => {
    // the 3.13 base holds remote-origin-node-needs-identity, so nothing the PR breaks there can be pre-existing
    const base = clawproof("check", "model:2026.3.13", "--property", "remote-origin-node-needs-identity");
    expect(base.code).toBe(0);
    const run = clawproof("check", "model:pr-48285", "--baseline", "model:2026.3.13", "--property", "remote-origin-node-needs-identity", "--format", "json");
    expect(run.code).toBe(1);
    const entry = (JSON.parse(run.stdout) as { baseline: { entries: Entry[] }[] }).baseline[0]!.entries[0]!;
    const topologies = (JSON.parse(run.stdout) as { impls: { properties: { topologies: { violations: number }[] }[] }[] }).impls[0]!.properties[0]!.topologies;
    expect(entry.status).toBe("new");
    expect(entry.preExisting).toBe(0);
    expect(entry.newViolations).toBe(topologies.reduce((n, t) => n + t.violations, 0));
  });
});
