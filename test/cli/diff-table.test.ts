import { describe, expect, it } from "vitest";
import { DiffReportSchema } from "../../src/engine/diff.ts";
import { clawproof } from "../helpers/cli.ts";

describe("clawproof diff", () => {
  it("reports changed cells by field name, grouped into rules", () => {
    const run = clawproof("diff", "model:2026.3.11", "model:2026.3.13", "--format", "json");
    expect(run.code).toBe(0);
    const diff = DiffReportSchema.parse(JSON.parse(run.stdout));
    expect(diff.changes[0]!.cell).toHaveProperty("role");
    expect(diff.changes.some((c) => c.cell.role === "node")).toBe(false);
    const rows = diff.groups.flatMap((g) => g.rows);
    expect(rows.length).toBeLessThan(diff.changes.length / 10);
  });

  it("renders text and markdown", () => {
    expect(clawproof("diff", "model:2026.3.13", "model:pr-48285").stdout).toMatch(/reject device-required {2}→ {2}admit/);
    expect(clawproof("diff", "model:2026.3.13", "model:pr-48285", "--format", "markdown").stdout).toMatch(/^## clawproof diff/);
  });
});

describe("clawproof table", () => {
  it("groups the whole decision table into far fewer rows than cells", () => {
    const run = clawproof("table", "model:2026.9.6", "--format", "csv");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("decision,role,client,device,authMode,credential,locality,origin,allowInsecureAuth,dangerouslyDisableDeviceAuth,cells");
    const total = lines.slice(1).reduce((n, l) => n + Number(l.split(",").at(-1)), 0);
    expect(total).toBeGreaterThanOrEqual(17856);
    expect(lines.length).toBeLessThan(300);
  });
});

describe("catalogue", () => {
  it("lists the models and properties", () => {
    expect(clawproof("models").stdout).toMatch(/E4 {2}2026\.8\.1 … 2026\.9\.6/);
    expect(clawproof("properties").stdout).toMatch(/remote-node-needs-identity/);
  });
});
