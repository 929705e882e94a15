/**
 * The programmatic API (`import … from "clawproof"`) answers what the CLI answers, as values that
 * validate against the exported schemas, and fails with CannotCheckError where the CLI exits 2.
 */
import { describe, expect, it } from "vitest";
import {
  CannotCheckError, CellSchema, ImplResultSchema, VerdictSchema, autoBaseRef, check, checkSarif, decide, diff, gate, parseCellKey, resolve,
} from "../../src/api/index.ts";
import { gateJunit } from "../../src/report/gate-junit.ts";
import { gateMarkdown } from "../../src/report/gate-markdown.ts";
import { gateFailed } from "../../src/report/gate-text.ts";
import { clawproof } from "../helpers/cli.ts";

const NODE_LOCAL = "role=node,client=cli,device=none,auth=token,cred=secret-ok,loc=local,origin=none,insecure=0,ddda=0";

describe("clawproof API", () => {
  it("check gives the CLI's verdicts as a schema-valid result, and failed follows the violations", async () => {
    const result = await check("model:pr-48285", { properties: ["node-never-admitted-without-identity", "remote-node-needs-identity"] });
    expect(ImplResultSchema.safeParse(result).success).toBe(true);
    const cli = JSON.parse(clawproof("check", "model:pr-48285", "--property", "node-never-admitted-without-identity", "--seed", "1", "--format", "json").stdout) as { impls: { properties: { id: string; status: string; violations: number }[] }[] };
    const mine = result.properties.find((p) => p.id === "node-never-admitted-without-identity")!;
    const theirs = cli.impls[0]!.properties[0]!;
    expect([mine.status, mine.violations]).toEqual([theirs.status, theirs.violations]);
    expect(result.failed).toBe(true);
  });

  it("decide answers one cell with a schema-valid verdict; diff and gate compare two implementations", async () => {
    const head = await resolve("model:pr-48285");
    const base = await resolve("model:2026.3.13");
    const cell = parseCellKey(NODE_LOCAL);
    expect(CellSchema.parse(cell)).toEqual(cell);
    const [before, after] = [decide(base, cell), decide(head, cell)];
    expect(VerdictSchema.safeParse(after).success).toBe(true);
    expect([before.outcome, after.outcome]).toEqual(["reject", "admit"]);
    const d = await diff(base, head);
    expect(d.changes.some((c) => c.key === NODE_LOCAL)).toBe(true);
    const g = await gate(base, head);
    expect(g.widened.some((w) => w.cell === NODE_LOCAL)).toBe(true);
    expect((await gate(base, base)).widened).toEqual([]);
  });

  it("base auto has no meaning for a model, and an unknown property is a CannotCheckError", async () => {
    const model = await resolve("model:2026.9.6");
    expect(autoBaseRef(model)).toBeUndefined();
    await expect(gate("auto", model)).rejects.toThrow(CannotCheckError);
    await expect(check(model, { properties: ["no-such-property"] })).rejects.toThrow(/unknown property "no-such-property"/);
  });

  it("checkSarif renders any check report; a model's results carry a logical location, never a made-up file", async () => {
    const result = await check("model:pr-48285", { properties: ["node-never-admitted-without-identity"] });
    const sarif = JSON.parse(checkSarif({ tool: "clawproof", command: "check", impls: [result] })) as { runs: { results: { locations: { physicalLocation?: unknown; logicalLocations?: unknown }[] }[] }[] };
    const location = sarif.runs[0]!.results[0]!.locations[0]!;
    expect(location.physicalLocation).toBeUndefined();
    expect(location.logicalLocations).toBeDefined();
  });

  it("gate reports fail a narrowing in JUnit and Markdown too, and accept it when told to", async () => {
    const report = await gate("model:pr-48285", "model:2026.3.13");
    expect(report.narrowing.length).toBeGreaterThan(0);
    const junit = gateJunit({ report });
    expect(gateFailed({ report })).toBe(true);
    expect((junit.match(/<failure /g) ?? []).length).toBe(report.unaccepted.length + report.narrowing.length);
    expect(gateMarkdown({ report })).toContain("Narrowing (fails;");
    const allowed = { ...report, allowNarrowing: true };
    expect(gateFailed({ report: allowed })).toBe(report.unaccepted.length > 0);
    expect((gateJunit({ report: allowed }).match(/<failure /g) ?? []).length).toBe(report.unaccepted.length);
  });
});
