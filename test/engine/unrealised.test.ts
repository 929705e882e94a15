import { describe, expect, it } from "vitest";
import { checkImplementation } from "../../src/engine/check.ts";
import { resolveModel } from "../../src/impl/resolve-ref.ts";
import type { Implementation } from "../../src/impl/implementation.ts";
import { cellsAt } from "../../src/domain/enumerate.ts";
import { withField } from "../../src/domain/cell-facts.ts";
import { ACCEPTED_EXCEPTIONS, PROPERTIES, findProperty } from "../../properties/index.ts";

/** The model of a release, but unable to decide cells of one locality (a gateway without a netns cannot realise remote ones). */
function without(spec: string, locality: "remote" | "local", reason: string): Implementation {
  const model = resolveModel(spec);
  let decided = 0;
  return {
    ...model,
    ref: `without-${locality}:${spec}`,
    unrealised: (cell) => (cell.locality === locality ? reason : undefined),
    decide: (cell) => {
      if (cell.locality === locality) decided++;
      return model.decide(cell);
    },
    get notes() {
      return [`${locality} cells decided: ${decided}`];
    },
  };
}
const localOnly = (spec: string) => without(spec, "remote", "remote peers need a network namespace");

describe("cells an implementation cannot realise", () => {
  it("are reported unchecked per reason, never decided and never counted as checked", () => {
    const impl = localOnly("2026.9.6");
    const result = checkImplementation(impl, { properties: PROPERTIES, seed: 7, randomRuns: 50, exceptions: ACCEPTED_EXCEPTIONS });
    const remote = cellsAt("2026.9.6").filter((c) => c.locality === "remote").length;
    expect(result.unchecked).toEqual([expect.objectContaining({ reason: "remote peers need a network namespace", cells: remote })]);
    expect(impl.notes).toEqual(["remote cells decided: 0"]);
    // a property about remote cells only has nothing left to check
    const remoteOnly = result.properties.find((p) => p.id === "remote-node-needs-identity")!;
    expect(remoteOnly.cells).toBe(0);
  });

  it("make a pair property unchecked where the neighbour it needs is unrealised", () => {
    // locality-monotone speaks of remote cells and compares each with the same connect from local
    const impl = without("2026.9.6", "local", "no loopback listener");
    const monotone = findProperty("locality-monotone")!;
    const result = checkImplementation(impl, { properties: [monotone], seed: 7, randomRuns: 20, exceptions: ACCEPTED_EXCEPTIONS });
    const p = result.properties[0]!;
    // only an admitted remote connect needs its local twin's verdict
    const model = resolveModel("2026.9.6");
    const needTwin = cellsAt("2026.9.6").filter(
      (c) => c.locality === "remote" && withField(c, "locality", "local") !== undefined && model.decide(c).outcome === "admit",
    ).length;
    expect(needTwin).toBeGreaterThan(0);
    expect(p.unchecked).toEqual([{ reason: "no loopback listener", cells: needTwin }]);
    expect(p.status).toBe("holds");
    expect(impl.notes).toEqual(["local cells decided: 0"]);
  });

  it("are absent from the report when the implementation realises every cell", () => {
    const result = checkImplementation(resolveModel("2026.9.6"), { properties: PROPERTIES, seed: 7, randomRuns: 20, exceptions: ACCEPTED_EXCEPTIONS });
    expect(result.unchecked).toBeUndefined();
    expect(result.provenance.every((p) => p.decidedBy === "model")).toBe(true);
  });
});
