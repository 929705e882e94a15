import { describe, expect, it } from "vitest";
import { CELL_FIELDS } from "../../src/domain/cell.ts";
import { cellKey } from "../../src/domain/cell-key.ts";
import { cellsAt } from "../../src/domain/enumerate.ts";
import { sameDecision } from "../../src/domain/verdict.ts";
import { DiffReportSchema } from "../../src/engine/diff.ts";
import { resolveModel } from "../../src/impl/resolve-ref.ts";
import { clawproof } from "../helpers/cli.ts";

describe("clawproof diff", () => {
  it("reports changed cells by field name, grouped into rules", () => {
    const run = clawproof("diff", "model:2026.3.11", "model:2026.3.13", "--format", "json");
    expect(run.code).toBe(0);
    const diff = DiffReportSchema.parse(JSON.parse(run.stdout));
    expect(diff.changes[0]!.cell).toHaveProperty("role");
    // exactly the cells the two models decide differently, computed here without the CLI
    const [base, head] = [resolveModel("2026.3.11"), resolveModel("2026.3.13")];
    const changed = cellsAt("2026.3.11").filter((c) => !sameDecision(base.decide(c), head.decide(c))).map(cellKey);
    expect(new Set(diff.changes.map((c) => c.key))).toEqual(new Set(changed));
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
    expect(lines[0]).toBe(["decision", ...CELL_FIELDS.map(([field]) => field), "cells"].join(","));
    const total = lines.slice(1).reduce((n, l) => n + Number(l.split(",").at(-1)), 0);
    // a row's count is its cube's size (excluded connects included), so rows cover at least every valid connect
    expect(total).toBeGreaterThanOrEqual(cellsAt("2026.9.6").length);
    expect(lines.length).toBeLessThan(300);
  });
});

describe("catalogue", () => {
  it("lists the models and properties", () => {
    expect(clawproof("models").stdout).toMatch(/E4 {2}2026\.8\.1 … 2026\.9\.6/);
    expect(clawproof("properties").stdout).toMatch(/remote-node-needs-identity/);
  });
});
